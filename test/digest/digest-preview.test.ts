import { createDigestPreviewer, createDigestTextPreview } from '../../src/digest/digest-preview';
import { DigestChannelError } from '../../src/digest/types';
import { recordingLogger } from '../logging/recording-logger';
import { FakeTime } from './fake-time';
import { asked, documentSummary, memoryQuestionLog } from './fixtures';
import { MemoryChannel } from './memory-channel';

const documents = [
  documentSummary('a.txt', {
    title: 'Lighthouse keepers strike',
    mtimeMs: Date.parse('2026-03-01T10:00:00Z'),
  }),
  documentSummary('b.txt'),
];
const events = [
  asked('Why did they strike?', { at: '2026-03-01T11:00:00Z' }),
  asked('why did they strike', { at: '2026-03-01T12:00:00Z' }),
  asked('What is the price of copper?', { at: '2026-03-01T13:00:00Z', answered: false }),
];
const sources = {
  engine: { documents: () => documents },
  questionLog: memoryQuestionLog(events),
};

describe('digest previews', () => {
  it('prints the digest as text for the console, since the previous scheduled time', async () => {
    const time = new FakeTime('2026-03-02T12:00:00Z');
    const text = await createDigestTextPreview({ ...sources, clock: time })();
    expect(text).toBe(
      [
        'Coop digest for Monday 2 March 2026 (UTC), since 2026-02-27 09:00 UTC',
        '',
        'New documents (1):',
        '  • Lighthouse keepers strike (2026-02-20) — a.txt',
        '    The lead sentence of a.txt.',
        '',
        'Questions: 3 questions from 1 person · 👍 0 · 👎 0',
        '  Most asked:',
        '    • “why did they strike” (asked 2×)',
        '  No answer in the corpus:',
        '    • “What is the price of copper?” (asked once)',
        '',
        '2 documents in the corpus.',
      ].join('\n'),
    );
  });

  it('diffs against the latest digest in the channel, and previews without it when Slack fails', async () => {
    const time = new FakeTime('2026-03-02T12:00:00Z');
    const channel = new MemoryChannel(time);
    channel.add('2026-03-01', '2026-03-01T12:30:00.000Z');
    const logger = recordingLogger();
    const preview = createDigestPreviewer({ ...sources, channel, clock: time, logger });

    const digest = await preview();
    expect(digest.previousDay).toBe('2026-03-01');
    expect(digest.questions.total).toBe(1);
    expect(channel.posted).toHaveLength(0);

    channel.failures.push(new DigestChannelError('digest_not_in_channel', 'the bot is not a member'));
    const fallback = await preview();
    expect(fallback.previousDay).toBeUndefined();
    expect(logger.text()).toMatch(/cannot read the latest digest in C0DIGEST01 \(the bot is not a member\)/);
  });
});
