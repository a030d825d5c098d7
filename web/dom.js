// h(): the one way the page builds elements. Children are nodes or strings; strings always become
// text nodes, so data (pasted text, engine output) can never be parsed as markup.
//
//   h('li', { class: 'claim', dataset: { ref: 'A1' }, on: { click } }, 'text', h('b', {}, 'x'))
//
// attrs: `class`, `dataset` (object), `on` (event → handler), anything else via setAttribute
// (null/undefined/false values are skipped, true sets an empty attribute).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

// Appends nodes and strings (as text nodes); arrays are flattened, null/undefined/false skipped.
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === 'string' || typeof child === 'number') parent.append(document.createTextNode(String(child)));
    else parent.append(child);
  }
  return parent;
}

// Arabic text inside the English UI: its own direction, isolated from the surrounding text.
export function ar(text, attrs = {}) {
  return h('bdi', { lang: 'ar', dir: 'rtl', ...attrs }, text);
}
