import type { ParsedParagraph } from './parse-document';
import type { ReadParagraph } from './readers/types';
import { splitSentences } from './sentences';
import type { Passage } from './types';

/**
 * Passage sizing. A passage is a paragraph, or a run of short paragraphs (list items, a lead-in ending
 * in a colon and its list), or a slice of a long paragraph, so that each passage reads on its own and
 * the top answer fits comfortably at the head of a reply.
 */
export const PASSAGE_MAX_CHARS = 520;
/** A passage shorter than this takes in the next short paragraph. */
const PASSAGE_MIN_CHARS = 240;

/** Splits a document's paragraphs into passages of whole sentences. */
export function buildPassages(file: string, paragraphs: ParsedParagraph[]): Passage[] {
  const groups: { sentences: string[]; listItems: number[] }[] = [];
  let current: string[] = [];
  let currentItems: number[] = [];
  let currentLength = 0;
  let currentOpensList = false;
  let currentIsList = false;

  const flush = () => {
    if (current.length > 0) groups.push({ sentences: current, listItems: currentItems });
    current = [];
    currentItems = [];
    currentLength = 0;
    currentOpensList = false;
    currentIsList = false;
  };

  for (const paragraph of paragraphs) {
    const length = paragraph.text.length;
    const asItem = isWholeItem(paragraph);
    const sentences = paragraph.sentences ?? sentencesOf(paragraph);
    if (length > PASSAGE_MAX_CHARS) {
      flush();
      for (const chunk of chunkSentences(sentences)) groups.push({ sentences: chunk, listItems: [] });
      continue;
    }
    const joinsList = currentOpensList || (paragraph.isListItem && currentIsList);
    const fits = currentLength + length + 1 <= PASSAGE_MAX_CHARS;
    if (current.length > 0 && fits && (currentLength < PASSAGE_MIN_CHARS || joinsList)) {
      if (asItem) currentItems.push(current.length);
      current.push(...sentences);
      currentLength += length + 1;
    } else {
      flush();
      current = [...sentences];
      currentLength = length;
      if (asItem) currentItems.push(0);
    }
    currentOpensList = /:["'”’]?$/.test(paragraph.text) || (currentOpensList && paragraph.isListItem);
    currentIsList = paragraph.isListItem;
  }
  flush();

  return groups.map(({ sentences, listItems }, position) => ({
    id: `${file}#${position}`,
    file,
    position,
    sentences,
    ...(listItems.length > 0 ? { listItems } : {}),
  }));
}

/**
 * Splits `paragraph` into the sentences its passages will hold, and keeps them on it for
 * {@link buildPassages} to cut passages of: a large corpus's index reads each document's sentences as it
 * arrives, and finds them in its passages again by identity.
 */
export function splitParagraph(paragraph: ReadParagraph): string[] {
  paragraph.sentences ??= sentencesOf(paragraph);
  return paragraph.sentences;
}

function sentencesOf(paragraph: ReadParagraph): string[] {
  return isWholeItem(paragraph) ? [paragraph.text] : splitSentences(paragraph.text);
}

/** A list item or a table row is one unit: it is marked, and shown, whole (unless too long to show). */
function isWholeItem(paragraph: ReadParagraph): boolean {
  return paragraph.isListItem && paragraph.text.length <= PASSAGE_MAX_CHARS;
}

/** Cuts a long run of sentences into pieces of at most {@link PASSAGE_MAX_CHARS}, balancing their sizes. */
function chunkSentences(sentences: string[]): string[][] {
  const total = sentences.reduce((sum, sentence) => sum + sentence.length + 1, 0);
  const pieces = Math.max(1, Math.ceil(total / PASSAGE_MAX_CHARS));
  const target = total / pieces;
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    if (chunk.length > 0 && (length + sentence.length > PASSAGE_MAX_CHARS || length >= target)) {
      chunks.push(chunk);
      chunk = [];
      length = 0;
    }
    chunk.push(sentence);
    length += sentence.length + 1;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
