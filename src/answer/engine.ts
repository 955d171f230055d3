import { type AnalyzedToken, analyze } from '../analysis/analyzer';
import { loadCorpus } from '../corpus/load-corpus';
import type { ReadingOptions } from '../corpus/readers/types';
import type { CorpusDocument, Passage } from '../corpus/types';
import type { Logger } from '../logging/logger';
import { loadOrBuildIndex } from '../search/index-snapshot';
import { type PassageHit, PassageIndex } from '../search/passage-index';
import { historyWeight, pointsBack } from './follow-up';
import { keySentence } from './key-sentence';
import { type Concept, conceptIdf, conceptMatch, questionConcepts, searchWeights } from './query';
import { type QuestionKind, questionKind, sentenceFitsKind } from './question-kind';
import type { Answer, AnswerEngine, AnswerOptions, AnswerPassage, Citation, DocumentSummary } from './types';

/**
 * Answer selection. Candidates from BM25 are re-ranked by BM25 score, by the share of the question's
 * concepts they say (weighted by concept weight and rarity; a word only in the document's headline
 * counts half), by phrases said whole, and by holding the kind of thing asked for (a date for "when").
 * A passage answers when its coverage (the same share, verbs and words the corpus never uses counting
 * half, since questions rephrase them) reaches {@link ANSWER_COVERAGE} and the rules in `judge` hold;
 * otherwise nothing is shown: an honest "the corpus doesn't say" beats a loose match.
 */
export const ANSWER_COVERAGE = 0.5;
/** Passages shown with the answer, and kept for "More results". */
export const SHOWN_PASSAGES = 3;
const MORE_PASSAGES = 6;
/** Candidates re-ranked after BM25. */
const CANDIDATES = 80;
/** A further passage is shown only when it is this close to the best one. */
const SUPPORTING_RATIO = 0.55;
/** Passages sharing this much of their wording are one passage quoted by several documents. */
const NEAR_DUPLICATE = 0.6;
const TITLE_ONLY_CREDIT = 0.5;
const PART_ONLY_CREDIT = 0.6;
/** Share (by rarity) of the question's words other than names and verbs that an answer must say. */
const SUBJECT_COVERAGE = 0.4;
/**
 * Kinds of answer a passage must hold to answer: "when" needs a date or a time word. ("How much" may be
 * answered in words, "more than ever", so a number is preferred, not required.)
 */
const STRICT_KINDS: ReadonlySet<QuestionKind> = new Set(['time']);
/** Passages whose analysis is kept between questions. */
const READING_CACHE_SIZE = 2000;
/** The most the earlier turns of a conversation may weigh, relative to the question's own words. */
const CONTEXT_SHARE = 0.8;

interface RankedPassage {
  hit: PassageHit;
  /** Share of the question the passage says, verbs counting less: decides whether there is an answer. */
  coverage: number;
  rank: number;
  /** Says (or its headline says) every name the question asks about. */
  saysNames: boolean;
  /** Says enough of the question to answer it. */
  answers: boolean;
  answerSentence: number;
  terms: Set<string>;
}

/** A passage's words, analyzed once. */
interface PassageReading {
  sentences: string[];
  tokens: AnalyzedToken[];
  terms: Set<string>;
  /** Terms of whole words, not of hyphen parts. */
  wholeWords: Set<string>;
  sentenceTerms: Set<string>[];
}

/** What `judge` needs to know of the question. */
interface JudgedQuestion {
  concepts: Concept[];
  kind: QuestionKind;
  /** Each concept's rarity times its weight. */
  rarities: number[];
  /** BM25 score of the best candidate. */
  topScore: number;
}

interface Attempt {
  concepts: Concept[];
  ranked: RankedPassage[];
  answered: boolean;
}

/** The answering engine over one built index. Immutable: a changed corpus gets a new engine. */
export class CorpusEngine implements AnswerEngine {
  private readonly titles = new Map<string, { terms: Set<string>; tokens: AnalyzedToken[] }>();
  private readonly readings = new Map<string, PassageReading>();
  private summaries?: DocumentSummary[];

  constructor(readonly index: PassageIndex) {}

  /** Builds an engine from already loaded documents. */
  static fromDocuments(documents: CorpusDocument[]): CorpusEngine {
    return new CorpusEngine(PassageIndex.build(documents));
  }

  answer(question: string, options: AnswerOptions = {}): Answer {
    return this.toAnswer(question, this.resolve(question, options));
  }

