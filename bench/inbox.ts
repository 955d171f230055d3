import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileInbox } from '../src/store/file-inbox';

/**
 * The cost of keeping an event before it is acknowledged: `FileInbox.receive` (written and
 * fdatasync'ed to DATA_DIR) for events one at a time, and for bursts arriving together, whose writes
 * share a sync. Prints milliseconds per event. `BENCH_INBOX_DIR` picks the disk (default the temporary
 * folder; point it at the disk DATA_DIR will live on).
 */
async function main(): Promise<void> {
  const parent = process.env.BENCH_INBOX_DIR ?? os.tmpdir();
  const dir = mkdtempSync(path.join(parent, 'coop-bench-inbox-'));
  const body = JSON.parse(
    '{"type":"event_callback","event_id":"Ev0","team_id":"T0","event":{"type":"app_mention","user":"U0ASKER","text":"<@UCOOPBOT> who launched the technology security initiative and when","ts":"1700000000.000100","channel":"C0GENERAL"}}',
  ) as unknown;
  const inbox = await FileInbox.open(dir);
  let n = 0;
  const receive = () => inbox.receive({ key: `event:Ev${n++}`, body, receivedAt: Date.now() });
  try {
    const single: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await receive();
      single.push(performance.now() - started);
    }
    const rows = [['one at a time', percentile(single, 0.5), percentile(single, 0.99)]];
    for (const size of [10, 50, 200]) {
      const perEvent: number[] = [];
      for (let round = 0; round < 20; round++) {
        const started = performance.now();
        await Promise.all(Array.from({ length: size }, receive));
        perEvent.push((performance.now() - started) / size);
      }
      rows.push([`bursts of ${size}`, percentile(perEvent, 0.5), percentile(perEvent, 0.99)]);
    }
    console.log(`inbox.receive, ms per event, fsynced to ${parent}:`);
    for (const [label, p50, p99] of rows)
      console.log(
        `  ${String(label).padEnd(16)} p50 ${Number(p50).toFixed(3)}  p99 ${Number(p99).toFixed(3)}`,
      );
  } finally {
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

void main();
