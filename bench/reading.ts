import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runJsonChild } from './json-child';
import { type ReadingFile, writeReadingFiles } from './reading-files';
import type { ArticleFile } from './reuters-corpus';

/** Reading throughput of one format. */
export interface ReadingResult {
  format: string;
  file: string;
  mb: number;
  pages?: number;
  passages: number;
  seconds: number;
  mbPerSecond: number;
  peakRssMbPerMb: number;
  maxLoopDelayMs: number;
}

/**
 * Reads each format's benchmark file in a fresh process and reports time, throughput, peak memory per MB
 * of input, and the longest the main thread was held up while reading. A one-line Markdown file gives the
 * reader thread's start-up cost, paid once per load.
 */
export async function measureReading(
  workRoot: string,
  articles: ArticleFile[],
): Promise<{
  readerStartMs: number;
  formats: ReadingResult[];
}> {
  const files = await writeReadingFiles(path.join(workRoot, 'reading'), articles);
  const tiny = path.join(workRoot, 'reading', 'tiny');
  await mkdir(tiny, { recursive: true });
  await writeFile(path.join(tiny, 'note.md'), '# Note\n\nThe reader thread starts for this one line.\n');
  const readerStartMs = Number((await readIn(tiny)).ms);
  const formats: ReadingResult[] = [];
  for (const file of files) formats.push(await measure(file));
  return { readerStartMs, formats };
}

async function measure(file: ReadingFile): Promise<ReadingResult> {
  const figures = await readIn(file.dir);
  const mb = file.bytes / 2 ** 20;
  const seconds = Number(figures.ms) / 1000;
  return {
    format: file.format,
    file: file.file,
    mb,
    pages: file.pages,
    passages: Number(figures.passages),
    seconds,
    mbPerSecond: mb / seconds,
    peakRssMbPerMb: Number(figures.peakRssOverBaselineMB) / mb,
    maxLoopDelayMs: Number(figures.maxLoopDelayMs),
  };
}

function readIn(dir: string): Promise<Record<string, unknown>> {
  process.stderr.write(`bench: reading ${path.basename(dir)}…\n`);
  return runJsonChild(['--import', 'tsx', 'bench/reading-worker.ts', dir], `reading ${dir}`);
}

/** The reading results as a text table. */
export function readingTable(reading: Awaited<ReturnType<typeof measureReading>>): string {
  const header = ['format', 'input', 'passages', 'read', 'MB/s', 'peak RSS/MB', 'main thread held'];
  const rows = reading.formats.map((r) => [
    r.format,
    `${r.mb.toFixed(2)} MB${r.pages ? `, ${r.pages} pages` : ''}`,
    String(r.passages),
    `${r.seconds.toFixed(2)} s`,
    r.mbPerSecond.toFixed(2),
    `${r.peakRssMbPerMb.toFixed(0)} MB`,
    `${r.maxLoopDelayMs.toFixed(0)} ms`,
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [
    `reading throughput (each in a fresh process; reader thread start-up ${reading.readerStartMs.toFixed(0)} ms, included)`,
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}
