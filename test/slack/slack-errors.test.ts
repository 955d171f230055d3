import {
  describeSlackFailure,
  isUnclearFailure,
  retryAfterSeconds,
  slackErrorCode,
} from '../../src/slack/slack-errors';

/** An error shaped as the Slack SDK throws them: a `code`, and what goes with it. */
const sdkError = (code: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { code, ...fields });
const platform = (error: string) => sdkError('slack_webapi_platform_error', { data: { ok: false, error } });

// What the asker is told when Slack refuses coop's message, and how coop decides to look before posting again.
describe('Slack failures', () => {
  it('tells the asker what is wrong, and what to do where they can', () => {
    expect(describeSlackFailure(platform('not_in_channel'))).toMatch(/Invite me with `\/invite @coop`/);
    expect(describeSlackFailure(platform('channel_not_found'))).toMatch(/private or a direct message/);
    expect(describeSlackFailure(platform('is_archived'))).toBe(
      "This channel is archived, so I can't post in it.",
    );
    for (const code of [
      'restricted_action',
      'restricted_action_read_only_channel',
      'restricted_action_thread_only_channel',
    ]) {
      expect(describeSlackFailure(platform(code))).toBe("This channel's settings don't let me post here.");
    }
    expect(describeSlackFailure(sdkError('slack_webapi_rate_limited_error'))).toMatch(/rate-limiting me/);
    expect(describeSlackFailure(sdkError('coop_slack_timeout'))).toBe(
      'Slack did not answer in time just now; please try again.',
    );
    expect(describeSlackFailure(new TypeError('fetch failed'))).toBe(
      "I couldn't reach Slack just now; please try again.",
    );
    expect(describeSlackFailure(platform('msg_too_long'))).toBe(
      'Slack would not take my message (msg_too_long); please try again, or tell whoever runs coop.',
    );
  });

  it('reads the cause under the client’s own retries', () => {
    const wrapped = (original?: unknown) => sdkError('slack_webapi_request_error', { original });
    expect(slackErrorCode(wrapped(sdkError('slack_webapi_rate_limited_error')))).toBe('rate_limited');
    expect(slackErrorCode(wrapped(sdkError('coop_slack_timeout')))).toBe('timeout');
    expect(slackErrorCode(wrapped())).toBe('network');
    expect(slackErrorCode(wrapped(new Error('socket hang up')))).toBe('network');
    const self = wrapped();
    (self as { original?: unknown }).original = self;
    expect(slackErrorCode(self)).toBe('network');
  });

  it('names HTTP failures by status, and anything else as unknown', () => {
    expect(slackErrorCode(sdkError('slack_webapi_http_error', { statusCode: 503 }))).toBe('http_503');
    expect(slackErrorCode(sdkError('slack_bolt_respond_error', { statusCode: 404 }))).toBe('http_404');
    expect(slackErrorCode(sdkError('slack_bolt_respond_error'))).toBe('http_error');
    expect(slackErrorCode(sdkError('slack_webapi_platform_error', { data: {} }))).toBe('unknown');
    expect(slackErrorCode(new Error('A rate limit was exceeded'))).toBe('rate_limited');
    expect(slackErrorCode(new Error('boom'))).toBe('unknown');
    expect(slackErrorCode(undefined)).toBe('unknown');
  });

  it('looks before posting again only when the message may have gone through', () => {
    expect(isUnclearFailure(sdkError('coop_slack_timeout'))).toBe(true);
    expect(isUnclearFailure(new TypeError('fetch failed'))).toBe(true);
    expect(isUnclearFailure(sdkError('slack_webapi_http_error', { statusCode: 502 }))).toBe(true);
    expect(isUnclearFailure(sdkError('slack_bolt_respond_error'))).toBe(true);
    expect(isUnclearFailure(sdkError('slack_webapi_http_error', { statusCode: 404 }))).toBe(false);
    expect(isUnclearFailure(platform('not_in_channel'))).toBe(false);
  });

  it('waits as long as Slack asked after a rate limit', () => {
    expect(retryAfterSeconds(sdkError('slack_webapi_rate_limited_error', { retryAfter: 30 }))).toBe(30);
    const wrapped = sdkError('slack_webapi_request_error', {
      original: Object.assign(new Error('A rate limit was exceeded (retry-after: 12)'), {}),
    });
    expect(retryAfterSeconds(wrapped)).toBe(12);
    expect(retryAfterSeconds(sdkError('slack_webapi_rate_limited_error'))).toBe(1);
    expect(retryAfterSeconds(platform('not_in_channel'))).toBeUndefined();
  });
});
