// The side panel: three ARIA tabs (Sources, Entities, Events) and their lists. Items are buttons;
// choosing one calls onSelect({ kind, ref }) (kind: claim | cluster | event), which scrolls the text
// to it. Everything is built with h().
import { entityLabel, eventFlags, eventRoles, relayChain, shorten, SOURCE_KIND_NAMES } from './describe.js';
import { ar, h } from './dom.js';
import { groupClaimsBySource, isUnnamed, summaryLine } from './sources.js';

// Tabs per the WAI-ARIA tabs pattern: roving tabindex, arrows / Home / End move, activation on focus.
export function setupTabs(tablist) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
  };
  tablist.addEventListener('click', (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) select(tab, true);
  });
  tablist.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const moves = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    select(tabs[(moves[e.key] + tabs.length) % tabs.length], true);
  });
  return { select: (name) => select(tabs.find((t) => t.dataset.tab === name), false) };
}

// Lists show their first LIST_BATCH items, then a button adds the next batch: a 50,000-word
// article has thousands of claims and names, and building them all at once would stall the page.
export const LIST_BATCH = 150;
const CLAIMS_BATCH = 10; // claims shown at first under one source

// An <ol> of `count` items made by makeItem(i), built a batch at a time.
function batchedList(className, count, makeItem, batch = LIST_BATCH) {
  const list = h('ol', { class: className });
  let shown = 0;
  const more = h('button', { type: 'button', class: 'ghost more' });
  const showMore = () => {
    const end = Math.min(count, shown + batch);
    for (; shown < end; shown++) list.append(makeItem(shown));
    more.textContent = `Show ${Math.min(batch, count - shown)} more of ${count - shown}`;
    more.hidden = shown >= count;
  };
  more.addEventListener('click', showMore);
  showMore();
  return [list, more];
}

function empty(message) {
  return h('p', { class: 'empty' }, message);
}

function chain(attribution) {
  return h('ol', { class: 'chain', dir: 'rtl', 'aria-label': 'Relay chain, from the source to the outlet' },
    relayChain(attribution).map((t, i) => h('li', { class: i === 0 ? 'chain-source' : 'chain-via' }, ar(t))));
}

export function renderSourcesPanel(panel, result, onSelect) {
  const groups = groupClaimsBySource(result);
  const item = (g) => h('li', { class: 'source-group', dataset: { sourceKind: g.kind } },
    h('div', { class: 'group-head' },
      ar(g.label, { class: 'group-name' }),
      h('span', { class: 'kind-badge', dataset: { sourceKind: g.kind } }, SOURCE_KIND_NAMES[g.kind] || g.kind),
      isUnnamed(g.kind) ? h('span', { class: 'flag flag-unnamed', title: 'The source is not named' }, '⚠ unnamed') : null,
      h('span', { class: 'count' }, `${g.claims.length} ${g.claims.length === 1 ? 'claim' : 'claims'}`)),
    ...batchedList('claims', g.claims.length, (i) => {
      const a = g.claims[i];
      return h('li', { class: 'claim' },
        h('button', { type: 'button', class: 'item', dataset: { ref: a.id }, on: { click: () => onSelect({ kind: 'claim', ref: a.id }) } },
          h('span', { class: 'act' }, `${a.id} ${a.act}`), ' ', ar(shorten(a.content.text))),
        chain(a));
    }, CLAIMS_BATCH));
  panel.replaceChildren(
    h('p', { class: 'summary', role: 'status' }, summaryLine(result)),
    ...(groups.length ? batchedList('source-list', groups.length, (i) => item(groups[i])) : [empty('No attributed claims in this text.')]));
}

export function renderEntitiesPanel(panel, result, onSelect) {
  const clusters = [...(result.clusters || [])];
  // Mentions without a cluster are listed on their own.
  const clustered = new Set(clusters.flatMap((c) => c.mentions));
  for (const e of result.entities || []) {
    if (!clustered.has(e.id)) clusters.push({ id: e.id, type: e.type, name: e.text, mentions: [e.id], single: true });
  }
  const byId = new Map((result.entities || []).map((e) => [e.id, e]));
  clusters.sort((a, b) => b.mentions.length - a.mentions.length || a.type.localeCompare(b.type));
  const item = (c) => {
    const first = byId.get(c.mentions[0]) || { type: c.type };
    return h('li', {},
      h('button', { type: 'button', class: 'item', dataset: { cluster: c.id, type: c.type },
        on: { click: () => onSelect({ kind: 'cluster', ref: c.id, mentions: c.mentions }) } },
        h('span', { class: 'type-badge', dataset: { type: c.type } }, entityLabel(first)), ' ',
        ar(c.name), c.latin ? h('span', { class: 'latin', dir: 'ltr' }, ` ${c.latin}`) : null,
        h('span', { class: 'count' }, `×${c.mentions.length}`)));
  };
  panel.replaceChildren(
    h('p', { class: 'summary' }, `${clusters.length} ${clusters.length === 1 ? 'entity' : 'entities'}, ${(result.entities || []).length} mentions`),
    ...(clusters.length ? batchedList('entity-list', clusters.length, (i) => item(clusters[i])) : [empty('No entities in this text.')]));
}

export function renderEventsPanel(panel, result, onSelect) {
  const events = result.events || [];
  const item = (e) => {
    const roles = eventRoles(e);
    return h('li', {},
      h('button', { type: 'button', class: 'item', dataset: { ref: e.id }, on: { click: () => onSelect({ kind: 'event', ref: e.id }) } },
        h('span', { class: 'type-badge event-type' }, e.type), ' ', ar(e.trigger.text),
        h('span', { class: 'flags' }, eventFlags(e).map((f) => h('span', { class: `flag flag-${f}` }, f)))),
      h('dl', { class: 'event-roles' },
        h('div', {}, h('dt', {}, 'who → whom'), h('dd', {}, ar(roles.agent || '?'), ' → ', ar(roles.target || '?'))),
        roles.place ? h('div', {}, h('dt', {}, 'place'), h('dd', {}, ar(roles.place))) : null,
        roles.time ? h('div', {}, h('dt', {}, 'time'), h('dd', {}, ar(roles.time))) : null));
  };
  panel.replaceChildren(
    h('p', { class: 'summary' }, `${events.length} ${events.length === 1 ? 'event' : 'events'}`),
    ...(events.length ? batchedList('event-list', events.length, (i) => item(events[i])) : [empty('No events in this text.')]));
}
