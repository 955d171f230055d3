import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ReadingFile, writeReadingFiles } from './reading-files';
import { reutersArticles } from './reuters-corpus';

/**
 * `npx tsx bench/compare-libraries.ts`: the candidate libraries for each format on the reading
 * benchmark's files (a 300-page PDF, about a megabyte of Word, HTML and Markdown), each run in a fresh
 * process: time and peak RSS over the starting RSS, per MB of input. Candidates coop does not use are not
 * dependencies; install them first, without saving:
 * `npm install --no-save pdfjs-dist jsdom markdown-it mdast-util-from-markdown`. Missing ones are skipped.
 */
const CANDIDATES: Record<string, string[]> = {
  pdf: ['unpdf', 'pdfjs-dist'],
  docx: ['mammoth'],
  html: ['readability+linkedom', 'readability+jsdom'],
  markdown: ['marked', 'markdown-it', 'mdast-util-from-markdown'],
};

/** Reads `file` with `library` and returns a count of what it found (so the work cannot be skipped). */
async function readWith(library: string, file: string): Promise<number> {
  const bytes = await readFile(file);
  // biome-ignore lint/suspicious/noExplicitAny: the candidates are not dependencies, so there are no types to check.
  const load = (name: string) => import(name) as Promise<Record<string, any>>;
  switch (library) {
    case 'unpdf':
    case 'pdfjs-dist': {
      const pdfjs =
        library === 'unpdf'
          ? await (await load('unpdf')).getResolvedPDFJS()
          : await load('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
      let items = 0;
      for (let page = 1; page <= pdf.numPages; page++) {
        items += (await (await pdf.getPage(page)).getTextContent()).items.length;
      }
      await pdf.destroy();
      return items;
    }
    case 'mammoth':
      return (await (await load('mammoth')).default.convertToHtml({ buffer: bytes })).value.length;
    case 'readability+linkedom':
    case 'readability+jsdom': {
      const { Readability } = await load('@mozilla/readability');
      const html = bytes.toString('utf8');
      const document =
        library === 'readability+linkedom'
          ? (await load('linkedom')).parseHTML(html).document
          : new (await load('jsdom')).JSDOM(html).window.document;
      return new Readability(document).parse().textContent.length;
    }
    case 'marked':
      return (await load('marked')).marked.lexer(bytes.toString('utf8')).length;
    case 'markdown-it':
      return new (await load('markdown-it')).default().parse(bytes.toString('utf8'), {}).length;
    default:
      return (await load('mdast-util-from-markdown')).fromMarkdown(bytes.toString('utf8')).children.length;
  }
}

async function child(library: string, file: string): Promise<void> {
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const found = await readWith(library, file);
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ms, found, peakMB: (peak - baseline) / 2 ** 20 })}\n`);
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'coop-compare-'));
  try {
    const files = await writeReadingFiles(root, await reutersArticles());
    console.log('format    library                    MB    time   MB/s   peak RSS/MB');
    for (const [format, libraries] of Object.entries(CANDIDATES)) {
      const file = files.find((candidate) => candidate.format === format) as ReadingFile;
      const mb = file.bytes / 2 ** 20;
      for (const library of libraries) {
        const run = spawnSync(
          process.execPath,
          ['--import', 'tsx', __filename, library, path.join(file.dir, file.file)],
          { encoding: 'utf8' },
        );
        const figures =
          run.status === 0 ? JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') : undefined;
        if (!figures) {
          console.log(`${format.padEnd(9)} ${library.padEnd(24)} not installed or failed`);
          continue;
        }
        const seconds = figures.ms / 1000;
        console.log(
          `${format.padEnd(9)} ${library.padEnd(24)} ${mb.toFixed(2).padStart(5)} ${seconds.toFixed(2).padStart(6)} s ${(mb / seconds).toFixed(2).padStart(6)} ${(figures.peakMB / mb).toFixed(0).padStart(8)} MB`,
        );
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv.length > 3) void child(process.argv[2], process.argv[3]);
else void main();
