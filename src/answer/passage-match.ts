import type { PassageHit } from '../search/passage-index';
import { type Concept, conceptMatch } from './query';
import { nameBesideQuestion, type QuestionKind, sentenceFitsKind } from './question-kind';
import type { HeadlineReading, PassageReading } from './readings';

/** Credit for a word met only inside a hyphenated one ("standing" in "long-standing"). */
const PART_ONLY_CREDIT = 0.6;
/** Credit for the head of a compound said apart from the words before it: it may be the thing, or another. */
const COMPOUND_APART_CREDIT = 0.5;
/** Credit for a word only the document's headline says, unless the question restates that headline. */
const TITLE_ONLY_CREDIT = 0.5;
/** Share of the question (by rarity) a headline must say for the question to be that headline restated. */
const HEADLINE_RESTATED = 0.75;
/** How much more a sentence counts when a new name stands beside the question's words. */
const NAME_BESIDE_FACTOR = 1.5;
/** A sentence of the asked kind answers only if it says at least this share of what the best one says. */
const KIND_SENTENCE_SHARE = 0.5;

/** What judging a candidate passage needs to know of the question and of the other candidates. */
export interface JudgedQuestion {
  concepts: Concept[];
  kind: QuestionKind;
  /** Each concept's rarity times its weight. */
  rarities: number[];
  /** Terms of the question's own words: its names are not answers to it. */
  ownTerms: Set<string>;
  /** For each concept, which of the question's names it is part of (`nameRuns` in `query.ts`). */
  nameRun: number[];
  /** A follow-up whose pronoun stands for what the earlier turns named: an answer must say some of it. */
  aboutContext: boolean;
  /** BM25 score of the best candidate. */
  topScore: number;
  /** Each candidate document's share of the best document's summed BM25 over its candidate passages. */
  documentSupport: Map<string, number>;
  /** For a question after the latest news: each dated candidate document's recency, 0 (oldest) to 1. */
  recency: Map<string, number>;
}

/** The sentence of a passage that answers, and what its sentences hold. */
export interface AnsweringSentence {
  index: number;
  /** The sentence holds the kind of thing asked for (a date for "when"). */
  fitsKind: boolean;
  /** For "who": a name stands beside the question's words in it. */
  beside: boolean;
  /** The most of the question's names (a run of name words, "Acme Corp", counting once) that two adjacent sentences say. */
  namesTogether: number;
}

/** How much of each of the question's concepts one passage says, and where. */
export interface PassageMatch {
  /** Per concept, 0 to 1: said in the passage's own text. */
  inText: number[];
  /** Per concept: a name the passage does not say, but the document's lead or the passage before does. */
  namedInStory: boolean[];
  /** Per concept: said in the text, or in the headline at headline credit. */
  said: number[];
  /** Per concept: said in a way that can answer (the text; the headline only for names or a restated one). */
  answering: number[];
  /** Share of the question (by rarity) the headline says. */
  headline: number;
  /** The question restates the document's headline. */
  restated: boolean;
  sentence: AnsweringSentence;
}

/** Reads what one passage, and its document's headline, say of the question. */
export function matchPassage(
  question: JudgedQuestion,
  reading: PassageReading,
  title: HeadlineReading,
  story: () => Set<string>[],
): PassageMatch {
  const { concepts, rarities } = question;
  // A word met only inside a hyphenated one says less. The head of a compound said apart from the words
  // before it may be another thing ("cup" for "world cup").
  const inText = concepts.map(
    (concept) =>
      Math.max(
        conceptMatch(concept, reading.wholeWords),
        conceptMatch(concept, reading.terms) * PART_ONLY_CREDIT,
      ) * compoundCredit(concept, reading.sentenceTerms),
  );
  const inTitle = concepts.map(
    (concept) => conceptMatch(concept, title.terms) * compoundCredit(concept, [title.terms]),
  );
  // A question that restates a document's headline asks for that document: its passages say what the
  // headline says, and its lead says it first.
  const headline = weightedShare(
    inTitle.map((match, i) => (concepts[i].fromHistory ? 0 : match)),
    rarities.map((rarity, i) => (concepts[i].fromHistory ? 0 : rarity)),
  );
  const restated = headline >= HEADLINE_RESTATED;
  const titleCredit = restated ? 1 : TITLE_ONLY_CREDIT;
  const said = inText.map((match, i) => Math.max(match, inTitle[i] * titleCredit));
  // Whether there is an answer at all is judged on the passage's own words; only a name may come
  // from the headline ("Lloyd Austin" named once at the top, "Austin" below), unless the question is
  // the headline.
  const answering = concepts.map((concept, i) => (concept.isName || restated ? said[i] : inText[i]));
  let scene: Set<string>[] | undefined;
  const sceneTerms = (): Set<string>[] => {
    scene ??= story();
    return scene;
  };
  return {
    inText,
    // A story names whom it is about in its lead, or just before; later passages say "the two sides".
    // Read only for a name the passage does not say itself.
    namedInStory: concepts.map(
      (concept, i) =>
        concept.isName && said[i] === 0 && sceneTerms().some((terms) => conceptMatch(concept, terms) > 0),
    ),
    said,
    answering,
    headline,
    restated,
    sentence: answeringSentence(reading, question),
  };
}

