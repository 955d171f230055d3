import { CoopMetrics } from '../../src/operations/metrics';
import type { QuestionLogEvent } from '../../src/question-log/types';
import { AnswerService } from '../../src/slack/answer-service';
import { QuestionIds } from '../../src/slack/question-ids';
import { engineOver } from '../answer/small-corpus';
import { recordingLogger } from '../logging/recording-logger';
import { MemoryQuestionLog } from './support/slack-harness';

const engine = engineOver([
  [
    'tunnel.txt',
    'New tunnel opens\n\nThe harbour tunnel was opened by Mayor Jane Doe in March 2019 after six years of work. It carries four lanes of traffic under the bay.',
  ],
  [
    'bridge.txt',
    'Bridge reopens\n\nThe old river bridge was reopened by the city council after repairs to its deck. The harbour tunnel took its traffic meanwhile.',
  ],
]);
const asker = { user: 'U1', channel: 'C1', threadTs: '1.000', history: [] as string[] };
const at = new Date('2026-03-02T09:00:00Z');

function service(log = new MemoryQuestionLog(), metrics?: CoopMetrics) {
  const logger = recordingLogger();
  const answers = new AnswerService(engine, log, logger, () => at, new QuestionIds('xoxb-test'), metrics);
  return { answers, log, logger };
}

// What the question log (and so the digest's "most cited" and "most asked") learns of each question.
describe('AnswerService', () => {
  it('records each cited document once, in the order the answer cites them', async () => {
    const { answers, log, logger } = service();
    const given = answers.ask('harbour tunnel traffic', asker);
    await given.recorded;
    const cited = given.answer.passages.flatMap((passage) => passage.citations.map((c) => c.file));
    expect(new Set(cited)).toEqual(new Set(['bridge.txt', 'tunnel.txt']));
    expect(log.events).toEqual([
      expect.objectContaining({
        kind: 'question',
        questionId: given.ref.questionId,
        at: at.toISOString(),
        surface: 'slack',
        user: 'U1',
        channel: 'C1',
        threadTs: '1.000',
        question: 'harbour tunnel traffic',
        followUp: false,
        answered: true,
        sources: [...new Set(cited)],
      }),
    ]);
    expect(logger.text()).toContain('Answered a question');
  });

  it('records a follow-up as one, and an unanswered question with no sources', async () => {
    const { answers, log } = service();
    await answers.ask('What is the toll?', { ...asker, history: ['Who opened the harbour tunnel?'] })
      .recorded;
    expect(log.events[0]).toMatchObject({ followUp: true, answered: false, sources: [] });
  });

  it('gives a button the answer shown, even if asking again would now answer differently', async () => {
    const { answers } = service();
    const given = answers.ask('Who opened the harbour tunnel?', asker);
    expect(answers.recall(given.ref)).toBe(given.answer);
    // After a restart the answer is computed again, for the same question and conversation, unlogged.
    const restarted = service();
    const recalled = restarted.answers.recall({ ...given.ref, history: ['Which tunnel?'] });
    expect(recalled.passages[0]?.citations[0]?.file).toBe('tunnel.txt');
    expect(restarted.answers.recall(given.ref)).toBe(recalled);
    expect(restarted.log.events).toEqual([]);
  });

  it('asks a follow-up again after a restart with the conversation it was asked in', () => {
    const { answers } = service();
    const ref = { questionId: 'q1', question: 'And when?', history: ['Who opened the harbour tunnel?'] };
    const recalled = answers.recall(ref);
    expect(recalled.answered).toBe(true);
    expect(recalled.passages[0]?.citations[0]?.file).toBe('tunnel.txt');
    expect(service().answers.recall({ ...ref, history: [] }).answered).toBe(false);
  });

  it('times an answer from question to delivery', async () => {
    const metrics = new CoopMetrics();
    const { answers } = service(new MemoryQuestionLog(), metrics);
    const given = answers.ask('Who opened the harbour tunnel?', asker);
    answers.delivered({ ...given, startedAt: given.startedAt - 1500 });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/coop_questions_total\{surface="slack",answered="true"\} 1/);
    expect(text).toMatch(/coop_answer_seconds_count\{surface="slack"\} 1/);
    // 1.5 s: within the 2.5 s bucket, not the 1 s one
    expect(text).toMatch(/coop_answer_seconds_bucket\{le="1",surface="slack"\} 0/);
    expect(text).toMatch(/coop_answer_seconds_bucket\{le="2\.5",surface="slack"\} 1/);
  });

  it('has the answer ready while the question log is still writing, and logs a write that fails', async () => {
    let finishWrite: (error?: Error) => void = () => {};
    const slowLog = {
      events: [] as QuestionLogEvent[],
      record(event: QuestionLogEvent) {
        this.events.push(event);
        return new Promise<void>((resolve, reject) => {
          finishWrite = (error) => (error ? reject(error) : resolve());
        });
      },
    };
    const { answers, logger } = service(slowLog as unknown as MemoryQuestionLog);
    const given = answers.ask('Who opened the harbour tunnel?', asker);
    expect(given.answer.answered).toBe(true);
    let written = false;
    const recorded = given.recorded.then(() => {
      written = true;
    });
    await Promise.resolve();
    expect(written).toBe(false);
    finishWrite(new Error('disk full'));
    await recorded;
    expect(written).toBe(true);
    expect(logger.text()).toContain(`Could not record question ${given.ref.questionId}`);
  });
});
