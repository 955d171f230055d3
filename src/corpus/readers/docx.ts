import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { addDomContent, type DomNode } from './dom-sections';
import { SectionBuilder } from './sections';
import { type DocumentContent, ReaderError } from './types';

/** Word's title and heading styles as HTML, so the walker sees the document's structure. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
];

/**
 * Reads a Word `.docx` file with mammoth, which turns its styles into HTML: headings (Word's Title
 * style becomes the document title, Heading 1–4 the heading path), paragraphs, lists and tables (the first
 * row names the columns). Images and comments are ignored.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocumentContent> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw new ReaderError(
      `not a readable Word file (${error instanceof Error ? error.message : error}); open and save it again in Word as .docx`,
    );
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const builder = new SectionBuilder();
  addDomContent(builder, document.body as unknown as DomNode, { firstRowIsHeader: true });
  return builder.finish();
}
