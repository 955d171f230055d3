import { requestBodyProblem } from '../../src/slack/request-shape';

const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string | string[]>) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v]),
    ),
  ).toString();
const click = (payload: unknown) => form({ payload: JSON.stringify(payload) });
const button = (action: Record<string, unknown>) => ({
  type: 'block_actions',
  user: { id: 'U1' },
  actions: [{ action_id: 'coop_more', ...action }],
});
const command = {
  command: '/coop',
  text: 'sources',
  user_id: 'U1',
  channel_id: 'C1',
  response_url: 'https://hooks.slack.com/commands/1',
};

// The reason a signed request is refused is what the operator reads in the log: it must name the fault.
describe('requestBodyProblem', () => {
  it('lets through every kind of request Slack sends coop', () => {
    expect(requestBodyProblem(FORM, form({ ssl_check: '1', token: 'x' }))).toBeUndefined();
    expect(requestBodyProblem(FORM, form(command))).toBeUndefined();
    expect(requestBodyProblem(FORM, click(button({ value: 'v' })))).toBeUndefined();
    expect(requestBodyProblem(FORM, click(button({})))).toBeUndefined();
    expect(requestBodyProblem(FORM, click(button({ value: 'v'.repeat(2000) })))).toBeUndefined();
    expect(
      requestBodyProblem('application/json', JSON.stringify({ type: 'url_verification', challenge: 'c' })),
    ).toBe(undefined);
    expect(
      requestBodyProblem(
        'application/json',
        JSON.stringify({ type: 'event_callback', event: { type: 'message' } }),
      ),
    ).toBeUndefined();
  });

  it('names what is wrong with a form', () => {
    expect(requestBodyProblem(FORM, form({ ssl_check: '0' }))).toBe(
      'it is neither a command, an interaction nor an SSL check',
    );
    expect(requestBodyProblem(FORM, form({ payload: ['{}', '{}'] }))).toBe('it has more than one payload');
    expect(requestBodyProblem(FORM, form({ payload: 'not json' }))).toBe('its payload is not a JSON object');
    expect(requestBodyProblem(FORM, form({ payload: '[1]' }))).toBe('its payload is not a JSON object');
    for (const field of Object.keys(command)) {
      const { [field as keyof typeof command]: _dropped, ...rest } = command;
      if (field === 'command') continue; // without it the form is no command at all
      expect(requestBodyProblem(FORM, form(rest))).toBe(`a command without a single ${field}`);
    }
    expect(requestBodyProblem(FORM, form({ ...command, text: ['a', 'b'] }))).toBe(
      'a command without a single text',
    );
    expect(requestBodyProblem(FORM, form({ ...command, command: ['/coop', '/coop'] }))).toBe(
      'it is neither a command, an interaction nor an SSL check',
    );
  });

  it('names what is wrong with a click', () => {
    expect(requestBodyProblem(FORM, click({ type: 'view_submission' }))).toBe(
      'coop handles no interaction of type "view_submission"',
    );
    expect(requestBodyProblem(FORM, click({ type: 7 }))).toBe('coop handles no interaction of type number');
    const good = button({ value: 'v' });
    expect(requestBodyProblem(FORM, click({ ...good, user: undefined }))).toBe('a click without a user');
    expect(requestBodyProblem(FORM, click({ ...good, user: { name: 'ann' } }))).toBe(
      'a click without a user',
    );
    expect(requestBodyProblem(FORM, click({ ...good, user: ['U1'] }))).toBe('a click without a user');
    expect(requestBodyProblem(FORM, click({ ...good, actions: [] }))).toBe('a click without its action');
    expect(requestBodyProblem(FORM, click({ ...good, actions: 'coop_more' }))).toBe(
      'a click without its action',
    );
    const many = (count: number) => Array.from({ length: count }, () => ({ action_id: 'coop_more' }));
    expect(requestBodyProblem(FORM, click({ ...good, actions: many(25) }))).toBeUndefined();
    expect(requestBodyProblem(FORM, click({ ...good, actions: many(26) }))).toBe(
      'a click without its action',
    );
    expect(requestBodyProblem(FORM, click({ ...good, actions: [null] }))).toBe('a click without its action');
    expect(requestBodyProblem(FORM, click({ ...good, actions: [{ value: 'v' }] }))).toBe(
      'a click without its action',
    );
    expect(requestBodyProblem(FORM, click(button({ value: 12 })))).toBe('a button value that is not text');
    expect(requestBodyProblem(FORM, click(button({ value: 'v'.repeat(2001) })))).toBe(
      'a button value of 2001 characters (Slack allows 2000)',
    );
  });

  it('names what is wrong with a JSON body, quoting a foreign type cut short', () => {
    expect(requestBodyProblem('application/json', 'null')).toBe('its body is not a JSON object');
    expect(requestBodyProblem(undefined, '{')).toBe('its body is not a JSON object');
    expect(requestBodyProblem('application/json', JSON.stringify({ type: 'url_verification' }))).toBe(
      'a URL verification without a challenge',
    );
    expect(
      requestBodyProblem('application/json', JSON.stringify({ type: 'event_callback', event: {} })),
    ).toBe('an event without an event');
    expect(requestBodyProblem('application/json', JSON.stringify({ type: 'event_callback' }))).toBe(
      'an event without an event',
    );
    expect(requestBodyProblem('application/json', JSON.stringify({ type: `app_${'x'.repeat(100)}` }))).toBe(
      `coop handles no request of type "app_${'x'.repeat(36)}"`,
    );
    expect(requestBodyProblem('application/json', JSON.stringify({}))).toBe(
      'coop handles no request of type undefined',
    );
  });
});
