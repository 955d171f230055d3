import type { Answer, AnswerEngine } from '../answer/types';
import type { Logger } from '../logging/logger';
import type { CoopMetrics } from '../operations/metrics';
import type { QuestionRecorder } from '../question-log/types';
import type { AnswerRef } from './answer-ref';
import { QuestionIds } from './question-ids';
import { RecentMap } from './recent-map';

/** Who asked a question, and where. */
export interface Asker {
  /** Slack user ID. */
  user: string;
  channel?: string;
  threadTs?: string;
  /** Earlier questions of the conversation, oldest first; empty for a new question. */
  history: string[];
  /** The inbox key of the delivery that asked: the question id is derived from it, the same on every replay. */
  deliveryKey?: string;
}

/** An answer with the reference its buttons carry. */
export interface GivenAnswer {
  answer: Answer;
  ref: AnswerRef;
  /** When the question reached the service, from `performance.now()`. */
  startedAt: number;
  /**
   * The question's line in the question log, being written while the answer is posted: its disk flush
   * stays off the asker's wait. Never rejects; a failure is logged.
   */
  recorded: Promise<void>;
}

const RECENT_ANSWERS = 500;

/**
 * Where Slack asks the engine: every question (first or follow-up, answered or not, with the files it
 * cites) and every 👍/👎 goes to the question log, and recent answers are kept for their buttons.
 */
export class AnswerService {
  private readonly recent = new RecentMap<string, Answer>(RECENT_ANSWERS);

  constructor(
    private readonly engine: AnswerEngine,
    private readonly questionLog: QuestionRecorder,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly ids: QuestionIds = new QuestionIds(),
    private readonly metrics?: CoopMetrics,
  ) {}

  /**
   * Answers a question and starts recording it (see {@link GivenAnswer.recorded}, which the caller awaits
   * once the answer is out). Throws only if the engine does.
   */
  ask(question: string, asker: Asker): GivenAnswer {
    const startedAt = performance.now();
    const answer = this.engine.answer(question, asker.history.length > 0 ? { history: asker.history } : {});
    const questionId = asker.deliveryKey ? this.ids.issueFor(asker.deliveryKey) : this.ids.issue();
    this.metrics?.questions.inc({ surface: 'slack', answered: String(answer.answered) });
    this.recent.set(questionId, answer);
    const recorded = this.questionLog.record({
      kind: 'question',
      questionId,
      at: this.now().toISOString(),
      surface: 'slack',
      user: asker.user,
      channel: asker.channel,
      threadTs: asker.threadTs,
      question,
      followUp: asker.history.length > 0,
      answered: answer.answered,
      sources: citedFiles(answer),
    });
    this.logger.info('Answered a question', {
      questionId,
      answered: answer.answered,
      followUp: asker.history.length > 0,
    });
    return {
      answer,
      ref: { questionId, question, history: asker.history },
      startedAt,
      recorded: recorded.catch((error: unknown) =>
        this.logger.error(`Could not record question ${questionId} in the question log`, error),
      ),
    };
  }

  /** Notes that an answer reached the asker, for the answer-latency histogram. */
  delivered(given: GivenAnswer): void {
    this.metrics?.answerSeconds.observe({ surface: 'slack' }, (performance.now() - given.startedAt) / 1000);
  }

  /** The answer a button refers to: remembered, or asked again (after a restart) without logging it twice. */
  recall(ref: AnswerRef): Answer {
    const remembered = this.recent.get(ref.questionId);
    if (remembered) return remembered;
    const answer = this.engine.answer(ref.question, ref.history.length > 0 ? { history: ref.history } : {});
    this.recent.set(ref.questionId, answer);
    return answer;
  }

  /** Whether a button's question id is one this bot issued (not forged, not mangled). */
  issued(ref: AnswerRef): boolean {
    return this.ids.issued(ref.questionId);
  }

  /** Records a 👍 or 👎 on an earlier answer. */
  recordFeedback(ref: AnswerRef, user: string, rating: 'up' | 'down'): Promise<void> {
    return this.questionLog.record({
      kind: 'feedback',
      questionId: ref.questionId,
      at: this.now().toISOString(),
      user,
      rating,
    });
  }
}

/** The files an answer cites, each once, in the order they appear. */
export function citedFiles(answer: Answer): string[] {
  if (!answer.answered) return [];
  return [
    ...new Set(answer.passages.flatMap((passage) => passage.citations.map((citation) => citation.file))),
  ];
}
