/**
 * What {@link createTimedFetch} reports of each call: the Web API method (the URL's last path segment,
 * or `response_url`) and whether it failed.
 */
export type FetchObserver = (method: string, failed: boolean) => void;

/** Thrown by a fetch made with {@link createTimedFetch} when the far end did not answer in time. */
export class SlackTimeoutError extends Error {
  readonly code = 'coop_slack_timeout';
  constructor(url: string, timeoutMs: number) {
    super(`No answer from ${new URL(url).host} within ${timeoutMs} ms`);
    this.name = 'SlackTimeoutError';
  }
}

/**
 * `fetch` with a deadline: a call that has not answered after `timeoutMs` is aborted and rejects with a
 * {@link SlackTimeoutError}, so a hung Slack never holds an answer (or shutdown) for ever. Used by the
 * Web API clients and by `response_url` replies. Each call is reported to `observe`, and made once what
 * `ready` returns for its method (when anything) resolves; its deadline runs from then.
 */
export function createTimedFetch(
  timeoutMs: number,
  observe?: FetchObserver,
  ready?: (method: string) => Promise<void> | undefined,
): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = methodOf(url);
    const waiting = ready?.(method);
    if (waiting) await waiting;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const response = await fetch(input, { ...init, signal });
      observe?.(method, !response.ok);
      return response;
    } catch (error) {
      observe?.(method, true);
      if (deadline.aborted) throw new SlackTimeoutError(url, timeoutMs);
      throw error;
    }
  };
}

/** The Web API method of a URL (`chat.postMessage`), or `response_url` for anything else. */
function methodOf(url: string): string {
  const last = url.split('?')[0]?.split('/').pop() ?? '';
  return /^[a-z]+\.[a-zA-Z.]+$/.test(last) ? last : 'response_url';
}
