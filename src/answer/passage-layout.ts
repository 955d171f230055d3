/**
 * How a quoted passage is laid out as text: running prose stays on one line, while each list item or
 * table row stands on a line of its own behind a bullet, as it did in the document.
 */

/** The bullet put before a list item or a table row. */
export const LIST_BULLET = '• ';

/**
 * Joins a passage's sentences (already formatted, e.g. the answer in bold) in their layout. `listItems`
 * holds indexes into the passage's sentences; `first` is the passage index of `parts[0]`, for callers
 * that quote only part of a passage. Prose sentences are joined by a space, items by new lines.
 */
export function layOutSentences(parts: string[], listItems: readonly number[] = [], first = 0): string {
  const items = new Set(listItems);
  let text = '';
  parts.forEach((part, offset) => {
    const isItem = items.has(first + offset);
    const afterItem = offset > 0 && items.has(first + offset - 1);
    if (offset === 0) text = isItem ? `${LIST_BULLET}${part}` : part;
    else if (isItem) text += `\n${LIST_BULLET}${part}`;
    else text += afterItem ? `\n${part}` : ` ${part}`;
  });
  return text;
}
