import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger as BoltLogger, type CustomRoute, HTTPReceiver } from '@slack/bolt';

/** Path of the liveness check answered 200 in HTTP mode. */
export const HEALTH_PATH = '/healthz';
/** Path Slack sends commands, events and interactivity to (Bolt's default Request URL). */
export const EVENTS_PATH = '/slack/events';
/** How far a request's timestamp may be from now, either way, before it is refused (Slack's rule). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Options of {@link createHttpReceiver}. */
export interface HttpReceiverOptions {
  signingSecret: string;
  logger: BoltLogger;
  /** The clock the timestamp check reads, in milliseconds. */
  nowMs?: () => number;
  /** More routes beside `/healthz` (`/readyz`, `/metrics`). */
  routes?: CustomRoute[];
}

/**
 * Bolt's HTTP receiver on `/slack/events`, plus `GET /healthz`, with Slack's request verification made
 * whole: Bolt checks the signature and refuses requests more than five minutes old, and this also
 * refuses those dated more than five minutes ahead (a replay with a forged clock would otherwise pass).
 * Refused requests get 401 and reach no listener.
 */
export function createHttpReceiver({
  signingSecret,
  logger,
  nowMs = Date.now,
  routes = [],
}: HttpReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    logger,
    endpoints: EVENTS_PATH,
    customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: answerHealthCheck }, ...routes],
  });
  const verifyAndDispatch = receiver.requestListener;
  receiver.requestListener = (request, response) => {
    if (isFutureDated(request, nowMs())) {
      logger.warn('Refused a Slack request dated more than five minutes ahead');
      response.writeHead(401).end();
      return;
    }
    verifyAndDispatch(request, response);
  };
  return receiver;
}

function isFutureDated(request: IncomingMessage, nowMs: number): boolean {
  const header = request.headers['x-slack-request-timestamp'];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(timestamp) && timestamp - Math.floor(nowMs / 1000) > MAX_CLOCK_SKEW_SECONDS;
}

function answerHealthCheck(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
}
