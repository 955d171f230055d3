import type { ReadingOptions } from '../corpus/readers/types';
import type { CorpusDocument, Passage } from '../corpus/types';
import type { Logger } from '../logging/logger';
import { loadOrBuildIndex } from '../search/index-snapshot';
import { type PassageHit, PassageIndex } from '../search/passage-index';
import { readAndBuildIndex } from '../search/read-and-build';
import { ANSWER_COVERAGE, decideAnswer } from './answer-decision';
import { historyWeight, pointsBack, pointsWithPronoun } from './follow-up';
import { keySentence } from './key-sentence';
import { type JudgedQuestion, matchPassage, type RankedPassage } from './passage-match';
import { type Attempt, presentAnswer } from './presentation';
import { type Concept, conceptIdf, conceptTerms, nameRuns, questionConcepts, searchWeights } from './query';
import { questionCore } from './question-frame';
import { type QuestionKind, questionKind } from './question-kind';
import { documentSupport, rankPassage, readsAsHeadline, recency } from './ranking';
import { type HeadlineReading, Readings } from './readings';
import type { Answer, AnswerEngine, AnswerOptions, DocumentSummary } from './types';

/**
 * The answering engine. A question becomes concepts (`query.ts`); BM25 finds candidate passages, with a
 * few more for the question's rarest word and, for a question that reads as a headline, the stories whose
 * headlines say it. Each candidate is matched against the question (`passage-match.ts`), ranked
 * (`ranking.ts`) and judged on whether it answers (`answer-decision.ts`); the reply is built from the
 * judged candidates (`presentation.ts`).
 */

/** Candidates re-ranked after BM25. */
const CANDIDATES = 80;
/** Further candidates taken from a search for the question's rarest word alone, and from headlines. */
const FURTHER_CANDIDATES = 10;
/** The most the earlier turns of a conversation may weigh, relative to the question's own words. */
const CONTEXT_SHARE = 0.8;

/** The answering engine over one built index. Immutable: a changed corpus gets a new engine. */
export class CorpusEngine implements AnswerEngine {
  private summaries?: DocumentSummary[];

  constructor(readonly index: PassageIndex) {}

  /** Builds an engine from already loaded documents. */
  static fromDocuments(documents: CorpusDocument[]): CorpusEngine {
    return new CorpusEngine(PassageIndex.build(documents));
  }

  answer(question: string, options: AnswerOptions = {}): Answer {
    return presentAnswer(question, this.resolve(question, options));
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
    const attempt = (concepts: Concept[], aboutContext = false) =>
      this.attempt(concepts, kind, recent, aboutContext);
    const own = questionConcepts(question, this.index);
    if (own.length === 0 && history.length > 0) {
      // "And when?", "who?": the earlier question asked again, for another kind of answer.
      // Its verb was how that question was put; the new one asks only after the same subject.
      const latest = questionConcepts(history[history.length - 1], this.index).map((concept) =>
        concept.isVerb ? { ...concept, coverageShare: 0 } : concept,
      );
      return attempt([...latest, ...this.historyConcepts(history.slice(0, -1), latest)]);
    }
    const withContext = (aboutContext = false) =>
      attempt([...own, ...this.historyConcepts(history, own)], aboutContext);
    if (history.length > 0 && pointsBack(question)) return withContext(pointsWithPronoun(question));
    const alone = attempt(own);
    if (history.length === 0 || alone.answered) return alone;
    const contextual = withContext();
    return contextual.answered ? contextual : alone;
  }

