import type { WebSocket } from 'ws';
import { eventBody, mentionEvent } from './slack-request';

/** The next message coop sends over the socket, parsed. */
export function nextMessage(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
}

/**
 * Sends, over a Socket Mode connection, a mention of the bot asking `question` (in channel `C0GENERAL`,
 * at ts `1700000000.000100`), as Slack does: an `events_api` envelope. Resolves with coop's
 * acknowledgement.
 */
export function sendMention(socket: WebSocket, question: string): Promise<Record<string, unknown>> {
  const acknowledged = nextMessage(socket);
  socket.send(
    JSON.stringify({
      envelope_id: 'envelope-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: JSON.parse(eventBody(mentionEvent(question, '1700000000.000100'), 'Ev0SOCKET')),
    }),
  );
  return acknowledged;
}
