import nock from 'nock';
import { createTimedFetch, SlackTimeoutError } from '../../../src/slack/delivery/timed-fetch';
import { interceptSlack, RESPONSE_URL_HOST, SLACK_API } from '../support/slack-harness';

let slack: ReturnType<typeof interceptSlack>;
beforeEach(() => {
  slack = interceptSlack();
});
afterEach(() => {
  slack.verify();
});

/** A timed fetch whose reports are recorded as `method failed|ok`. */
function recordingFetch(timeoutMs = 1000) {
  const reports: string[] = [];
  const timedFetch = createTimedFetch(timeoutMs, (method, failed) =>
    reports.push(`${method} ${failed ? 'failed' : 'ok'}`),
  );
  return { timedFetch, reports };
}

describe('createTimedFetch', () => {
  it('reports each call by its Web API method, a response_url as such, and whether it failed', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true });
    nock(SLACK_API).post('/api/conversations.replies').query(true).reply(500, 'down');
    nock(RESPONSE_URL_HOST).post('/actions/T1/2/abc').reply(200, 'ok');
    const { timedFetch, reports } = recordingFetch();

    expect((await timedFetch(`${SLACK_API}/api/chat.postMessage`, { method: 'POST' })).ok).toBe(true);
    expect(
      (await timedFetch(new URL(`${SLACK_API}/api/conversations.replies?limit=5`), { method: 'POST' }))
        .status,
    ).toBe(500);
    await timedFetch(new Request(`${RESPONSE_URL_HOST}/actions/T1/2/abc`, { method: 'POST' }));

    expect(reports).toEqual(['chat.postMessage ok', 'conversations.replies failed', 'response_url ok']);
  });

  it('gives up on a call with no answer in time, naming the host and the wait, and reports it failed', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').delay(2000).reply(200, { ok: true });
    const { timedFetch, reports } = recordingFetch(50);

    const call = timedFetch(`${SLACK_API}/api/chat.postMessage`, { method: 'POST' });

    await expect(call).rejects.toThrow(SlackTimeoutError);
    await expect(call).rejects.toThrow('No answer from slack.test within 50 ms');
    expect(reports).toEqual(['chat.postMessage failed']);
  });

  it('makes a call once what ready returns for its method resolves, and times it from then', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true });
    nock(SLACK_API).post('/api/conversations.replies').reply(200, { ok: true });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const asked: string[] = [];
    const made: string[] = [];
    const timedFetch = createTimedFetch(
      50,
      (method) => made.push(method),
      (method) => {
        asked.push(method);
        return method === 'chat.postMessage' ? released : undefined;
      },
    );

    const post = timedFetch(`${SLACK_API}/api/chat.postMessage`, { method: 'POST' });
    await timedFetch(`${SLACK_API}/api/conversations.replies`, { method: 'POST' });
    // Held past its 50 ms deadline: the deadline starts once the call is made.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(made).toEqual(['conversations.replies']);

    release();
    expect((await post).ok).toBe(true);
    expect(made).toEqual(['conversations.replies', 'chat.postMessage']);
    expect(asked).toEqual(['chat.postMessage', 'conversations.replies']);
  });

  it("passes on a caller's own abort as it is, not as a timeout", async () => {
    nock(SLACK_API).post('/api/chat.postMessage').delay(2000).reply(200, { ok: true });
    const { timedFetch, reports } = recordingFetch(5000);
    const caller = new AbortController();

    const call = timedFetch(`${SLACK_API}/api/chat.postMessage`, { method: 'POST', signal: caller.signal });
    setTimeout(() => caller.abort(new Error('the answer is no longer wanted')), 50);

    await expect(call).rejects.toThrow('the answer is no longer wanted');
    expect(reports).toEqual(['chat.postMessage failed']);
  });
});