/** A candidate passage, ranked and judged. */
export interface RankedPassage {
  hit: PassageHit;
  /** Share of the question the passage says, verbs counting less: decides whether there is an answer. */
  coverage: number;
  rank: number;
  /** Says (or its headline says) every name the question asks about. */
  saysNames: boolean;
  /** Says enough of the question to answer it. */
  answers: boolean;
  answerSentence: number;
  /**
   * The passage's terms as ids, comparable between the candidates of one attempt; read when asked, as
   * only the few candidates presentation compares need them.
   */
  termIds: () => ReadonlySet<number>;
}

/**
 * The answering sentence: the one saying most of the question's concepts, or for a question that wants
 * a kind of answer (a date, a name, a place, an amount, someone's words), the best sentence holding one
 * that says at least {@link KIND_SENTENCE_SHARE} of what the best sentence says. Also whether such a
 * sentence exists, and the most names of the question two adjacent sentences say.
 */
function answeringSentence(
  reading: PassageReading,
  { concepts, rarities, kind, ownTerms, nameRun }: JudgedQuestion,
): AnsweringSentence {
  const scores: number[] = [];
  const namesBySentence: Set<number>[] = [];
  // Whom a quote may be ascribed to: the question's own names, or for a follow-up that names no one
  // ("what did he say"), the names of the earlier turns.
  const namesOwn = concepts.some((concept) => concept.isName && !concept.fromHistory);
  const isSpeaker = (concept: Concept) => concept.isName && concept.fromHistory === !namesOwn;
  const asksOfSomeone = concepts.some((concept) => concept.isName);
  const speakersBySentence: boolean[] = [];
  let namesTogether = 0;
  reading.sentenceTerms.forEach((terms, index) => {
    let score = 0;
    const names = new Set<number>();
    let speaker = false;
    concepts.forEach((concept, i) => {
      const match = conceptMatch(concept, terms);
      score += rarities[i] * match;
      if (match > 0 && concept.isName && !concept.fromHistory) names.add(nameRun[i]);
      if (match > 0 && isSpeaker(concept)) speaker = true;
    });
    scores.push(score);
    namesBySentence.push(names);
    speakersBySentence.push(speaker);
    namesTogether = Math.max(namesTogether, new Set([...(namesBySentence[index - 1] ?? []), ...names]).size);
  });
  const bestScore = Math.max(...scores);
  let best = { index: scores.indexOf(bestScore), fitsKind: false, beside: false, score: -1 };
  if (kind !== 'other') {
    scores.forEach((rawScore, index) => {
      if (rawScore <= 0 || rawScore < bestScore * KIND_SENTENCE_SHARE) return;
      const sentence = reading.sentences[index];
      if (!sentenceFitsKind(sentence, kind, ownTerms)) return;
      // "Prime Minister Narendra Modi": a name beside the question's words is the one asked for.
      const beside = kind === 'person' && nameBesideQuestion(sentence, ownTerms);
      const score = beside ? rawScore * NAME_BESIDE_FACTOR : rawScore;
      if (score <= best.score) return;
      // Someone's words answer "what did X say" only where X is named: here, or around a quote.
      const speakerNamed =
        !asksOfSomeone || [index - 1, index, index + 1].some((at) => speakersBySentence[at]);
      if (kind === 'said' && !speakerNamed) return;
      best = { index, fitsKind: true, beside, score };
    });
  }
  return { index: best.index, fitsKind: best.fitsKind, beside: best.beside, namesTogether };
}

/**
 * {@link COMPOUND_APART_CREDIT} for the head of the question's compound ("tickets" of "concert tickets")
 * when no sentence says it with a word before it in the compound ("the concert's tickets", "tickets for
 * the concert"), else 1.
 */
function compoundCredit(concept: Concept, sentences: Set<string>[]): number {
  const { modifiedBy } = concept;
  if (!modifiedBy) return 1;
  const term = concept.alternatives[0].terms[0];
  const together = sentences.some(
    (terms) => terms.has(term) && modifiedBy.some((modifier) => terms.has(modifier)),
  );
  return together ? 1 : COMPOUND_APART_CREDIT;
}

/** Σ said·weight / Σ weight. */
export function weightedShare(said: number[], weights: number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total > 0 ? said.reduce((sum, value, i) => sum + value * weights[i], 0) / total : 0;
}