  /**
   * Why the engine answers as it does: the concepts searched (weight, rarity, role) and the top
   * candidates with their rank and coverage. For `npm run ask -- --explain` and tuning.
   */
  explain(question: string, options: AnswerOptions = {}): string {
    const attempt = this.resolve(question, options);
    const concepts = attempt.concepts.map((concept) => {
      const roles = [concept.isName && 'name', concept.isVerb && 'verb', concept.fromHistory && 'context']
        .filter(Boolean)
        .join(',');
      const alternatives = concept.alternatives.map((a) => `${a.terms.join('+')}×${a.weight}`).join(' | ');
      return `  ${concept.label} w=${concept.weight} idf=${conceptIdf(concept, this.index).toFixed(2)} ${roles} [${alternatives}]`;
    });
    const candidates = attempt.ranked.slice(0, 6).map((ranked) => {
      const text = ranked.hit.passage.sentences.join(' ').slice(0, 90);
      return `  ${ranked.rank.toFixed(3)} cov=${ranked.coverage.toFixed(2)} names=${ranked.saysNames} ${ranked.hit.passage.id} ${text}`;
    });
    return [
      `answered=${attempt.answered} (coverage needed ${ANSWER_COVERAGE})`,
      ...concepts,
      ...candidates,
    ].join('\n');
  }

  private resolve(question: string, options: AnswerOptions): Attempt {
    const history = (options.history ?? []).filter((turn) => turn.trim() !== '');
    const kind = questionKind(question);
    const own = questionConcepts(question, this.index);
    if (own.length === 0 && history.length > 0) {
      // "And when?", "who?": the earlier question asked again, for another kind of answer.
      const latest = questionConcepts(history[history.length - 1], this.index);
      return this.attempt([...latest, ...this.historyConcepts(history.slice(0, -1), latest)], kind);
    }
    const withContext = () => this.attempt([...own, ...this.historyConcepts(history, own)], kind);
    if (history.length > 0 && pointsBack(question)) return withContext();
    const alone = this.attempt(own, kind);
    if (history.length === 0 || alone.answered) return alone;
    const contextual = withContext();
    return contextual.answered ? contextual : alone;
  }

  documents(): DocumentSummary[] {
    this.summaries ??= [...this.index.documents.values()]
      .map((document) => ({
        file: document.file,
        title: document.title,
        date: document.date,
        leadSentence: keySentence(document, this.index),
        size: document.size,
        mtimeMs: document.mtimeMs,
        contentHash: document.contentHash,
        passageCount: document.passages.length,
      }))
      .sort((a, b) => a.file.localeCompare(b.file));
    return this.summaries;
  }

  /**
   * The earlier turns' concepts, latest turn first, at context weight. Together they may weigh at most
   * {@link CONTEXT_SHARE} of the question's own concepts, so a long conversation cannot drown the words
   * just typed.
   */
  private historyConcepts(history: string[], own: Concept[]): Concept[] {
    const seen = new Set(own.map((concept) => concept.alternatives[0].terms.join(' ')));
    const context: Concept[] = [];
    for (let turnsAgo = 1; turnsAgo <= history.length; turnsAgo++) {
      const turn = history[history.length - turnsAgo];
      for (const concept of questionConcepts(turn, this.index, historyWeight(turnsAgo), true)) {
        const key = concept.alternatives[0].terms.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        context.push(concept);
      }
    }
    const mass = (concepts: Concept[]) =>
      concepts.reduce((sum, concept) => sum + concept.weight * conceptIdf(concept, this.index), 0);
    const limit = CONTEXT_SHARE * mass(own);
    const contextMass = mass(context);
    if (contextMass <= limit || limit === 0) return context;
    return context.map((concept) => ({ ...concept, weight: (concept.weight * limit) / contextMass }));
  }

  private attempt(concepts: Concept[], kind: QuestionKind): Attempt {
    const hits = this.index.searchTerms(searchWeights(concepts), CANDIDATES);
    if (hits.length === 0) return { concepts, ranked: [], answered: false };
    const question: JudgedQuestion = {
      concepts,
      kind,
      rarities: concepts.map((concept) => conceptIdf(concept, this.index) * concept.weight),
      topScore: hits[0].score,
    };
    const ranked = hits.map((hit) => this.judge(hit, question));
    // Passages that answer lead, best ranked first; the rest may still serve as "more results".
    ranked.sort(
      (a, b) =>
        Number(b.answers) - Number(a.answers) || Number(b.saysNames) - Number(a.saysNames) || b.rank - a.rank,
    );
    return { concepts, ranked, answered: ranked[0].answers };
  }

