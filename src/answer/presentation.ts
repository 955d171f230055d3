import type { PassageHit } from '../search/passage-index';
import { ANSWER_COVERAGE } from './answer-decision';
import type { RankedPassage } from './passage-match';
import { type Concept, searchWeights } from './query';
import type { QuestionKind } from './question-kind';
import { resolveRelativeDates } from './relative-dates';
import type { Answer, AnswerPassage, Citation } from './types';

/** Passages shown with the answer, and kept for "More results". */
export const SHOWN_PASSAGES = 3;
const MORE_PASSAGES = 9;
/** Distinct passages gathered for an answer: shown, more, and room for those filtered out. */
const MERGED_ENOUGH = 3 * (SHOWN_PASSAGES + MORE_PASSAGES);
/** A further passage is shown only when it is this close to the best one. */
const SUPPORTING_RATIO = 0.55;
/**
 * Passages are one passage quoted by several documents when the shorter says this much of its wording
 * in the longer: a quote with a sentence added is the same quote, while two dividend notices that share
 * every label but their figures are not.
 */
const NEAR_DUPLICATE = 0.9;
const DUPLICATE_SIZE_RATIO = 0.4;

/** One try at answering: the concepts searched, the kind of answer wanted, and the candidates judged. */
export interface Attempt {
  concepts: Concept[];
  kind: QuestionKind;
  /** Best first: those that answer lead. */
  ranked: RankedPassage[];
  answered: boolean;
}

/**
 * The reply to a question from its judged candidates: up to {@link SHOWN_PASSAGES} passages that answer
 * and score near the best, then "more results", further documents before further passages. A passage
 * several documents quote is shown once and cites each of them.
 */
export function presentAnswer(question: string, attempt: Attempt): Answer {
  const searchedTerms = [...searchWeights(attempt.concepts).keys()];
  if (!attempt.answered) return { question, searchedTerms, answered: false, passages: [], morePassages: [] };
  const best = attempt.ranked[0];
  const merged: { ranked: RankedPassage; citations: Citation[] }[] = [];
  for (const ranked of attempt.ranked) {
    // Past what can be shown, further passages only cost time.
    if (merged.length >= MERGED_ENOUGH) break;
    const twin = merged.find((entry) => nearDuplicates(entry.ranked.termIds(), ranked.termIds()));
    if (twin) {
      if (!twin.citations.some((citation) => citation.file === ranked.hit.document.file)) {
        twin.citations.push(citationOf(ranked.hit));
      }
      continue;
    }
    merged.push({ ranked, citations: [citationOf(ranked.hit)] });
  }
  // Shown: passages that answer and score near the best. "More results": the rest that say at least
  // half of what answering takes.
  const related = merged.filter(
    ({ ranked }) => ranked.rank >= best.rank * SUPPORTING_RATIO && ranked.coverage >= ANSWER_COVERAGE / 2,
  );
  const shown = related.filter(({ ranked }) => ranked.answers).slice(0, SHOWN_PASSAGES);
  // Further documents come before further passages of the documents already quoted.
  const quoted = new Set(shown.map(({ ranked }) => ranked.hit.document.file));
  const rest = related.filter((entry) => !shown.includes(entry));
  const newDocument = (entry: (typeof rest)[number]) => {
    if (quoted.has(entry.ranked.hit.document.file)) return false;
    quoted.add(entry.ranked.hit.document.file);
    return true;
  };
  const fresh = rest.filter(newDocument);
  const more = [...fresh, ...rest.filter((entry) => !fresh.includes(entry))].slice(0, MORE_PASSAGES);
  const toPassage = ({ ranked, citations }: (typeof merged)[number]): AnswerPassage => ({
    ...(attempt.kind === 'time' ? dateNote(ranked) : {}),
    id: ranked.hit.passage.id,
    sentences: ranked.hit.passage.sentences,
    ...(ranked.hit.passage.listItems ? { listItems: ranked.hit.passage.listItems } : {}),
    answerSentence: ranked.answerSentence,
    citations,
    score: Math.round(ranked.rank * 1000) / 1000,
  });
  return {
    question,
    searchedTerms,
    answered: true,
    passages: shown.map(toPassage),
    morePassages: more.map(toPassage),
  };
}

/**
 * For an answer to "when": the answering sentence's relative dates ("on Wednesday") as days, going by
 * the document's date. A document without a date gets no note: its own words are quoted as they are.
 */
function dateNote(ranked: RankedPassage): Pick<AnswerPassage, 'dateNote'> {
  const sentence = ranked.hit.passage.sentences[ranked.answerSentence] ?? '';
  const resolved = resolveRelativeDates(sentence, ranked.hit.document.date);
  if (resolved.length === 0) return {};
  const days = resolved.map(({ expression, meaning }) => `“${expression}” is ${meaning}`).join('; ');
  return { dateNote: `${days}, going by the document's date (${ranked.hit.document.date}).` };
}

function citationOf({ document, passage }: PassageHit): Citation {
  const citation: Citation = { file: document.file, title: document.title, date: document.date };
  if (passage.location) citation.location = passage.location;
  if (document.url) citation.url = document.url;
  return citation;
}

/**
 * True when the other passage's terms hold {@link NEAR_DUPLICATE} of the smaller one's; never when the
 * smaller is under {@link DUPLICATE_SIZE_RATIO} of the other's size, as a line that happens to recur
 * inside a longer passage is not that passage.
 */
function nearDuplicates(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  const [smaller, larger] = a.size <= b.size ? [a, b] : [b, a];
  if (smaller.size === 0 || smaller.size < DUPLICATE_SIZE_RATIO * larger.size) return false;
  // Most pairs of candidates differ early: once more terms are missing than a near-duplicate allows,
  // the rest cannot make it one.
  const allowedMisses = smaller.size - Math.ceil(NEAR_DUPLICATE * smaller.size);
  let misses = 0;
  for (const term of smaller) if (!larger.has(term) && ++misses > allowedMisses) return false;
  return true;
}
