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
import { questionCore } from './question-frame';
import { nameBesideQuestion, type QuestionKind, questionKind, sentenceFitsKind } from './question-kind';
import { resolveRelativeDates } from './relative-dates';
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
const MORE_PASSAGES = 9;
/** Distinct passages gathered for an answer: shown, more, and room for those filtered out. */
const MERGED_ENOUGH = 3 * (SHOWN_PASSAGES + MORE_PASSAGES);
/** Candidates re-ranked after BM25. */
const CANDIDATES = 80;
/** Further candidates taken from a search for the question's rarest word alone, and from headlines. */
const FURTHER_CANDIDATES = 10;
/** A further passage is shown only when it is this close to the best one. */
const SUPPORTING_RATIO = 0.55;
/**
 * Passages are one passage quoted by several documents when the shorter says this much of its wording
 * in the longer: a quote with a sentence added is the same quote, while two dividend notices that share
 * every label but their figures are not.
 */
const NEAR_DUPLICATE = 0.9;
const DUPLICATE_SIZE_RATIO = 0.4;
const TITLE_ONLY_CREDIT = 0.5;
/** Share of the question (by rarity) a headline must say for the question to be that headline restated. */
const HEADLINE_RESTATED = 0.75;
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
const PART_ONLY_CREDIT = 0.6;
/** Credit for the head of a compound said apart from the words before it: it may be the thing, or another. */
const COMPOUND_APART_CREDIT = 0.5;
/** Share (by rarity) of the question's words other than names and verbs that an answer must say. */
const SUBJECT_COVERAGE = 0.4;
/** How much more a sentence counts when a new name stands beside the question's words. */
const NAME_BESIDE_FACTOR = 1.5;
/** A sentence of the asked kind answers only if it says at least this share of what the best one says. */
const KIND_SENTENCE_SHARE = 0.5;
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
  /** Adjacent word pairs (`technolog secur`), for phrases said whole. */
  pairs: Set<string>;
  terms: Set<string>;
  /** Terms of whole words, not of hyphen parts. */
  wholeWords: Set<string>;
  sentenceTerms: Set<string>[];
}

/** A document's headline, analyzed once. */
interface HeadlineReading {
  terms: Set<string>;
  pairs: Set<string>;
  /** Its words as written (folded, unstemmed): "sells" apart from "sell". */
  words: Set<string>;
}

/** What `judge` needs to know of the question. */
interface JudgedQuestion {
  concepts: Concept[];
  kind: QuestionKind;
  /** Each concept's rarity times its weight. */
  rarities: number[];
  /** Terms of the question's own words: its names are not answers to it. */
  ownTerms: Set<string>;
  /** BM25 score of the best candidate. */
  topScore: number;
  /** Each candidate document's share of the best document's summed BM25 over its candidate passages. */
  documentSupport: Map<string, number>;
  /** For a question after the latest news: each dated candidate document's recency, 0 (oldest) to 1. */
  recency: Map<string, number>;
}

interface Attempt {
  concepts: Concept[];
  kind: QuestionKind;
  ranked: RankedPassage[];
  answered: boolean;
}

/** The answering engine over one built index. Immutable: a changed corpus gets a new engine. */
export class CorpusEngine implements AnswerEngine {
  private readonly titles = new Map<string, HeadlineReading>();
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
    const core = questionCore(question);
    const kind = questionKind(core.text);
    const recent = core.wantsRecent;
    const own = questionConcepts(question, this.index);
    if (own.length === 0 && history.length > 0) {
      // "And when?", "who?": the earlier question asked again, for another kind of answer.
      // Its verb was how that question was put; the new one asks only after the same subject.
      const latest = questionConcepts(history[history.length - 1], this.index).map((concept) =>
        concept.isVerb ? { ...concept, coverageShare: 0 } : concept,
      );
      return this.attempt([...latest, ...this.historyConcepts(history.slice(0, -1), latest)], kind, recent);
    }
    const withContext = () => this.attempt([...own, ...this.historyConcepts(history, own)], kind, recent);
    if (history.length > 0 && pointsBack(question)) return withContext();
    const alone = this.attempt(own, kind, recent);
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