  /** Ranks one candidate passage and decides whether it answers the question. */
  private judge(hit: PassageHit, { concepts, kind, rarities, topScore }: JudgedQuestion): RankedPassage {
    const reading = this.read(hit.passage);
    const title = this.titleOf(hit.document);
    // A word met only inside a hyphenated one ("standing" in "long-standing") says less.
    const inText = concepts.map((concept) =>
      Math.max(
        conceptMatch(concept, reading.wholeWords),
        conceptMatch(concept, reading.terms) * PART_ONLY_CREDIT,
      ),
    );
    const said = concepts.map((concept, i) =>
      Math.max(inText[i], conceptMatch(concept, title.terms) * TITLE_ONLY_CREDIT),
    );
    // Whether there is an answer at all is judged on the passage's own words; only a name may come
    // from the headline ("Lloyd Austin" named once at the top, "Austin" below).
    const answering = concepts.map((concept, i) => (concept.isName ? said[i] : inText[i]));
    const sentences = this.readSentences(reading, concepts, rarities, kind);
    const rank =
      0.4 * (hit.score / topScore) +
      0.6 * weightedShare(said, rarities) +
      0.25 * phraseShare(concepts, reading.tokens, title.tokens) +
      (sentences.fitsKind ? 0.08 : 0);
    // A verb the passage says (in any of its forms) counts as said; one it does not say costs only its
    // coverage share.
    const coverage = weightedShare(
      answering,
      rarities.map((rarity, i) => rarity * Math.max(concepts[i].coverageShare, answering[i])),
    );
    // A passage that never names what the question is about (nor does its headline) cannot answer it,
    // nor one that says only the earlier turns' words.
    const saysNames = concepts.every(
      (concept, i) => !concept.isName || concept.fromHistory || said[i] > 0 || !concept.nameHead,
    );
    const saysOwnWords = concepts.some((concept, i) => !concept.fromHistory && inText[i] > 0);
    // Names alone do not answer: "the capital of France" is not answered by a passage that only
    // mentions France. The question's other words must be said too, {@link SUBJECT_COVERAGE} of them.
    const subjects = concepts.map((concept) => (isSubjectWord(concept) ? 1 : 0));
    const saysSubject =
      !subjects.includes(1) ||
      weightedShare(
        said,
        rarities.map((rarity, i) => rarity * subjects[i] * concepts[i].coverageShare),
      ) >= SUBJECT_COVERAGE;
    // Two names the question joins ("Russia" and "TSI") must meet within two sentences, not just
    // somewhere in one passage.
    const textNames = concepts.filter(
      (concept, i) => concept.isName && !concept.fromHistory && inText[i] > 0,
    );
    const namesMeet = sentences.namesTogether >= Math.min(2, textNames.length);
    // "When" wants a date: a passage without one does not answer.
    const holdsKind = !STRICT_KINDS.has(kind) || sentences.holdsKind;
    const answers =
      saysNames && saysOwnWords && saysSubject && namesMeet && holdsKind && coverage >= ANSWER_COVERAGE;
    return { hit, coverage, rank, answerSentence: sentences.index, terms: reading.terms, saysNames, answers };
  }

  /** A passage analyzed once per sentence; recently read passages are kept, as popular ones recur. */
  private read(passage: Passage): PassageReading {
    const cached = this.readings.get(passage.id);
    if (cached) return cached;
    const sentenceTokens = passage.sentences.map((sentence) => analyze(sentence));
    let offset = 0;
    // Positions run on across sentences, with a gap so that no phrase spans two of them.
    const tokens = sentenceTokens.flatMap((sentence) => {
      const shifted = sentence.map((token) => ({ ...token, position: token.position + offset }));
      offset += (sentence.at(-1)?.position ?? 0) + 3;
      return shifted;
    });
    const reading: PassageReading = {
      tokens,
      terms: new Set(tokens.map((token) => token.term)),
      wholeWords: new Set(tokens.filter((token) => !token.isPart).map((token) => token.term)),
      sentenceTerms: sentenceTokens.map((sentence) => new Set(sentence.map((token) => token.term))),
      sentences: passage.sentences,
    };
    if (this.readings.size >= READING_CACHE_SIZE)
      this.readings.delete(this.readings.keys().next().value ?? '');
    this.readings.set(passage.id, reading);
    return reading;
  }

