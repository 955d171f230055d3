import { createHmac } from 'node:crypto';
import { request } from 'node:http';

/** The signing secret every test app is configured with. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99edabcd00d1';
export const BOT_TOKEN = 'xoxb-1111-2222-testtoken';
export const BOT_USER = 'UCOOPBOT';
export const BOT_ID = 'BCOOPBOT';
export const TEAM = 'T0TEAM';

/** An HTTP response, read whole. */
export interface Reply {
  status: number;
  body: string;
}

/** Options of {@link sendSigned}. */
export interface SignedRequestOptions {
  timestamp?: number;
  /** A signature to send instead of the right one; null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
  /** Gives up after this long; default 10 s. */
  timeoutMs?: number;
}

/**
 * Sends a request to 127.0.0.1:`port` as Slack would: signed with {@link SIGNING_SECRET} and dated now,
 * unless told otherwise. Resolves with the response; rejects when the connection fails.
 */
export function sendSigned(
  port: number,
  body: string,
  contentType: string,
  options: SignedRequestOptions = {},
): Promise<Reply> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature === undefined
      ? `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`
      : options.signature;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
    ...(signature === null ? {} : { 'X-Slack-Signature': signature }),
    ...options.headers,
  };
  const method = options.method ?? 'POST';
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method, path: options.path ?? '/slack/events', headers, agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(options.timeoutMs ?? 10_000, () => outgoing.destroy(new Error('request timed out')));
    outgoing.on('error', reject);
    if (method !== 'GET') outgoing.write(body);
    outgoing.end();
  });
}

/** The JSON body of an Events API delivery of `event`. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: 'A0COOP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    event,
  });
}

/** Headers that make a delivery one of Slack's retries. */
export function retryHeaders(retryNum: number | undefined): Record<string, string> {
  return retryNum === undefined
    ? {}
    : { 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': 'http_timeout' };
}

/** A mention of the bot asking `question`, as the `app_mention` event Slack sends. */
export function mentionEvent(question: string, ts: string, channel = 'C0GENERAL', user = 'U0ASKER') {
  return { type: 'app_mention', user, text: `<@${BOT_USER}> ${question}`, ts, event_ts: ts, channel };
}
