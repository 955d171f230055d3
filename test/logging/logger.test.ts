import { createLogger } from '../../src/logging/logger';

function capture(format: 'text' | 'json', level: 'debug' | 'info' = 'info') {
  let written = '';
  const logger = createLogger(level, { write: (line: string) => (written += line) }, format);
  return { logger, lines: () => written.split('\n').filter((line) => line !== '') };
}

describe('createLogger', () => {
  it('writes one JSON object a line with LOG_FORMAT=json, tokens redacted', () => {
    const { logger, lines } = capture('json');
    logger.info('Answered a question', { questionId: 'q-1' });
    logger.error('Slack refused xoxb-1111-2222-secret', new Error('boom\nwith a second line'));
    logger.debug('not at info level');
    const parsed = lines().map((line) => JSON.parse(line) as { time: string; level: string; msg: string });
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ level: 'info', msg: 'Answered a question {"questionId":"q-1"}' });
    expect(Number.isNaN(Date.parse(parsed[0]?.time ?? ''))).toBe(false);
    expect(parsed[1]?.level).toBe('error');
    expect(parsed[1]?.msg).toContain('boom');
    expect(parsed[1]?.msg).not.toContain('secret');
  });

  it('writes a timestamp, the level and the message by default', () => {
    const { logger, lines } = capture('text');
    logger.warn('Slack is unreachable');
    expect(lines()).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z WARN Slack is unreachable$/)]);
  });
});
