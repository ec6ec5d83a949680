/**
 * Creates an element with a class and text. Text is always set as `textContent`: nothing the
 * platform sends is ever parsed as HTML.
 */
export function createElement<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);

  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;

  return node;
}

/**
 * A prefix for the ids of one mounted embed, so that labels point at their own controls even
 * with several embeds, or two copies of the SDK, on one page.
 */
export function uniquePrefix(): string {
  return `ce-${Math.random().toString(36).slice(2, 10)}`;
}
