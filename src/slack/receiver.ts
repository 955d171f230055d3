import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Logger as BoltLogger,
  type CustomRoute,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPReceiver,
  isValidSlackRequest,
} from '@slack/bolt';
import { requestBodyProblem } from './request-shape';

/** Path of the liveness check answered 200 in HTTP mode. */
export const HEALTH_PATH = '/healthz';
/** Path Slack sends commands, events and interactivity to (Bolt's default Request URL). */
export const EVENTS_PATH = '/slack/events';
/** How far a request's timestamp may be from now, either way, before it is refused (Slack's rule). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** How long Slack waits for a request's acknowledgement before it counts it failed (and retries events). */
export const SLACK_ACK_TIMEOUT_MS = 3000;

/** Options of {@link createHttpReceiver}. */
export interface HttpReceiverOptions {
  signingSecret: string;
  logger: BoltLogger;
  /** The clock the timestamp check reads, in milliseconds. */
  nowMs?: () => number;
  /** More routes beside `/healthz` (`/readyz`, `/metrics`). */
  routes?: CustomRoute[];
  /**
   * How long a request may wait for its acknowledgement before it is answered 404, as Slack has given
   * up on it by then. Default: Slack's {@link SLACK_ACK_TIMEOUT_MS}, and a millisecond.
   */
  ackTimeoutMs?: number;
}

/**
 * Bolt's HTTP receiver on `/slack/events`, plus `GET /healthz`, with Slack's request verification made
 * whole: Bolt checks the signature and refuses requests more than five minutes old, and this also
 * refuses those dated more than five minutes ahead (a replay with a forged clock would otherwise pass).
 * Refused requests get 401 and reach no listener. A correctly signed request whose body is not one Slack
 * sends coop (`null`, an event without an event, a button value longer than Slack allows…) gets 400 at
 * once, with the reason logged, instead of leaving Bolt waiting for an acknowledgement that never comes.
 * A request not acknowledged in time (the bot was busy: a large index swapped in) is answered 404 and
 * logged as such; its listeners still run ({@link import('./durable-delivery').DurableDelivery}).
 */
export function createHttpReceiver({
  signingSecret,
  logger,
  nowMs = Date.now,
  routes = [],
  ackTimeoutMs = SLACK_ACK_TIMEOUT_MS + 1,
}: HttpReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    logger,
    endpoints: EVENTS_PATH,
    customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: answerHealthCheck }, ...routes],
    unhandledRequestTimeoutMillis: ackTimeoutMs,
    unhandledRequestHandler: ({ response }) => {
      logger.warn(
        `A Slack request waited more than ${ackTimeoutMs} ms for its acknowledgement; answered 404 and handled all the same (Slack sends an event again, and the repeat is dropped; a command's asker sees Slack's timeout notice before the answer)`,
      );
      if (!response.headersSent) response.writeHead(404).end();
    },
  });
  const verifyAndDispatch = receiver.requestListener;
  receiver.requestListener = (request, response) => {
    if (isFutureDated(request, nowMs())) {
      logger.warn('Refused a Slack request dated more than five minutes ahead');
      response.writeHead(401).end();
      return;
    }
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://coop').pathname !== EVENTS_PATH) {
      verifyAndDispatch(request, response);
      return;
    }
    screenBody(request, signingSecret, nowMs()).then(
      (problem) => {
        if (problem === undefined) verifyAndDispatch(request, response);
        else {
          logger.warn(`Refused a signed Slack request: ${problem}`);
          response.writeHead(400).end();
        }
      },
      () => {
        logger.warn('Refused a Slack request whose body could not be read');
        if (!response.headersSent) response.writeHead(400).end();
      },
    );
  };
  return receiver;
}

/**
 * Reads the body (Bolt reuses it) and returns why it cannot be handled, when it is correctly signed;
 * requests that are not signed correctly are left for Bolt to refuse with 401.
 */
async function screenBody(
  request: IncomingMessage,
  signingSecret: string,
  nowMs: number,
): Promise<string | undefined> {
  const buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, defaultBodyLimit);
  const body = buffered.rawBody.toString();
  const signed = isValidSlackRequest({
    signingSecret,
    body,
    headers: {
      'x-slack-signature': headerValue(request, 'x-slack-signature'),
      'x-slack-request-timestamp': Number(headerValue(request, 'x-slack-request-timestamp')),
    },
    nowMilliseconds: nowMs,
  });
  return signed ? requestBodyProblem(request.headers['content-type'], body) : undefined;
}

function headerValue(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function isFutureDated(request: IncomingMessage, nowMs: number): boolean {
  const header = request.headers['x-slack-request-timestamp'];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(timestamp) && timestamp - Math.floor(nowMs / 1000) > MAX_CLOCK_SKEW_SECONDS;
}

function answerHealthCheck(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
}