  documents(): DocumentSummary[] {
    this.summaries ??= [...this.index.documents.values()]
      .map((document) => summarize(document, this.index))
      .sort((a, b) => FILE_ORDER.compare(a.file, b.file));
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

  private attempt(concepts: Concept[], kind: QuestionKind, recent: boolean, aboutContext: boolean): Attempt {
    const hits = this.withFurtherCandidates(
      this.index.searchTerms(searchWeights(concepts), CANDIDATES),
      concepts,
    );
    if (hits.length === 0) return { concepts, kind, ranked: [], answered: false };
    // Read afresh for each attempt, for the terms it looks for: kept between questions, the readings of
    // the thousands of passages questions go through would outlive the young generation and fill the
    // old one with garbage, whose collection paused answers on a large corpus far longer than reading
    // the few passages two questions share.
    const readings = new Readings(this.index, conceptTerms(concepts));
    const question: JudgedQuestion = {
      concepts,
      kind,
      rarities: concepts.map((concept) => conceptIdf(concept, this.index) * concept.weight),
      ownTerms: new Set(
        concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms)),
      ),
      nameRun: nameRuns(concepts),
      aboutContext,
      topScore: hits[0].score,
      documentSupport: documentSupport(hits),
      recency: recent ? recency(hits) : new Map(),
    };
    const ranked = hits.map((hit) => this.judge(hit, question, readings));
    // Passages that answer lead, best ranked first; the rest may still serve as "more results".
    ranked.sort(
      (a, b) =>
        Number(b.answers) - Number(a.answers) || Number(b.saysNames) - Number(a.saysNames) || b.rank - a.rank,
    );
    return { concepts, kind, ranked, answered: ranked[0].answers };
  }

  /** Ranks one candidate passage and decides whether it answers the question. */
  private judge(hit: PassageHit, question: JudgedQuestion, readings: Readings): RankedPassage {
    const reading = readings.passage(hit.passage);
    // A document without a headline is titled with the start of its lead: those are the lead's words,
    // not a headline over every passage, and a later passage does not say them.
    const title =
      hit.passage.position > 0 && hit.document.titleFromLead ? NO_HEADLINE : readings.headline(hit.document);
    const match = matchPassage(question, reading, title, () => storyBefore(hit, readings));
    return {
      hit,
      rank: rankPassage(hit, question, match, reading, title),
      ...decideAnswer(question, match),
      answerSentence: match.sentence.index,
      termIds: () => readings.termIds(hit.passage),
    };
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
      // A word too common to fit the posting budget finds nothing in particular alone.
      ...(rarest && this.index.fitsAdmitBudget(rarest)
        ? this.index.searchTerms(new Map([[rarest, 1]]), FURTHER_CANDIDATES)
        : []),
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
}

/** The headline of a passage that has none. */
const NO_HEADLINE: HeadlineReading = { terms: new Set(), pairs: new Set(), words: new Set() };

/** Terms of the passages that set the scene for a passage: its document's lead, and the one before it. */
function storyBefore({ document, passage }: PassageHit, readings: Readings): Set<string>[] {
  return [document.passages[0], document.passages[passage.position - 1]]
    .filter((scene): scene is Passage => scene !== undefined && scene !== passage)
    .map((scene) => readings.passage(scene).terms);
}

/** File names in the order `localeCompare` gives, at a fraction of its cost per comparison. */
const FILE_ORDER = new Intl.Collator();

/**
 * A document's summary. Its key sentence is found when first read: finding it analyzes the whole
 * document, and the corpus's health, its list of sources and a reload's count of what changed read
 * every summary but no key sentence.
 */
function summarize(document: CorpusDocument, index: PassageIndex): DocumentSummary {
  let leadSentence: string | undefined;
  return {
    file: document.file,
    title: document.title,
    date: document.date,
    get leadSentence() {
      leadSentence ??= keySentence(document, index);
      return leadSentence;
    },
    size: document.size,
    mtimeMs: document.mtimeMs,
    contentHash: document.contentHash,
    passageCount: document.passages.length,
  };
}

/**
 * Loads the corpus folder and builds an engine over it; bad files are skipped with warnings. With
 * `snapshotDir` (the bot's `DATA_DIR`), an unchanged corpus is loaded from its saved index instead;
 * `fingerprint`, the corpus's state when already taken, spares the snapshot lookup a second look. With
 * `savingSnapshot`, an index built is returned before its snapshot is written, the write starting once
 * `savingSnapshot.when` resolves, and `savingSnapshot.saving` is given its progress
 * ({@link LoadedIndex.saved}).
 */
export async function loadEngine(
  corpusDir: string,
  options: {
    logger?: Logger;
    snapshotDir?: string;
    reading?: ReadingOptions;
    fingerprint?: string;
    savingSnapshot?: { when: PromiseLike<unknown>; saving: (saved: Promise<void>) => void };
  } = {},
): Promise<CorpusEngine> {
  if (options.snapshotDir) {
    const { index, saved } = await loadOrBuildIndex(corpusDir, {
      snapshotDir: options.snapshotDir,
      logger: options.logger,
      reading: options.reading,
      fingerprint: options.fingerprint,
      saveWhen: options.savingSnapshot?.when,
    });
    if (saved) options.savingSnapshot?.saving(saved);
    return new CorpusEngine(index);
  }
  return new CorpusEngine((await readAndBuildIndex(corpusDir, options.logger, options.reading)).index);
}