  /**
   * The sentence saying most of the question's concepts, preferring one of the expected kind; also
   * whether any sentence holds that kind, and the most names of the question two adjacent sentences say.
   */
  private readSentences(
    reading: PassageReading,
    concepts: Concept[],
    idfs: number[],
    kind: QuestionKind,
  ): { index: number; fitsKind: boolean; holdsKind: boolean; namesTogether: number } {
    let best = { index: 0, score: -1, fitsKind: false };
    let holdsKind = false;
    let namesTogether = 0;
    let previousNames = new Set<number>();
    reading.sentenceTerms.forEach((terms, index) => {
      let score = 0;
      const names = new Set<number>();
      concepts.forEach((concept, i) => {
        const match = conceptMatch(concept, terms);
        score += idfs[i] * match;
        if (match > 0 && concept.isName && !concept.fromHistory) names.add(i);
      });
      const fitsKind = sentenceFitsKind(reading.sentences[index], kind);
      holdsKind ||= fitsKind;
      namesTogether = Math.max(namesTogether, new Set([...previousNames, ...names]).size);
      previousNames = names;
      if (fitsKind) score *= 1.25;
      if (score > best.score) best = { index, score, fitsKind };
    });
    return { index: best.index, fitsKind: best.fitsKind, holdsKind, namesTogether };
  }

  private titleOf(document: CorpusDocument): { terms: Set<string>; tokens: AnalyzedToken[] } {
    let title = this.titles.get(document.file);
    if (!title) {
      const tokens = analyze(document.title);
      title = { tokens, terms: new Set(tokens.map((token) => token.term)) };
      this.titles.set(document.file, title);
    }
    return title;
  }

  private toAnswer(question: string, attempt: Attempt): Answer {
    const searchedTerms = [...searchWeights(attempt.concepts).keys()];
    if (!attempt.answered)
      return { question, searchedTerms, answered: false, passages: [], morePassages: [] };
    const best = attempt.ranked[0];
    const merged: { ranked: RankedPassage; citations: Citation[] }[] = [];
    for (const ranked of attempt.ranked) {
      const twin = merged.find((entry) => similarity(entry.ranked.terms, ranked.terms) >= NEAR_DUPLICATE);
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
    const more = related.filter((entry) => !shown.includes(entry)).slice(0, MORE_PASSAGES);
    const toPassage = ({ ranked, citations }: (typeof merged)[number]): AnswerPassage => ({
      id: ranked.hit.passage.id,
      sentences: ranked.hit.passage.sentences,
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
}

/**
 * Share of the question's adjacent word pairs ("technology security", "security initiative") that the
 * passage says side by side (a stopword may sit between): a name said whole beats its words scattered.
 * Pairs the headline also says do not count: every passage of the document shares its headline.
 */
function phraseShare(concepts: Concept[], tokens: AnalyzedToken[], titleTokens: AnalyzedToken[]): number {
  const own = concepts.filter((concept) => !concept.fromHistory);
  if (own.length < 2) return 0;
  const passagePairs = adjacentPairs(tokens);
  const titlePairs = adjacentPairs(titleTokens);
  let found = 0;
  for (let i = 1; i < own.length; i++) {
    const pair = `${own[i - 1].alternatives[0].terms[0]} ${own[i].alternatives[0].terms[0]}`;
    if (passagePairs.has(pair) && !titlePairs.has(pair)) found++;
  }
  return found / (own.length - 1);
}

function adjacentPairs(tokens: AnalyzedToken[]): Set<string> {
  const pairs = new Set<string>();
  const words = tokens.filter((token) => !token.isPart);
  for (let i = 1; i < words.length; i++) {
    if (words[i].position - words[i - 1].position <= 2) pairs.add(`${words[i - 1].term} ${words[i].term}`);
  }
  return pairs;
}

function citationOf({ document, passage }: PassageHit): Citation {
  const citation: Citation = { file: document.file, title: document.title, date: document.date };
  if (passage.location) citation.location = passage.location;
  if (document.url) citation.url = document.url;
  return citation;
}

/** A word of the question itself that is neither a name, a verb nor padding: "capital", "sectors". */
function isSubjectWord(concept: Concept): boolean {
  return !concept.fromHistory && !concept.isName && !concept.isVerb && concept.weight >= 1;
}

/** Σ said·weight / Σ weight. */
function weightedShare(said: number[], weights: number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total > 0 ? said.reduce((sum, value, i) => sum + value * weights[i], 0) / total : 0;
}

/** Jaccard similarity of two term sets. */
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Loads the corpus folder and builds an engine over it; bad files are skipped with warnings. With
 * `snapshotDir` (the bot's `DATA_DIR`), an unchanged corpus is loaded from its saved index instead.
 */
export async function loadEngine(
  corpusDir: string,
  options: { logger?: Logger; snapshotDir?: string; reading?: ReadingOptions } = {},
): Promise<CorpusEngine> {
  if (options.snapshotDir) {
    const { index } = await loadOrBuildIndex(corpusDir, {
      snapshotDir: options.snapshotDir,
      logger: options.logger,
      reading: options.reading,
    });
    return new CorpusEngine(index);
  }
  const { documents } = await loadCorpus(corpusDir, options.logger, options.reading);
  return CorpusEngine.fromDocuments(documents);
}
