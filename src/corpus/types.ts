/** A document of the corpus after loading: metadata plus the passages that can be quoted. */
export interface CorpusDocument {
  /** Path relative to the corpus folder, with `/` separators. */
  file: string;
  title: string;
  /** The title is the start of the lead passage, for want of a headline: it heads no other passage. */
  titleFromLead?: true;
  /** ISO date `YYYY-MM-DD` when the document states one. */
  date?: string;
  /** Where the document can be opened: its canonical URL, front matter `url`, or `CORPUS_URL` + file. */
  url?: string;
  passages: Passage[];
  size: number;
  mtimeMs: number;
  /** sha1 of the file's bytes. */
  contentHash: string;
}

/** A quotable unit: a few consecutive sentences of one document. */
export interface Passage {
  /** `file#n`, stable while the file is unchanged. */
  id: string;
  file: string;
  /** Position of the passage in its document (0 = lead). */
  position: number;
  sentences: string[];
  /**
   * Indexes into `sentences` of list items and table rows: each is one unit, shown on a line of its own
   * as a bullet. Absent when the passage is running prose.
   */
  listItems?: number[];
  /** Where in its document the passage stands, when the format tells: a PDF page, a heading path. */
  location?: PassageLocation;
}

/** A passage's place in its document, for citations a reader can check. */
export interface PassageLocation {
  /** 1-based page of a PDF. */
  page?: number;
  /** The headings the passage stands under, outermost first (`['Onboarding', 'Laptops']`). */
  headings?: string[];
}

/** Joins a passage's sentences back into its text. */
export function passageText(passage: Pick<Passage, 'sentences'>): string {
  return passage.sentences.join(' ');
}
