import type { DocumentSummary } from '../answer/types';
import type { FeedbackEvent, QuestionEvent, QuestionLogEvent } from '../question-log/types';
import { dayNumber } from './local-day';
import type {
  AskedQuestion,
  Digest,
  DigestDocument,
  DigestRecord,
  DocumentState,
  QuestionSummary,
} from './types';

/** Everything a digest is made from; {@link composeDigest} is pure. */
export interface DigestInput {
  /** The local day the digest is for (`YYYY-MM-DD`). */
  day: string;
  timeZone: string;
  now: Date;
  /** The corpus now (`engine.documents()`). */
  documents: DocumentSummary[];
  /** The previous digest, when one was found. */
  previous?: DigestRecord;
  /** Start of the period: the previous digest's time, or a fallback when there was none. */
  since: Date;
  /** Question-log events since `since`. */
  events: QuestionLogEvent[];
}

/** Hash characters kept per document in the state a digest carries. */
export const STATE_HASH_LENGTH = 16;

const MOST_ASKED = 5;
const UNANSWERED = 10;
const POORLY_RATED = 5;

/**
 * Builds the digest for `input.day`.
 *
 * Documents: with the previous digest's state, a file missing from it is new, a file whose hash differs is
 * changed, and a file no longer in the corpus is removed. Without that state (first digest, or a state too
 * large to carry), files modified since `since` are listed as new. Newest document date first.
 *
 * Questions: counted with follow-ups; grouped by {@link normaliseQuestion} so "What is X?" and "what is x"
 * are one question. A question is unanswered when its latest ask got no answer (a later answer means the
 * corpus has filled the gap).
 *
 * An empty day (no document changes, questions or ratings) gets a "from the corpus" item: one document and
 * its lead sentence, chosen by day number so it rotates through the corpus.
 */
export function composeDigest(input: DigestInput): Digest {
  const documents = [...input.documents].sort((a, b) => a.file.localeCompare(b.file));
  const { newDocuments, changedDocuments, removedDocuments } = diffDocuments(documents, input);
  const questions = summariseQuestions(input.events);
  const empty =
    newDocuments.length + changedDocuments.length + removedDocuments.length === 0 &&
    questions.total + questions.up + questions.down === 0;
  return {
    day: input.day,
    timeZone: input.timeZone,
    generatedAt: input.now.toISOString(),
    since: input.since.toISOString(),
    previousDay: input.previous?.day,
    newDocuments,
    changedDocuments,
    removedDocuments,
    documentCount: documents.length,
    questions,
    empty,
    fromTheCorpus: empty ? pickFromTheCorpus(documents, input.day) : undefined,
    state: documents.map((doc) => ({ file: doc.file, hash: doc.contentHash.slice(0, STATE_HASH_LENGTH) })),
  };
}

/**
 * The form questions are grouped by: Unicode-normalised, lower case, punctuation dropped, spaces collapsed.
 */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function diffDocuments(
  documents: DocumentSummary[],
  input: DigestInput,
): Pick<Digest, 'newDocuments' | 'changedDocuments' | 'removedDocuments'> {
  const previous = input.previous?.documents;
  if (!previous) {
    const sinceMs = input.since.getTime();
    return {
      newDocuments: byDateDescending(documents.filter((doc) => doc.mtimeMs >= sinceMs)),
      changedDocuments: [],
      removedDocuments: [],
    };
  }
  const before = new Map(previous.map((state: DocumentState) => [state.file, state.hash]));
  const current = new Set(documents.map((doc) => doc.file));
  return {
    newDocuments: byDateDescending(documents.filter((doc) => !before.has(doc.file))),
    changedDocuments: byDateDescending(
      documents.filter((doc) => {
        const hash = before.get(doc.file);
        return hash !== undefined && hash !== doc.contentHash.slice(0, hash.length);
      }),
    ),
    removedDocuments: previous.map((state) => state.file).filter((file) => !current.has(file)),
  };
}

function byDateDescending(documents: DocumentSummary[]): DigestDocument[] {
  return documents
    .map(toDigestDocument)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file));
}

function toDigestDocument(doc: DocumentSummary): DigestDocument {
  return { file: doc.file, title: doc.title, date: doc.date, leadSentence: doc.leadSentence };
}

/**
 * The day's document from the corpus: the documents take turns, day by day. Only the one picked has its
 * key sentence read (finding one analyzes the document); one without a sentence passes its turn on.
 */
function pickFromTheCorpus(documents: DocumentSummary[], day: string): DigestDocument | undefined {
  const candidates = documents.filter((doc) => doc.passageCount > 0);
  const first = dayNumber(day) % Math.max(1, candidates.length);
  for (let offset = 0; offset < candidates.length; offset++) {
    const doc = candidates[(first + offset) % candidates.length] as DocumentSummary;
    if (doc.leadSentence.trim() !== '') return toDigestDocument(doc);
  }
  return undefined;
}

interface QuestionGroup {
  latest: QuestionEvent;
  count: number;
  up: number;
  down: number;
  firstTurns: number;
}

/** One rating per person per answer: each person's last click on an answer replaces their earlier ones. */
function latestRatings(ratings: FeedbackEvent[]): FeedbackEvent[] {
  const latest = new Map<string, FeedbackEvent>();
  for (const rating of [...ratings].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = `${rating.questionId}\n${rating.user}`;
    latest.delete(key);
    latest.set(key, rating);
  }
  return [...latest.values()];
}

function summariseQuestions(events: QuestionLogEvent[]): QuestionSummary {
  const asked = events.filter((event): event is QuestionEvent => event.kind === 'question');
  const ratings = latestRatings(events.filter((event): event is FeedbackEvent => event.kind === 'feedback'));

  const groups = new Map<string, QuestionGroup>();
  const groupOfQuestion = new Map<string, QuestionGroup>();
  for (const event of [...asked].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = normaliseQuestion(event.question);
    const group = groups.get(key) ?? { latest: event, count: 0, up: 0, down: 0, firstTurns: 0 };
    group.latest = event;
    group.count++;
    if (!event.followUp) group.firstTurns++;
    groups.set(key, group);
    groupOfQuestion.set(event.questionId, group);
  }
  for (const rating of ratings) {
    const group = groupOfQuestion.get(rating.questionId);
    if (group) group[rating.rating]++;
  }

  const all = [...groups.values()];
  const ranked = (selected: QuestionGroup[], limit: number): AskedQuestion[] =>
    selected
      .sort((a, b) => b.count - a.count || b.latest.at.localeCompare(a.latest.at))
      .slice(0, limit)
      .map((group) => ({
        question: group.latest.question,
        count: group.count,
        up: group.up,
        down: group.down,
      }));

  return {
    total: asked.length,
    followUps: asked.filter((event) => event.followUp).length,
    askers: new Set(asked.map((event) => event.user).filter((user) => user !== 'unknown')).size,
    mostAsked: ranked(
      all.filter((group) => group.firstTurns >= 2),
      MOST_ASKED,
    ),
    unanswered: ranked(
      all.filter((group) => !group.latest.answered),
      UNANSWERED,
    ),
    poorlyRated: ranked(
      all.filter((group) => group.latest.answered && group.down > group.up),
      POORLY_RATED,
    ),
    up: ratings.filter((rating) => rating.rating === 'up').length,
    down: ratings.filter((rating) => rating.rating === 'down').length,
  };
}
