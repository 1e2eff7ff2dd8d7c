// Re-rendering a webview from scratch, without losing the keyboard user's place.
/** Replaces what `root` shows with `content`; the element that had focus (found again by its aria-label) keeps it,
 * and a <details> section the user opened (found again by its class) stays open when a new analysis arrives. */
export function replaceKeepingFocus(root: HTMLElement, content: Node): void {
  const focusedLabel = document.activeElement?.getAttribute('aria-label');
  const open = new Set(Array.from(root.querySelectorAll('details[open]')).map((details) => details.className));
  root.replaceChildren(content);
  for (const details of Array.from(root.querySelectorAll('details'))) if (open.has(details.className)) details.open = true;
  if (!focusedLabel) return;
  const again = Array.from(root.querySelectorAll('[aria-label]')).find((node) => node.getAttribute('aria-label') === focusedLabel);
  if (again instanceof HTMLElement || again instanceof SVGElement) again.focus();
}
