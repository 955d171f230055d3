import fs, {
  appendFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEDUPE_MS, FileInbox, INBOX_FILE } from '../../src/store/file-inbox';
import { recordingLogger } from '../logging/recording-logger';

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

/** Counts `fdatasync` calls on every file handle from now on (the durability the inbox promises). */
async function countSyncs(): Promise<{ count(): number; restore(): void }> {
  const probe = await open(path.join(dir, 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const spy = jest.spyOn(prototype, 'datasync');
  return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

/** Holds every `fdatasync` of a file handle until `release` is called (a slow disk), counting them. */
async function holdSyncs(): Promise<{ count(): number; release(): void; restore(): void }> {
  const probe = await open(path.join(dir, 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const original = prototype.datasync;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const spy = jest.spyOn(prototype, 'datasync').mockImplementation(async function (this: FileHandle) {
    await released;
    return original.call(this);
  });
  return { count: () => spy.mock.calls.length, release, restore: () => spy.mockRestore() };
}

const lineCount = () => readFileSync(path.join(dir, INBOX_FILE), 'utf8').split('\n').filter(Boolean).length;

describe('FileInbox in detail', () => {
  it('syncs a delivery before receive resolves, a burst in a sync or two, and a handled mark in none', async () => {
    const inbox = await FileInbox.open(dir);
    const syncs = await countSyncs();
    try {
      await inbox.receive(entry('event:one'));
      expect(syncs.count()).toBe(1);
      await Promise.all(Array.from({ length: 200 }, (_, i) => inbox.receive(entry(`event:burst${i}`))));
      // Group commit: the first write goes alone, the 199 queued behind it share the next sync.
      expect(syncs.count()).toBeLessThanOrEqual(3);
      const before = syncs.count();
      await inbox.complete('event:one');
      expect(syncs.count()).toBe(before);
      // A handled mark queued together with a receipt (behind a write under way) still syncs the receipt.
      await Promise.all([
        inbox.receive(entry('event:two')),
        inbox.complete('event:burst0'),
        inbox.receive(entry('event:three')),
      ]);
      expect(syncs.count()).toBe(before + 2);
    } finally {
      syncs.restore();
    }
    await inbox.close();
  });

  it('says at once whether a delivery is new, while its line is synced, and keeps a repeat with it', async () => {
    const inbox = await FileInbox.open(dir);
    const sync = await holdSyncs();
    try {
      const first = await inbox.admit(entry('event:admitted'));
      // The sync is under way already: an answer worked out now does not hold back its start.
      expect(sync.count()).toBe(1);
      // Slack's repeat, arriving while the first is still being written, is known for one at once too.
      const repeat = await inbox.admit(entry('event:admitted'));
      expect([first.fresh, repeat.fresh]).toEqual([true, false]);
      const settled: string[] = [];
      void first.kept.then(() => settled.push('first'));
      void repeat.kept.then(() => settled.push('repeat'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toEqual([]);

      sync.release();
      await Promise.all([first.kept, repeat.kept]);
      expect(settled.sort()).toEqual(['first', 'repeat']);
      expect(sync.count()).toBe(1);
      expect(readFileSync(path.join(dir, INBOX_FILE), 'utf8')).toContain('event:admitted');
      // Once written, a repeat has nothing to wait for.
      const later = await inbox.admit(entry('event:admitted'));
      expect(later.fresh).toBe(false);
      await later.kept;
    } finally {
      sync.restore();
    }
    await inbox.close();
  });

  it('loses no later delivery to a write the disk cut short, and says which it could not keep', async () => {
    const logger = recordingLogger();
    const inbox = await FileInbox.open(dir, { logger });
    await inbox.receive(entry('event:before'));
    // The disk takes part of the line, then no more (full).
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const realWrite = fs.writeSync;
    const halfWrite = (fd: number, buffer: Buffer, offset: number, length: number) =>
      realWrite(fd, buffer, offset, Math.floor(length / 2));
    const write = jest
      .spyOn(fs, 'writeSync')
      .mockImplementationOnce(halfWrite as unknown as typeof fs.writeSync)
      .mockImplementationOnce(() => {
        throw diskFull;
      });
    await expect(inbox.receive(entry('event:cut'))).rejects.toThrow('no space left');
    write.mockRestore();
    // Space again: the next delivery is kept whole.
    await inbox.receive(entry('event:after'));
    await inbox.close();

    const reopened = await FileInbox.open(dir, { logger });
    expect(await reopened.receive(entry('event:before'))).toBe(false);
    expect(await reopened.receive(entry('event:after'))).toBe(false);
    expect(await reopened.receive(entry('event:cut'))).toBe(true);
    await reopened.close();
    expect(logger.text()).toContain('inbox: skipped 1 torn line(s)');
  });

  it('does nothing, and does not fail, for a key it does not hold', async () => {
    const inbox = await FileInbox.open(dir);
    await expect(inbox.complete('event:unknown')).resolves.toBeUndefined();
    await expect(inbox.release('event:unknown')).resolves.toBeUndefined();
    expect(await inbox.claimUnanswered()).toEqual([]);
    expect(await inbox.receive(entry('event:unknown'))).toBe(true);
    await inbox.close();
  });

  it('never hands out a handled delivery again, in this run or across restarts within the hour', async () => {
    let now = 5_000_000;
    const inbox = await FileInbox.open(dir, { nowMs: () => now });
    await inbox.receive(entry('event:handled', now));
    await inbox.receive(entry('event:pending', now));
    await inbox.complete('event:handled');
    await inbox.release('event:handled');
    await inbox.release('event:pending');
    expect((await inbox.claimUnanswered()).map((e) => e.key)).toEqual(['event:pending']);
    await inbox.close();

    // Each restart rewrites the file; what it wrote must say the same after the next one.
    for (const minutes of [10, 40]) {
      now = 5_000_000 + minutes * 60_000;
      const reopened = await FileInbox.open(dir, { nowMs: () => now });
      const unanswered = await reopened.claimUnanswered();
      expect(unanswered).toEqual([
        { key: 'event:pending', body: { event_id: 'event:pending' }, receivedAt: 5_000_000 },
      ]);
      expect(await reopened.receive(entry('event:handled', now))).toBe(false);
      await reopened.close();
    }
  });

  it('remembers a handled key for an hour from its receipt, however late it was handled', async () => {
    const receivedAt = 7_000_000;
    let now = receivedAt;
    const inbox = await FileInbox.open(dir, { nowMs: () => now });
    await inbox.receive(entry('event:slow', receivedAt));
    now = receivedAt + 50 * 60_000;
    await inbox.complete('event:slow');
    await inbox.close();

    now = receivedAt + DEDUPE_MS;
    const atTheHour = await FileInbox.open(dir, { nowMs: () => now });
    await atTheHour.close();
    expect(readFileSync(path.join(dir, INBOX_FILE), 'utf8')).toContain('event:slow');

    now = receivedAt + DEDUPE_MS + 1;
    const afterTheHour = await FileInbox.open(dir, { nowMs: () => now });
    expect(readFileSync(path.join(dir, INBOX_FILE), 'utf8')).not.toContain('event:slow');
    expect(await afterTheHour.receive(entry('event:slow', now))).toBe(true);
    await afterTheHour.close();
  });

  it('takes a handled mark without its receipt line (a file trimmed by hand) as handled, and forgets it in time', async () => {
    let now = 9_000_000;
    writeFileSync(
      path.join(dir, INBOX_FILE),
      `${JSON.stringify({ op: 'done', key: 'event:orphan-mark', at: now })}\n`,
    );
    const inbox = await FileInbox.open(dir, { nowMs: () => now });
    expect(await inbox.claimUnanswered()).toEqual([]);
    expect(await inbox.receive(entry('event:orphan-mark', now))).toBe(false);
    await inbox.close();

    now += DEDUPE_MS + 1;
    const later = await FileInbox.open(dir, { nowMs: () => now });
    expect(await later.receive(entry('event:orphan-mark', now))).toBe(true);
    await later.close();
  });

  it('warns once, naming the file and the count, about torn lines, and not about blank ones', async () => {
    const file = path.join(dir, INBOX_FILE);
    const inbox = await FileInbox.open(dir);
    await inbox.receive(entry('event:whole'));
    await inbox.close();
    appendFileSync(file, '   \n{"op":"receive","key":"event:torn1","at":1,"bo\n{"op":"do\n');

    const logger = recordingLogger();
    const reopened = await FileInbox.open(dir, { logger });
    expect((await reopened.claimUnanswered()).map((e) => e.key)).toEqual(['event:whole']);
    await reopened.close();
    expect(logger.lines).toEqual([`inbox: skipped 2 torn line(s) in ${file}`]);

    // The rewrite at that start left a clean file: the next start has nothing to report.
    const cleanLogger = recordingLogger();
    const again = await FileInbox.open(dir, { logger: cleanLogger });
    expect((await again.claimUnanswered()).map((e) => e.key)).toEqual(['event:whole']);
    await again.close();
    expect(cleanLogger.lines).toEqual([]);
  });

  it('does not take a line of another kind (a newer version wrote it) for a handled mark', async () => {
    const inbox = await FileInbox.open(dir);
    await inbox.receive(entry('event:kept'));
    await inbox.close();
    appendFileSync(
      path.join(dir, INBOX_FILE),
      `${JSON.stringify({ op: 'archive', key: 'event:kept', at: 1 })}\n`,
    );

    const reopened = await FileInbox.open(dir);
    expect((await reopened.claimUnanswered()).map((e) => e.key)).toEqual(['event:kept']);
    await reopened.close();
  });

  it('finishes a write in flight before closing', async () => {
    const inbox = await FileInbox.open(dir);
    const receiving = inbox.receive(entry('event:in-flight'));
    await inbox.close();
    expect(await receiving).toBe(true);

    const reopened = await FileInbox.open(dir);
    expect((await reopened.claimUnanswered()).map((e) => e.key)).toEqual(['event:in-flight']);
    await reopened.close();
  });

  it('refuses a delivery after close, saying the inbox is closed, rather than losing it quietly', async () => {
    const logger = recordingLogger();
    const inbox = await FileInbox.open(dir, { logger });
    await inbox.close();
    await expect(inbox.receive(entry('event:late'))).rejects.toThrow(
      `inbox: ${path.join(dir, INBOX_FILE)} is closed`,
    );
    expect(logger.lines).toEqual([
      `inbox: cannot write to ${path.join(dir, INBOX_FILE)}: inbox: ${path.join(dir, INBOX_FILE)} is closed`,
    ]);
  });

  it('refuses to start on an inbox it cannot read, leaving it in place', async () => {
    const file = path.join(dir, INBOX_FILE);
    // A symbolic link to itself: reading fails (ELOOP) even for root, as a bad mount or permissions would.
    symlinkSync(INBOX_FILE, file);
    await expect(FileInbox.open(dir)).rejects.toMatchObject({ code: 'ELOOP' });
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('appends in place up to 20,000 lines, then rewrites the file without the keys older than an hour', async () => {
    const file = path.join(dir, INBOX_FILE);
    let now = 11_000_000;
    const inbox = await FileInbox.open(dir, { nowMs: () => now });
    const inode = statSync(file).ino;
    await inbox.receive(entry('event:old', now));
    await inbox.complete('event:old');
    const keys = Array.from({ length: 19_998 }, (_, i) => `event:n${i}`);
    await Promise.all(keys.map((key) => inbox.receive(entry(key, now))));
    // close waits for a rewrite under way, so the file is looked at once the inbox is done with it.
    await inbox.close();
    expect(statSync(file).ino).toBe(inode);
    expect(lineCount()).toBe(20_000);

    // Within the hour a restart keeps every line, so the count goes on from 20,000.
    const reopened = await FileInbox.open(dir, { nowMs: () => now });
    expect(lineCount()).toBe(20_000);
    const rewrittenAtStart = statSync(file).ino;
    now += DEDUPE_MS + 1;
    await reopened.receive(entry('event:last', now));
    await reopened.close();
    expect(statSync(file).ino).not.toBe(rewrittenAtStart);
    expect(lineCount()).toBe(19_999);
    expect(readFileSync(file, 'utf8')).not.toContain('event:old');

    const again = await FileInbox.open(dir, { nowMs: () => now });
    expect(await again.claimUnanswered()).toHaveLength(19_999);
    expect(await again.receive(entry('event:old', now))).toBe(true);
    await again.close();
  }, 60_000);

  it('goes on taking deliveries when a rewrite fails, and logs why', async () => {
    const file = path.join(dir, INBOX_FILE);
    const logger = recordingLogger();
    const inbox = await FileInbox.open(dir, { logger });
    // The rewrite's temporary file cannot be created: a directory has its name.
    mkdirSync(`${file}.tmp`);
    await Promise.all(Array.from({ length: 20_001 }, (_, i) => inbox.receive(entry(`event:n${i}`))));
    expect(await inbox.receive(entry('event:after'))).toBe(true);
    await inbox.close();
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.lines.every((line) => line.startsWith('inbox: cannot compact:'))).toBe(true);

    rmSync(`${file}.tmp`, { recursive: true });
    const reopened = await FileInbox.open(dir);
    const keys = new Set((await reopened.claimUnanswered()).map((e) => e.key));
    expect(keys.size).toBe(20_002);
    expect(keys.has('event:after')).toBe(true);
    await reopened.close();
  }, 60_000);
});
