import type { DocumentContent } from '../../../src/corpus/readers/types';

/** Each paragraph a reader gave as `heading path | text`, list items marked with `- `. */
export function contentLines(content: DocumentContent): string[] {
  return content.sections.flatMap((section) =>
    section.paragraphs.map(
      (p) => `${section.location?.headings?.join(' › ') ?? ''} | ${p.isListItem ? '- ' : ''}${p.text}`,
    ),
  );
}
