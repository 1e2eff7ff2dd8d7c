// Tiny DOM builders. All text goes in through textContent or attributes, never innerHTML, so transcript text
// can never become markup in the panel.
type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

function applyAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  applyAttributes(node, attributes);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attributes: Attributes = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  applyAttributes(node, attributes);
  append(node, children);
  return node;
}

/** A real <button> (keyboard and screen-reader friendly) that runs `onClick`. */
export function button(label: string, onClick: () => void, attributes: Attributes = {}, ...children: Child[]): HTMLButtonElement {
  const node = h('button', { type: 'button', ...attributes }, ...(children.length ? children : [label]));
  if (children.length) node.setAttribute('aria-label', label);
  node.addEventListener('click', onClick);
  return node;
}
