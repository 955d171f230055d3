import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEDUPE_MS, FileInbox, INBOX_FILE } from '../../src/store/file-inbox';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coop-file-inbox-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const entry = (key: string, receivedAt = Date.now()) => ({ key, body: { event_id: key }, receivedAt });

describe('FileInbox', () => {
  it('has a delivery on disk when receive resolves, and recognises it again after a restart', async () => {
    const inbox = await FileInbox.open(dir);
    expect(await inbox.receive(entry('event:Ev1'))).toBe(true);
    // On disk before any close: a crash now would not lose it.
    expect(readFileSync(path.join(dir, INBOX_FILE), 'utf8')).toContain('event:Ev1');
    expect(await inbox.receive(entry('event:Ev1'))).toBe(false);
    await inbox.close();

    const reopened = await FileInbox.open(dir);
    expect(await reopened.receive(entry('event:Ev1'))).toBe(false);
    await reopened.close();
  });

  it('gives back, after a restart, what was received but never handled, oldest first and once', async () => {
    const inbox = await FileInbox.open(dir);
    await inbox.receive(entry('event:late', 2000));
    await inbox.receive(entry('event:handled', 1000));
    await inbox.receive(entry('event:early', 1000));
    await inbox.complete('event:handled');
    await inbox.close();

    const reopened = await FileInbox.open(dir);
    const unanswered = await reopened.claimUnanswered();
    expect(unanswered.map((e) => e.key)).toEqual(['event:early', 'event:late']);
    expect(unanswered[0]?.body).toEqual({ event_id: 'event:early' });
    expect(await reopened.claimUnanswered()).toEqual([]);
    await reopened.close();
  });

  it('gives back a released delivery (kept while Slack was unreachable), not one in hand', async () => {
    const inbox = await FileInbox.open(dir);
    await inbox.receive(entry('event:kept'));
    await inbox.receive(entry('event:in-hand'));
    await inbox.release('event:kept');
    expect((await inbox.claimUnanswered()).map((e) => e.key)).toEqual(['event:kept']);
    await inbox.close();
  });

  it('skips a line torn by a crash and keeps the rest', async () => {
    const inbox = await FileInbox.open(dir);
    await inbox.receive(entry('event:whole'));
    await inbox.close();
    appendFileSync(path.join(dir, INBOX_FILE), '{"op":"receive","key":"event:torn","at":1,"bo');

    const reopened = await FileInbox.open(dir);
    expect((await reopened.claimUnanswered()).map((e) => e.key)).toEqual(['event:whole']);
    expect(await reopened.receive(entry('event:next'))).toBe(true);
    await reopened.close();
    const again = await FileInbox.open(dir);
    expect((await again.claimUnanswered()).map((e) => e.key)).toEqual(['event:whole', 'event:next']);
    await again.close();
  });

  it('forgets handled keys after an hour when it rewrites the file, keeping unhandled ones', async () => {
    let now = 1_000_000;
    const inbox = await FileInbox.open(dir, { nowMs: () => now });
    await inbox.receive(entry('event:old-handled', now));
    await inbox.receive(entry('event:old-unhandled', now));
    await inbox.complete('event:old-handled');
    await inbox.close();

    now += DEDUPE_MS + 1;
    const reopened = await FileInbox.open(dir, { nowMs: () => now });
    const text = readFileSync(path.join(dir, INBOX_FILE), 'utf8');
    expect(text).not.toContain('event:old-handled');
    expect(text).toContain('event:old-unhandled');
    expect(await reopened.receive(entry('event:old-handled', now))).toBe(true);
    await reopened.close();
  });

  it('writes deliveries arriving together in one sync each burst, all of them durable', async () => {
    const inbox = await FileInbox.open(dir);
    const keys = Array.from({ length: 200 }, (_, i) => `event:burst${i}`);
    const results = await Promise.all(keys.map((key) => inbox.receive(entry(key))));
    expect(results.every(Boolean)).toBe(true);
    await inbox.close();
    const reopened = await FileInbox.open(dir);
    expect(await reopened.claimUnanswered()).toHaveLength(200);
    await reopened.close();
  });
});
