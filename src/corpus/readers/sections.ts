import type { DocumentContent, ReadParagraph, ReadSection } from './types';

/** Code blocks are kept to this many characters, so a long listing does not flood the search. */
export const CODE_MAX_CHARS = 200;

/**
 * Collects a structured document (Markdown, HTML, Word) into sections: each heading opens a section whose
 * location is the path of headings above it, so a passage never spans two. A single top-level heading
 * that opens the document is its title, not part of every path.
 */
export class SectionBuilder {
  private readonly headings: { depth: number; text: string }[] = [];
  private readonly sections: { headings: { depth: number; text: string }[]; paragraphs: ReadParagraph[] }[] =
    [];

  /** A heading of `depth` (1 for `#`/`<h1>`): it replaces those at its depth or deeper. */
  heading(depth: number, text: string): void {
    const clean = collapse(text);
    if (clean === '') return;
    while (this.headings.length > 0 && this.headings[this.headings.length - 1].depth >= depth) {
      this.headings.pop();
    }
    this.headings.push({ depth, text: clean });
    this.sections.push({ headings: [...this.headings], paragraphs: [] });
  }

  /** A paragraph of the current section; white space is collapsed and empty text ignored. */
  paragraph(text: string, isListItem = false): void {
    const clean = collapse(text);
    if (clean === '') return;
    if (this.sections.length === 0) this.sections.push({ headings: [], paragraphs: [] });
    this.sections[this.sections.length - 1].paragraphs.push({ text: clean, isListItem });
  }

  /** A code block: kept, shortened to {@link CODE_MAX_CHARS}, as its own paragraph. */
  code(text: string): void {
    const clean = collapse(text);
    this.paragraph(clean.length > CODE_MAX_CHARS ? `${clean.slice(0, CODE_MAX_CHARS - 1)}…` : clean);
  }

  /** A table as readable rows, each a list item and a sentence of its own: `Header: cell; Header: cell.` */
  table(header: string[], rows: string[][]): void {
    const names = header.map(collapse);
    for (const row of rows) {
      const cells = row.map(collapse);
      const text = cells
        .map((cell, i) => (names[i] && cell ? `${names[i]}: ${cell}` : cell))
        .filter((cell) => cell !== '')
        .join('; ');
      this.paragraph(text === '' || /[.!?]$/.test(text) ? text : `${text}.`, true);
    }
  }

  /** The sections with their heading paths, and the title heading when there is one. */
  finish(): Pick<DocumentContent, 'title' | 'sections'> {
    const topLevel = this.sections.filter(
      (section) => section.headings.length === 1 && section.headings[0].depth === 1,
    );
    const first = this.sections[0];
    const titleHeading =
      topLevel.length === 1 &&
      first === topLevel[0] &&
      this.sections.every((s) => s.headings[0] === first.headings[0])
        ? first.headings[0]
        : undefined;
    const sections: ReadSection[] = this.sections
      .filter((section) => section.paragraphs.length > 0)
      .map((section) => {
        const headings = section.headings.filter((heading) => heading !== titleHeading).map((h) => h.text);
        return { location: headings.length > 0 ? { headings } : undefined, paragraphs: section.paragraphs };
      });
    return { title: titleHeading?.text, sections };
  }
}

/** White space runs made single spaces, ends trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
