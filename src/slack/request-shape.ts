import { parse as parseQuery } from 'node:querystring';
import { BUTTON_VALUE_LIMIT } from './answer-ref';

/**
 * What a request to `/slack/events` must look like before Bolt is handed it: the kinds of request Slack
 * sends coop (events, the URL check, `/coop`, button clicks, the SSL check), each with the fields Bolt and
 * the listeners read. Anything else would stall Bolt (it waits for an acknowledgement no listener gives)
 * or crash it (a `null` body), so it is refused at once with its reason.
 */

/** Slack sends one action per click; a block holds at most 25 elements. */
const MAX_ACTIONS = 25;

type Shape = Record<string, unknown>;

/**
 * Why a (signed) request body is not one coop can handle, or undefined when it is. `contentType` is the
 * request's header; Bolt reads `application/x-www-form-urlencoded` as a form and anything else as JSON.
 */
export function requestBodyProblem(contentType: string | undefined, rawBody: string): string | undefined {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseQuery(rawBody);
    if (form.ssl_check === '1') return undefined;
    if (typeof form.payload === 'string') {
      const payload = parseJson(form.payload);
      return isShape(payload) ? interactionProblem(payload) : 'its payload is not a JSON object';
    }
    if (form.payload !== undefined) return 'it has more than one payload';
    if (typeof form.command === 'string') return commandProblem(form);
    return 'it is neither a command, an interaction nor an SSL check';
  }
  const body = parseJson(rawBody);
  if (!isShape(body)) return 'its body is not a JSON object';
  switch (body.type) {
    case 'url_verification':
      return typeof body.challenge === 'string' ? undefined : 'a URL verification without a challenge';
    case 'event_callback':
      return isShape(body.event) && typeof body.event.type === 'string'
        ? undefined
        : 'an event without an event';
    default:
      return `coop handles no request of type ${describe(body.type)}`;
  }
}

function commandProblem(form: Record<string, string | string[] | undefined>): string | undefined {
  for (const field of ['command', 'text', 'user_id', 'channel_id', 'response_url']) {
    if (typeof form[field] !== 'string') return `a command without a single ${field}`;
  }
  return undefined;
}

function interactionProblem(payload: Shape): string | undefined {
  if (payload.type !== 'block_actions')
    return `coop handles no interaction of type ${describe(payload.type)}`;
  if (!isShape(payload.user) || typeof payload.user.id !== 'string') return 'a click without a user';
  const { actions } = payload;
  if (!Array.isArray(actions) || actions.length === 0 || actions.length > MAX_ACTIONS) {
    return 'a click without its action';
  }
  for (const action of actions) {
    if (!isShape(action) || typeof action.action_id !== 'string') return 'a click without its action';
    if (action.value !== undefined && typeof action.value !== 'string')
      return 'a button value that is not text';
    if (typeof action.value === 'string' && action.value.length > BUTTON_VALUE_LIMIT) {
      return `a button value of ${action.value.length} characters (Slack allows ${BUTTON_VALUE_LIMIT})`;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isShape(value: unknown): value is Shape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request's `type`, quoted and cut short: it came from outside. */
function describe(type: unknown): string {
  return typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type;
}
