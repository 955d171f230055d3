/**
 * The shapes the answering engine hands to its callers (Slack, console, CLI, digest).
 * Nothing here knows about Slack: a block builder turns an {@link Answer} into a message.
 */

/** Where a passage comes from: enough for a reader to find and trust the source. */
export interface Citation {
  /** File name relative to the corpus folder, e.g. `001_946320e299d5aa88.txt`. */
  file: string;
  /** The document's headline, or a short lead when it has none. */
  title: string;
  /** ISO date (`YYYY-MM-DD`) when the document states one. */
  date?: string;
  /** Where in the document the passage is: a PDF page, or the headings it stands under. */
  location?: { page?: number; headings?: string[] };
  /** Where the document can be opened (see `citationUrl` for the link to a passage's page). */
  url?: string;
}

/** One quoted passage of an answer. */
export interface AnswerPassage {
  /** Stable id of the passage in the index (`file#n`). */
  id: string;
  /** The passage's sentences, in order; joined with a space they are the passage text. */
  sentences: string[];
  /** Indexes into `sentences` of list items and table rows, each shown on a line of its own. */
  listItems?: number[];
  /** Index into `sentences` of the sentence that answers the question best. */
  answerSentence: number;
  /** Every document the passage appears in; near-identical passages from several documents are merged. */
  citations: Citation[];
  /**
   * For an answer to "when" whose sentence says a relative date ("on Wednesday"): the day it means,
   * going by the document's date.
   */
  dateNote?: string;
  /** Relevance score (higher is better); only comparable within one answer. */
  score: number;
}

/** What the engine says to a question. */
export interface Answer {
  /** The question as asked. */
  question: string;
  /** The query actually searched, after follow-up context, expansion and spelling correction (for logs). */
  searchedTerms: string[];
  /** False when the corpus does not answer the question: then `passages` is empty and nothing is cited. */
  answered: boolean;
  /** The best passages, best first, at most three. */
  passages: AnswerPassage[];
  /** Further passages for a "More results" request, best first. */
  morePassages: AnswerPassage[];
}

/** Options for one question. */
export interface AnswerOptions {
  /** Earlier questions of the same conversation, oldest first; makes this question a follow-up. */
  history?: string[];
}

/** One document of the corpus, as listed by `/coop sources` and the digest. */
export interface DocumentSummary {
  file: string;
  title: string;
  date?: string;
  /** The sentence that best sums up the document. */
  leadSentence: string;
  /** Size in bytes and modification time, for change detection. */
  size: number;
  mtimeMs: number;
  /** Content hash, so the digest can tell a changed document from an unchanged one. */
  contentHash: string;
  passageCount: number;
}

/** The engine every front end calls. */
export interface AnswerEngine {
  /** Answers one question, optionally as a follow-up to `options.history`. */
  answer(question: string, options?: AnswerOptions): Answer;
  /** The documents currently indexed, sorted by file name. */
  documents(): DocumentSummary[];
}
