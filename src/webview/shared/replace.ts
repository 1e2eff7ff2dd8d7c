// Re-rendering a webview from scratch, without losing the keyboard user's place.
/** Replaces what `root` shows with `content`; the element that had focus (found again by its aria-label) keeps it. */
export function replaceKeepingFocus(root: HTMLElement, content: Node): void {
  const focusedLabel = document.activeElement?.getAttribute('aria-label');
  root.replaceChildren(content);
  if (!focusedLabel) return;
  const again = Array.from(root.querySelectorAll('[aria-label]')).find((node) => node.getAttribute('aria-label') === focusedLabel);
  if (again instanceof HTMLElement || again instanceof SVGElement) again.focus();
}
