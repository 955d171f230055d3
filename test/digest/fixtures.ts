import type { DocumentSummary } from '../../src/answer/types';
import type { DigestInput } from '../../src/digest/compose-digest';
import type { Digest } from '../../src/digest/types';
import type {
  FeedbackEvent,
  QuestionEvent,
  QuestionLogEvent,
  QuestionLogReader,
} from '../../src/question-log/types';

/** A corpus document as the engine lists it. */
export function documentSummary(file: string, overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    file,
    title: `Title of ${file}`,
    date: '2026-02-20',
    leadSentence: `The lead sentence of ${file}.`,
    size: 1000,
    mtimeMs: Date.parse('2026-02-20T00:00:00Z'),
    contentHash: `${file.replace(/\W/g, '')}0000000000000000000000`,
    passageCount: 4,
    ...overrides,
  };
}

let questionCount = 0;

/** A logged question, answered by default. */
export function asked(question: string, overrides: Partial<QuestionEvent> = {}): QuestionEvent {
  questionCount++;
  return {
    kind: 'question',
    questionId: `q${questionCount}`,
    at: '2026-03-01T10:00:00.000Z',
    surface: 'slack',
    user: 'U0000001',
    question,
    followUp: false,
    answered: true,
    sources: ['a.txt'],
    ...overrides,
  };
}

/** A 👍 or 👎 on a logged question. */
export function rated(question: QuestionEvent, rating: 'up' | 'down', user = 'U0000009'): FeedbackEvent {
  return { kind: 'feedback', questionId: question.questionId, at: question.at, user, rating };
}

/** A question log in memory, read as the digest reads it. */
export function memoryQuestionLog(events: QuestionLogEvent[]): QuestionLogReader {
  return { readSince: async (since) => events.filter((event) => Date.parse(event.at) >= since.getTime()) };
}

/** What a digest for Monday 2 March 2026 (UTC) is made from: two documents and no events, unless overridden. */
export function digestInput(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    day: '2026-03-02',
    timeZone: 'UTC',
    now: new Date('2026-03-02T09:00:00Z'),
    documents: [documentSummary('a.txt'), documentSummary('b.txt')],
    since: new Date('2026-02-27T09:00:00Z'),
    events: [],
    ...overrides,
  };
}

/** A composed digest for Monday 2 March 2026 (Europe/London): one new document and four questions. */
export function digestOf(overrides: Partial<Digest> = {}): Digest {
  return {
    day: '2026-03-02',
    timeZone: 'Europe/London',
    generatedAt: '2026-03-02T09:00:00.000Z',
    since: '2026-02-27T09:00:00.000Z',
    previousDay: '2026-02-27',
    newDocuments: [
      {
        file: 'norway.txt',
        title: 'Lighthouse keepers strike',
        date: '2026-03-01',
        leadSentence: 'The keepers went on strike over pay.',
      },
    ],
    changedDocuments: [],
    removedDocuments: [],
    documentCount: 12,
    questions: {
      total: 4,
      followUps: 1,
      askers: 3,
      mostAsked: [{ question: 'Why did they strike?', count: 2, up: 1, down: 0 }],
      unanswered: [{ question: 'What is the price of copper?', count: 1, up: 0, down: 1 }],
      poorlyRated: [],
      up: 1,
      down: 1,
    },
    empty: false,
    state: [],
    ...overrides,
  };
}
