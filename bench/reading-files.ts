import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDocx, buildPdf, type DocxBlock, type PdfParagraph } from '../test/fixtures/documents';
import type { ArticleFile } from './reuters-corpus';

/** One file of the reading benchmark, alone in its folder. */
export interface ReadingFile {
  format: string;
  dir: string;
  file: string;
  bytes: number;
  /** Pages, for the PDF. */
  pages?: number;
}

const PDF_PAGES = 300;
/** About a megabyte of article text for each of the other formats. */
const TEXT_CHARS = 1_000_000;
const PARAGRAPHS_PER_PDF_PAGE = 5;

/**
 * Writes the same Reuters articles as each format a team keeps: a 300-page PDF report (running header,
 * page footers), a Word file, a saved web page (navigation, footer, scripts around the article) and a
 * Markdown handbook (front matter, a heading per article), about a megabyte of text each, plus the `.txt`
 * files coop read before, for comparison. Real text throughout.
 */
export async function writeReadingFiles(root: string, articles: ArticleFile[]): Promise<ReadingFile[]> {
  const stories = articles.map(story);
  const upTo = (chars: number) => {
    const chosen: typeof stories = [];
    let total = 0;
    for (const item of stories) {
      if (total >= chars) break;
      chosen.push(item);
      total += item.paragraphs.join(' ').length;
    }
    return chosen;
  };
  const files: ReadingFile[] = [];
  const add = async (format: string, name: string, content: string | Uint8Array, pages?: number) => {
    const dir = path.join(root, format);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), content);
    files.push({ format, dir, file: name, bytes: Buffer.byteLength(content), pages });
  };

  const pdfParagraphs: PdfParagraph[] = stories.flatMap((item) => [
    { heading: ascii(item.title).slice(0, 60) },
    ...item.paragraphs.map(ascii),
  ]);
  const pages: PdfParagraph[][] = [];
  for (let i = 0; pages.length < PDF_PAGES; i += PARAGRAPHS_PER_PDF_PAGE) {
    pages.push(
      pdfParagraphs.slice(i % pdfParagraphs.length, (i % pdfParagraphs.length) + PARAGRAPHS_PER_PDF_PAGE),
    );
  }
  await add(
    'pdf',
    'markets-review.pdf',
    await buildPdf({
      title: 'Markets review 1987',
      header: 'Markets review 1987 - Reuters-21578 articles',
      footer: (page, total) => `Page ${page} of ${total}`,
      pages,
    }),
    PDF_PAGES,
  );

  const chosen = upTo(TEXT_CHARS);
  const blocks: DocxBlock[] = chosen.flatMap((item) => [
    { heading: item.title, level: 1 as const },
    ...item.paragraphs.map((paragraph) => ({ paragraph })),
  ]);
  await add('docx', 'markets-review.docx', await buildDocx({ title: 'Markets review 1987', blocks }));

  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join(
    '',
  );
  const body = chosen
    .map(
      (item) =>
        `<h2>${escapeHtml(item.title)}</h2>\n${item.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`,
    )
    .join('\n');
  await add(
    'html',
    'markets-review.html',
    `<!doctype html><html><head><title>Markets review 1987</title><meta name="date" content="1987-03-01"><link rel="canonical" href="https://archive.example.org/markets-1987"></head><body><nav><ul>${nav}</ul></nav><main><article><h1>Markets review 1987</h1>\n${body}\n</article></main><footer><p>Reuters-21578 articles, for research use.</p></footer><script>var page = 'markets';</script></body></html>`,
  );

  await add(
    'markdown',
    'markets-review.md',
    `---\ntitle: Markets review 1987\ndate: 1987-03-01\n---\n\n# Markets review 1987\n\n${chosen
      .map((item) => `## ${item.title}\n\n${item.paragraphs.join('\n\n')}\n`)
      .join('\n')}`,
  );

  const txtDir = path.join(root, 'txt');
  await mkdir(txtDir, { recursive: true });
  let txtBytes = 0;
  for (const article of articles.slice(0, chosen.length)) {
    await writeFile(path.join(txtDir, article.name), article.text);
    txtBytes += Buffer.byteLength(article.text);
  }
  files.push({ format: 'txt', dir: txtDir, file: `${chosen.length} .txt files`, bytes: txtBytes });
  return files;
}

/** An article's headline and paragraphs. */
function story(article: ArticleFile): { title: string; paragraphs: string[] } {
  const [title = 'REUTERS', ...rest] = article.text.split(/\n\s*\n/);
  const paragraphs = rest
    .filter((block) => !/^date \d{4}/.test(block))
    .flatMap((block) => block.split(/\n(?=\s{2,})/))
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '');
  return { title: title.trim(), paragraphs };
}

/** The standard PDF fonts draw WinAnsi only. */
function ascii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, ' ');
}
