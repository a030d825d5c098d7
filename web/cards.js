// The card shown while a mark is hovered or focused: what the mark is, in full. One card element
// (role tooltip) is reused; the mark it describes gets aria-describedby while it is shown. Esc
// hides it. Content is built with h() only.
import {
  claimSourceOf, entityTypeName, eventFlags, eventRoles, otherMentions, relayChain, SOURCE_KIND_NAMES, sourceText,
} from './describe.js';
import { ar, h } from './dom.js';

function row(label, ...value) {
  return h('div', { class: 'card-row' }, h('dt', {}, label), h('dd', {}, ...value));
}

function chainNodes(attribution) {
  return h('ol', { class: 'chain', dir: 'rtl', 'aria-label': 'Relay chain, from the source to the outlet' },
    relayChain(attribution).map((t, i) => h('li', { class: i === 0 ? 'chain-source' : 'chain-via' }, ar(t))));
}

export function entityCard(entity, index) {
  const cluster = entity.cluster ? index.clusters.get(entity.cluster) : null;
  const others = otherMentions(index, entity);
  return [
    h('p', { class: 'card-title' }, h('span', { class: 'card-kind', dataset: { type: entity.type } }, entityTypeName(entity)), ' ', ar(entity.text)),
    h('dl', {},
      cluster && cluster.latin ? row('Latin', h('span', { class: 'latin', lang: 'ar-Latn', dir: 'ltr' }, cluster.latin)) : null,
      entity.value ? row('Value', h('code', { dir: 'ltr' }, entity.value)) : null,
      cluster ? row('Cluster', ar(cluster.name), ` · ${cluster.mentions.length} ${cluster.mentions.length === 1 ? 'mention' : 'mentions'}`) : null,
      others.length ? row('Also', h('span', { class: 'mentions' }, others.slice(0, 6).map((m, i) => [i ? '، ' : '', ar(m.text)]), others.length > 6 ? ' …' : '')) : null),
  ];
}

export function eventCard(event, index) {
  const roles = eventRoles(event);
  const claim = claimSourceOf(index, event);
  return [
    h('p', { class: 'card-title' }, h('span', { class: 'card-kind' }, `event ${event.type}`), ' ', ar(event.trigger.text)),
    h('dl', {},
      row('Who → whom', ar(roles.agent || '?'), ' → ', ar(roles.target || '?')),
      roles.place ? row('Place', ar(roles.place)) : null,
      roles.time ? row('Time', ar(roles.time)) : null,
      roles.instrument ? row('With', ar(roles.instrument)) : null,
      roles.count ? row('Count', ar(roles.count)) : null,
      row('Flags', h('span', { class: 'flags' }, eventFlags(event).map((f) => h('span', { class: `flag flag-${f}` }, f)))),
      row('Source', claim ? [ar(sourceText(claim)), ` (${SOURCE_KIND_NAMES[claim.source_kind] || claim.source_kind}, ${claim.id})`]
        : 'the article itself'),
      row('Codes', `PLOVER ${event.plover}${event.ace ? ` · ACE ${event.ace}` : ''}`)),
  ];
}

export function attributionCard(attribution, index) {
  const outer = claimSourceOf(index, attribution);
  return [
    h('p', { class: 'card-title' }, h('span', { class: 'card-kind' }, `claim ${attribution.id} · ${attribution.act}`), ' ', ar(attribution.cue.text)),
    h('dl', {},
      row('Source', ar(sourceText(attribution)), ` (${SOURCE_KIND_NAMES[attribution.source_kind] || attribution.source_kind})`),
      row('Chain', chainNodes(attribution)),
      row('Act', `${attribution.act.toLowerCase()}, ${attribution.mode}`),
      outer ? row('Within', `${outer.id}, said by `, ar(sourceText(outer))) : null),
  ];
}

// Wires the card to the marks inside `output`. `getIndex()` returns the current indexResult().
export function setupCards({ output, card, getIndex }) {
  let current = null;

  function hide() {
    if (!current) return;
    current.removeAttribute('aria-describedby');
    current = null;
    card.hidden = true;
  }

  function place(mark) {
    const r = mark.getBoundingClientRect();
    const w = card.offsetWidth;
    const hgt = card.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    // Right-aligned with the mark (the text is right to left), inside the viewport.
    let left = Math.min(Math.max(8, r.right - w), vw - w - 8);
    let top = r.bottom + 6;
    if (top + hgt > vh - 8 && r.top - hgt - 6 > 8) top = r.top - hgt - 6;
    left = Math.max(8, left);
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  function show(mark) {
    const index = getIndex();
    if (!index) return;
    const ref = mark.dataset.ref;
    let content = null;
    if (mark.dataset.kind === 'entity') content = index.entities.get(ref) && entityCard(index.entities.get(ref), index);
    else if (mark.dataset.kind === 'trigger') content = index.events.get(ref) && eventCard(index.events.get(ref), index);
    else content = index.attributions.get(ref) && attributionCard(index.attributions.get(ref), index);
    if (!content) return;
    if (current && current !== mark) current.removeAttribute('aria-describedby');
    current = mark;
    card.replaceChildren(...content);
    card.dataset.kind = mark.dataset.kind;
    card.hidden = false;
    mark.setAttribute('aria-describedby', card.id);
    place(mark);
  }

  const markOf = (target) => (target instanceof Element ? target.closest('.m[data-ref]') : null);
  output.addEventListener('mouseover', (e) => {
    const mark = markOf(e.target);
    if (mark && mark !== current) show(mark);
    else if (!mark) hide();
  });
  output.addEventListener('mouseleave', () => { if (current && !current.matches(':focus')) hide(); });
  output.addEventListener('focusin', (e) => { const mark = markOf(e.target); if (mark) show(mark); });
  output.addEventListener('focusout', () => hide());
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && current) { e.preventDefault(); hide(); } });
  window.addEventListener('scroll', () => { if (current) place(current); }, { passive: true });
  return { show, hide, get current() { return current; } };
}