  private attempt(concepts: Concept[], kind: QuestionKind, recent: boolean): Attempt {
    const hits = this.withFurtherCandidates(
      this.index.searchTerms(searchWeights(concepts), CANDIDATES),
      concepts,
    );
    if (hits.length === 0) return { concepts, kind, ranked: [], answered: false };
    const question: JudgedQuestion = {
      concepts,
      kind,
      rarities: concepts.map((concept) => conceptIdf(concept, this.index) * concept.weight),
      ownTerms: new Set(
        concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms)),
      ),
      topScore: hits[0].score,
      documentSupport: documentSupport(hits),
      recency: recent ? recency(hits) : new Map(),
    };
    const ranked = hits.map((hit) => this.judge(hit, question));
    // Passages that answer lead, best ranked first; the rest may still serve as "more results".
    ranked.sort(
      (a, b) =>
        Number(b.answers) - Number(a.answers) || Number(b.saysNames) - Number(a.saysNames) || b.rank - a.rank,
    );
    return { concepts, kind, ranked, answered: ranked[0].answers };
  }

  /** Ranks one candidate passage and decides whether it answers the question. */
  private judge(hit: PassageHit, question: JudgedQuestion): RankedPassage {
    const { concepts, kind, rarities, topScore } = question;
    const reading = this.read(hit.passage);
    const title = this.titleOf(hit.document);
    // A word met only inside a hyphenated one ("standing" in "long-standing") says less.
    // The head of a compound said apart from the words before it may be another thing ("cup" for "world cup").
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
    const sentences = this.readSentences(reading, question);
    const rank =
      0.4 * (hit.score / topScore) +
      0.6 * weightedShare(said, rarities) +
      0.25 * phraseShare(concepts, reading.pairs, title.pairs) +
      (sentences.fitsKind ? 0.08 : 0) +
      (sentences.beside ? 0.2 : 0) +
      DOCUMENT_SUPPORT * (question.documentSupport.get(hit.document.file) ?? 0) +
      RECENCY * (question.recency.get(hit.document.file) ?? 0) +
      (restated ? headlineBonus(headline, concepts, rarities, title, hit.passage) : 0);
    // A verb the passage says (in any of its forms) counts as said; one it does not say costs only its
    // coverage share.
    const coverage = weightedShare(
      answering,
      rarities.map((rarity, i) => rarity * Math.max(concepts[i].coverageShare, answering[i])),
    );
    // A passage that never names what the question is about (nor does its headline) cannot answer it,
    // nor one that says only the earlier turns' words.
    const saysNames = concepts.every(
      (concept, i) =>
        concept.fromHistory || said[i] > 0 || (!concept.isFocus && (!concept.isName || !concept.nameHead)),
    );
    const saysOwnWords = restated || concepts.some((concept, i) => !concept.fromHistory && inText[i] > 0);
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
    const namesMeet = restated || sentences.namesTogether >= Math.min(2, textNames.length);
    // "When" wants a date, "who" a name, "where" a place: a passage without one does not answer.
    const holdsKind = kind === 'other' || sentences.holdsKind;
    const answers =
      saysNames && saysOwnWords && saysSubject && namesMeet && holdsKind && coverage >= ANSWER_COVERAGE;
    return { hit, coverage, rank, answerSentence: sentences.index, terms: reading.terms, saysNames, answers };
  }

  /**
   * The candidates, plus the best few passages for the question's rarest word alone, and for a question
   * that reads as a headline, the leads of the few documents whose headlines say most of it. A document
   * that says the question only in its headline ("ZONDERVAN CORP 4TH QTR NET" atop a table of figures)
   * can be outscored by the many passages that say the question's words in their text, yet it is the
   * one asked about.
   */
  private withFurtherCandidates(hits: PassageHit[], concepts: Concept[]): PassageHit[] {
    const own = concepts.filter((concept) => !concept.fromHistory);
    const rarest = this.rarestTerm(own);
    const extra = [
      ...(rarest ? this.index.searchTerms(new Map([[rarest, 1]]), FURTHER_CANDIDATES) : []),
      ...(readsAsHeadline(concepts)
        ? this.index.searchHeadlines(
            own.flatMap((concept) => concept.alternatives[0].terms),
            FURTHER_CANDIDATES,
          )
        : []),
    ];
    const seen = new Set(hits.map((hit) => hit.passage.id));
    const unseen = extra.filter((hit) => !seen.has(hit.passage.id) && seen.add(hit.passage.id));
    return unseen.length === 0 ? hits : [...hits, ...unseen];
  }

  /** The rarest single word the corpus says among the question's own concepts. */
  private rarestTerm(own: Concept[]): string | undefined {
    let rarest: string | undefined;
    for (const concept of own) {
      const [first] = concept.alternatives;
      const term = first.terms[0];
      if (first.terms.length > 1 || this.index.documentFrequency(term) === 0) continue;
      if (!rarest || this.index.idf(term) > this.index.idf(rarest)) rarest = term;
    }
    return rarest;
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
      pairs: adjacentPairs(tokens),
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
   * The answering sentence: the one saying most of the question's concepts, or for a question that wants
   * a kind of answer (a date, a name, a place, an amount, someone's words), the best sentence holding one
   * that says at least {@link KIND_SENTENCE_SHARE} of what the best sentence says. Also whether such a
   * sentence exists, and the most names of the question two adjacent sentences say.
   */
  private readSentences(
    reading: PassageReading,
    { concepts, rarities, kind, ownTerms }: JudgedQuestion,
  ): { index: number; fitsKind: boolean; beside: boolean; holdsKind: boolean; namesTogether: number } {
    const scores: number[] = [];
    const namesBySentence: Set<number>[] = [];
    let namesTogether = 0;
    reading.sentenceTerms.forEach((terms, index) => {
      let score = 0;
      const names = new Set<number>();
      concepts.forEach((concept, i) => {
        const match = conceptMatch(concept, terms);
        score += rarities[i] * match;
        if (match > 0 && concept.isName && !concept.fromHistory) names.add(i);
      });
      scores.push(score);
      namesBySentence.push(names);
      namesTogether = Math.max(
        namesTogether,
        new Set([...(namesBySentence[index - 1] ?? []), ...names]).size,
      );
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
        const speakers = [index - 1, index, index + 1].flatMap((at) => [...(namesBySentence[at] ?? [])]);
        const speakerNamed =
          concepts.every((concept) => !concept.isName || concept.fromHistory) || speakers.length > 0;
        if (kind === 'said' && !speakerNamed) return;
        best = { index, fitsKind: true, beside, score };
      });
    }
    return {
      index: best.index,
      fitsKind: best.fitsKind,
      beside: best.beside,
      holdsKind: best.fitsKind,
      namesTogether,
    };
  }

  private titleOf(document: CorpusDocument): HeadlineReading {
    let title = this.titles.get(document.file);
    if (!title) {
      const tokens = analyze(document.title);
      title = {
        pairs: adjacentPairs(tokens),
        terms: new Set(tokens.map((token) => token.term)),
        words: new Set(tokens.map((token) => token.surface)),
      };
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
      // Past what can be shown, further passages only cost time.
      if (merged.length >= MERGED_ENOUGH) break;
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

/** Whether the question, in its own words, is long enough to be a headline restated. */
function readsAsHeadline(concepts: Concept[]): boolean {
  return concepts.filter((concept) => !concept.fromHistory).length >= HEADLINE_WORDS;
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
  passage: Passage,
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
  return HEADLINE_BONUS * fit * (passage.position === 0 ? 1 : 0.5);
}

/** Each document's summed BM25 over the candidate passages, relative to the best document's. */
function documentSupport(hits: PassageHit[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const hit of hits) sums.set(hit.document.file, (sums.get(hit.document.file) ?? 0) + hit.score);
  const best = Math.max(...sums.values());
  for (const [file, sum] of sums) sums.set(file, sum / best);
  return sums;
}

/** Each dated candidate document's place between the oldest (0) and the newest (1) candidate date. */
function recency(hits: PassageHit[]): Map<string, number> {
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

function adjacentPairs(tokens: AnalyzedToken[]): Set<string> {
  const pairs = new Set<string>();
  const words = tokens.filter((token) => !token.isPart);
  for (let i = 1; i < words.length; i++) {
    if (words[i].position - words[i - 1].position <= 2) pairs.add(`${words[i - 1].term} ${words[i].term}`);
  }
  return pairs;
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

/** A word of the question itself that is neither a name, a verb nor padding: "capital", "sectors". */
function isSubjectWord(concept: Concept): boolean {
  return !concept.fromHistory && !concept.isName && !concept.isVerb && concept.weight >= 1;
}

/** Σ said·weight / Σ weight. */
function weightedShare(said: number[], weights: number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total > 0 ? said.reduce((sum, value, i) => sum + value * weights[i], 0) / total : 0;
}

/**
 * Share of the smaller term set that the other holds; 0 when one is under {@link DUPLICATE_SIZE_RATIO}
 * of the other's size, as a line that happens to recur inside a longer passage is not that passage.
 */
function similarity(a: Set<string>, b: Set<string>): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0 || smaller < DUPLICATE_SIZE_RATIO * Math.max(a.size, b.size)) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / smaller;
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
