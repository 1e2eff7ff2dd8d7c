// A chart as a small tree of SVG elements rather than a string, so that one drawing serves two front ends: the HTML
// report serialises it (svgMarkup escapes every text and attribute), and the editor's webview builds DOM nodes from
// it with createElementNS and textContent, never parsing markup.
import { escapeXml } from '../annotations/xml';

export interface SvgNode {
  tag: string;
  attributes: Record<string, string>;
  children: (SvgNode | string)[];
}

export function svgNode(tag: string, attributes: Record<string, string | number> = {}, ...children: (SvgNode | string)[]): SvgNode {
  return { tag, attributes: Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, String(value)])), children };
}

/** The tree as markup: one element a line at the top level, as the report has always been written. */
export function svgMarkup(node: SvgNode, depth = 0): string {
  const attributes = Object.entries(node.attributes).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
  if (node.children.length === 0) return `<${node.tag}${attributes}/>`;
  const children = node.children.map((child) => (typeof child === 'string' ? escapeXml(child) : svgMarkup(child, depth + 1)));
  const separator = depth === 0 ? '\n' : '';
  return `<${node.tag}${attributes}>${separator}${children.join(separator)}${separator}</${node.tag}>`;
}
