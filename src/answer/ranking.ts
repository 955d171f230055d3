import type { PassageHit } from '../search/passage-index';
import type { JudgedQuestion, PassageMatch } from './passage-match';
import { weightedShare } from './passage-match';
import type { Concept } from './query';
import type { HeadlineReading, PassageReading } from './readings';

/**
 * Rank added for a document that says the question in many of its passages: a story about the subject
 * rather than one that mentions it once.
 */
const DOCUMENT_SUPPORT = 0.2;
/** Rank added to the newest document, for questions after the latest news ("latest", "this week"). */
const RECENCY = 0.3;
/** Rank added to the lead passage of a document whose headline the question restates (half to the rest). */
const HEADLINE_BONUS = 0.3;
/** Weight, within the headline bonus, of saying the question's words as typed rather than in another form. */
const HEADLINE_AS_TYPED = 0.2;
/** Share of the question a headline must say before how closely it says it is weighed. */
const CLOSE_RESTATEMENT = 0.9;
/** Words a question needs to read as a headline: fewer restate too many headlines to tell apart. */
const HEADLINE_WORDS = 3;

/**
 * A candidate's rank: its BM25 score against the best candidate's, the share of the question it says
 * (weighted by rarity), the question's word pairs it says side by side, holding the kind of answer asked
 * for, its document's support among the candidates, recency when the latest news is asked for, and a
 * bonus when the question restates its headline.
 */
export function rankPassage(
  hit: PassageHit,
  question: JudgedQuestion,
  match: PassageMatch,
  reading: PassageReading,
  title: HeadlineReading,
): number {
  const { concepts, rarities } = question;
  return (
    0.4 * (hit.score / question.topScore) +
    0.6 * weightedShare(match.said, rarities) +
    0.25 * phraseShare(concepts, reading.pairs, title.pairs) +
    (match.sentence.fitsKind ? 0.08 : 0) +
    (match.sentence.beside ? 0.2 : 0) +
    DOCUMENT_SUPPORT * (question.documentSupport.get(hit.document.file) ?? 0) +
    RECENCY * (question.recency.get(hit.document.file) ?? 0) +
    (match.restated ? headlineBonus(match.headline, concepts, rarities, title, hit.passage.position) : 0)
  );
}

/**
 * Rank added to a passage whose headline the question restates: most for the lead passage. Among
 * several headlines that say the question, the one the question restates most closely wins: saying its
 * words in order ("relax import curbs" over "import curbs relaxed"), saying little else ("NEW ITALIAN
 * TREASURY OFFER UNDERSUBSCRIBED" over "ITALIAN TREASURY ECU BILL OFFER UNDERSUBSCRIBED"), and saying them
 * as typed ("to sell" over "sells"). These tell a story from its follow-ups and look-alikes.
 */
function headlineBonus(
  headline: number,
  concepts: Concept[],
  rarities: number[],
  title: HeadlineReading,
  position: number,
): number {
  const inOrder = phraseShare(concepts, title.pairs, new Set());
  const asked = new Set(
    concepts.filter((concept) => !concept.fromHistory).flatMap((concept) => concept.alternatives[0].terms),
  );
  const beyondQuestion = [...title.terms].filter((term) => !asked.has(term)).length;
  const closeness = title.terms.size > 0 ? 1 - beyondQuestion / title.terms.size : 0;
  const asTyped = weightedShare(
    concepts.map((concept) => (!concept.fromHistory && title.words.has(concept.label) ? 1 : 0)),
    rarities,
  );
  // A question of a word or two restates a great many headlines; only a closer reading tells them apart.
  const closely = readsAsHeadline(concepts) && headline >= CLOSE_RESTATEMENT;
  const fit = headline + inOrder + (closely ? closeness + HEADLINE_AS_TYPED * asTyped : 0);
  return HEADLINE_BONUS * fit * (position === 0 ? 1 : 0.5);
}

/** Whether the question, in its own words, is long enough to be a headline restated. */
export function readsAsHeadline(concepts: Concept[]): boolean {
  return concepts.filter((concept) => !concept.fromHistory).length >= HEADLINE_WORDS;
}

/** Each document's summed BM25 over the candidate passages, relative to the best document's. */
export function documentSupport(hits: PassageHit[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const hit of hits) sums.set(hit.document.file, (sums.get(hit.document.file) ?? 0) + hit.score);
  const best = Math.max(...sums.values());
  for (const [file, sum] of sums) sums.set(file, sum / best);
  return sums;
}

/** Each dated candidate document's place between the oldest (0) and the newest (1) candidate date. */
export function recency(hits: PassageHit[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const { document } of hits) {
    if (document.date) times.set(document.file, Date.parse(`${document.date}T00:00:00Z`));
  }
  const oldest = Math.min(...times.values());
  const span = Math.max(...times.values()) - oldest;
  const places = new Map<string, number>();
  for (const [file, time] of times) places.set(file, span > 0 ? (time - oldest) / span : 1);
  return places;
}

/**
 * Share of the question's adjacent word pairs ("technology security", "security initiative") that the
 * passage says side by side (a stopword may sit between): a name said whole beats its words scattered.
 * Pairs the headline also says do not count: every passage of the document shares its headline.
 */
function phraseShare(concepts: Concept[], passagePairs: Set<string>, titlePairs: Set<string>): number {
  const own = concepts.filter((concept) => !concept.fromHistory);
  if (own.length < 2) return 0;
  let found = 0;
  for (let i = 1; i < own.length; i++) {
    const pair = `${own[i - 1].alternatives[0].terms[0]} ${own[i].alternatives[0].terms[0]}`;
    if (passagePairs.has(pair) && !titlePairs.has(pair)) found++;
  }
  return found / (own.length - 1);
}
