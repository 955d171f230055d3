import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ANALYZER_VERSION } from '../../src/analysis/analyzer';
import { CorpusEngine } from '../../src/answer/engine';
import type { Logger } from '../../src/logging/logger';
import {
  corpusKey,
  loadLastSnapshot,
  loadOrBuildIndex,
  readIndexSnapshot,
  saveIndexSnapshot,
} from '../../src/search/index-snapshot';
import type { PassageIndexData } from '../../src/search/passage-index';

const SEEDS = path.resolve(__dirname, '../../seeds');

const QUESTIONS = [
  'What is the Technology Security Initiative?',
  'who attended the defence workshop in london',
  'what did the high commissioner say about the relationship',
  'semicondutor cooperation between india and the uk',
];

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    debug: () => {},
    info: () => {},
    warn: (message) => warnings.push(String(message)),
    error: () => {},
  };
}

/** Everything a user sees: each answer (one with a follow-up) and the document list. */
function observable(engine: CorpusEngine): string {
  const answers = QUESTIONS.map((question) => engine.answer(question));
  const followUp = engine.answer('and who funds it?', { history: [QUESTIONS[0]] });
  return JSON.stringify({ answers, followUp, documents: engine.documents() });
}

/** A snapshot as data, its terms in order: minisearch lists them in the order they were added. */
function comparable(snapshot: PassageIndexData): unknown {
  const index = [...snapshot.search.index].sort(([a], [b]) => (a < b ? -1 : 1));
  const { postings, passageWords } = snapshot;
  return JSON.parse(
    JSON.stringify({
      ...snapshot,
      search: { ...snapshot.search, index },
      postings: { ids: [...postings.ids], frequencies: [...postings.frequencies] },
      passageWords: [...passageWords],
    }),
  );
}

/**
 * Edits a snapshot's lines in place (all but its arrays' raw bytes and its checksum) and writes it back
 * with a checksum that agrees, or, with `keepChecksum`, with the checksum it had.
 */
async function rewriteSnapshot(
  file: string,
  edit: (lines: string[]) => void,
  { keepChecksum = false } = {},
): Promise<void> {
  const bytes = await readFile(file);
  const records: { text?: string; raw?: Buffer }[] = [];
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(0x0a, at);
    const text = bytes.toString('utf8', at, end);
    records.push({ text });
    at = end + 1;
    // An array's line announces how many raw bytes, and a newline, follow it.
    const announced = /^\{"part":"\w+","bytes":(\d+)\}$/.exec(text);
    if (announced) {
      const size = Number(announced[1]) + 1;
      records.push({ raw: bytes.subarray(at, at + size) });
      at += size;
    }
  }
  const body = records.slice(0, -1);
  const lines = body.flatMap((record) => (record.text === undefined ? [] : [record.text]));
  edit(lines);
  let next = 0;
  const content = Buffer.concat(body.map((record) => record.raw ?? Buffer.from(`${lines[next++]}\n`)));
  const sha1 = keepChecksum
    ? (JSON.parse(records[records.length - 1]?.text ?? '{}') as { sha1?: string }).sha1
    : createHash('sha1').update(content).digest('hex');
  await writeFile(file, Buffer.concat([content, Buffer.from(`${JSON.stringify({ sha1 })}\n`)]));
}

async function snapshotFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('index-'));
}

describe('loadOrBuildIndex', () => {
  let corpusDir: string;
  let snapshotDir: string;

  beforeEach(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'coop-snapshot-'));
    corpusDir = path.join(root, 'corpus');
    snapshotDir = path.join(root, 'data');
    await cp(SEEDS, corpusDir, { recursive: true });
  });

  afterEach(async () => {
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it('loads an unchanged corpus from its snapshot and answers exactly as the built index did', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    const loaded = await loadOrBuildIndex(corpusDir, { snapshotDir });

    expect(built.source).toBe('built');
    expect(loaded.source).toBe('snapshot');
    expect(loaded.index.passageCount).toBe(built.index.passageCount);
    expect(observable(new CorpusEngine(loaded.index))).toBe(observable(new CorpusEngine(built.index)));
  });

  it('rebuilds when a file is touched or grows, and keeps only the newest snapshot', async () => {
    await loadOrBuildIndex(corpusDir, { snapshotDir });
    const [first] = await readdir(corpusDir);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(corpusDir, first), later, later);

    const afterTouch = await loadOrBuildIndex(corpusDir, { snapshotDir });
    expect(afterTouch.source).toBe('built');
    expect(await snapshotFiles(snapshotDir)).toHaveLength(1);

    await appendFile(path.join(corpusDir, first), '\nThe delegation also visited a shipyard in Glasgow.\n');
    await utimes(path.join(corpusDir, first), later, later);
    const afterEdit = await loadOrBuildIndex(corpusDir, { snapshotDir });
    expect(afterEdit.source).toBe('built');
    expect(new CorpusEngine(afterEdit.index).answer('which shipyard did the delegation visit').answered).toBe(
      true,
    );
    expect((await loadOrBuildIndex(corpusDir, { snapshotDir })).source).toBe('snapshot');
  });

  it('removes what a process stopped while saving left half-written, once it saves a snapshot', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    if (!built.snapshotFile) throw new Error('no snapshot written');
    const leftOver = `${built.snapshotFile}.99999999-0bad.tmp`;
    await writeFile(leftOver, 'half a snapshot');
    const [first] = await readdir(corpusDir);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(corpusDir, first), later, later);

    expect((await loadOrBuildIndex(corpusDir, { snapshotDir })).source).toBe('built');
    const left = await snapshotFiles(snapshotDir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.json$/);
  });

  it('rebuilds when the analyzer version changes', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    if (!built.snapshotFile) throw new Error('no snapshot written');
    // A snapshot whole and sound, but written by another version of the analyzer: its terms may differ.
    await rewriteSnapshot(built.snapshotFile, (lines) => {
      const header = JSON.parse(lines[0] as string) as { analyzerVersion: number };
      lines[0] = JSON.stringify({ ...header, analyzerVersion: ANALYZER_VERSION - 1 });
    });

    expect((await loadOrBuildIndex(corpusDir, { snapshotDir })).source).toBe('built');
    expect((await loadOrBuildIndex(corpusDir, { snapshotDir })).source).toBe('snapshot');
  });

  it('ignores a corrupt snapshot with a warning, rebuilds it and loads the repaired one next time', async () => {
    const { snapshotFile } = await loadOrBuildIndex(corpusDir, { snapshotDir });
    if (!snapshotFile) throw new Error('no snapshot written');
    await writeFile(snapshotFile, '{"format":1}\n{"not": "an index"\n');
    const logger = recordingLogger();

    const rebuilt = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

    expect(rebuilt.source).toBe('built');
    expect(logger.warnings.join('\n')).toMatch(/snapshot ignored and rebuilt/);
    expect((await loadOrBuildIndex(corpusDir, { snapshotDir })).source).toBe('snapshot');
  });

  it('rebuilds, with a warning, a snapshot whose documents were replaced by an empty list', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    if (!built.snapshotFile) throw new Error('no snapshot written');
    await rewriteSnapshot(
      built.snapshotFile,
      (lines) => {
        const documentsLine = lines.findIndex((line) => line.startsWith('{"part":"documents"'));
        lines[documentsLine] = '{"part":"documents","items":[]}';
      },
      { keepChecksum: true },
    );
    const logger = recordingLogger();

    const rebuilt = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

    expect(rebuilt.source).toBe('built');
    expect(rebuilt.index.passageCount).toBe(built.index.passageCount);
    expect(logger.warnings.join('\n')).toMatch(
      /snapshot ignored and rebuilt: .* does not match its checksum/,
    );
    // The next start loads the repaired snapshot, whole.
    const next = await loadOrBuildIndex(corpusDir, { snapshotDir });
    expect(next.source).toBe('snapshot');
    expect(next.index.passageCount).toBe(built.index.passageCount);
  });

  it('rebuilds a snapshot that holds fewer passages than it claims, even with a matching checksum', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    if (!built.snapshotFile) throw new Error('no snapshot written');
    // A snapshot written wrong, not damaged after: its checksum agrees with what it holds.
    await rewriteSnapshot(built.snapshotFile, (lines) => {
      const documentsLine = lines.findIndex((line) => line.startsWith('{"part":"documents"'));
      const documents = JSON.parse(lines[documentsLine] as string) as { items: unknown[] };
      lines[documentsLine] = JSON.stringify({ part: 'documents', items: documents.items.slice(1) });
    });
    const logger = recordingLogger();

    const rebuilt = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

    expect(rebuilt.source).toBe('built');
    expect(rebuilt.index.passageCount).toBe(built.index.passageCount);
    expect(logger.warnings.join('\n')).toMatch(/does not hold the corpus it claims: \d+ documents/);
  });

  it.each([
    ['postings', 'postingIds'],
    ['passageWords', 'passageWords'],
  ])(
    'rebuilds a snapshot whose %s are fewer than its header says, even with a matching checksum',
    async (count, part) => {
      const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
      if (!built.snapshotFile) throw new Error('no snapshot written');
      await rewriteSnapshot(built.snapshotFile, (lines) => {
        const header = JSON.parse(lines[0] as string) as Record<string, number>;
        header[count] += 1;
        lines[0] = JSON.stringify(header);
      });
      const logger = recordingLogger();

      const rebuilt = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

      expect(rebuilt.source).toBe('built');
      expect(rebuilt.index.passageCount).toBe(built.index.passageCount);
      expect(logger.warnings.join('\n')).toMatch(
        new RegExp(
          `snapshot ignored and rebuilt: .*: its ${part} hold \\d+ bytes where its header makes them \\d+`,
        ),
      );
    },
  );

  it('rebuilds a snapshot whose fieldLengths part was cut short, even with a matching checksum', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    if (!built.snapshotFile) throw new Error('no snapshot written');
    await rewriteSnapshot(built.snapshotFile, (lines) => {
      const partLine = lines.findIndex((line) => line.startsWith('{"part":"fieldLengths"'));
      const { items } = JSON.parse(lines[partLine] as string) as { items: unknown[] };
      lines[partLine] = JSON.stringify({ part: 'fieldLengths', items: items.slice(0, -1) });
    });
    const logger = recordingLogger();

    const rebuilt = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

    expect(rebuilt.source).toBe('built');
    expect(logger.warnings.join('\n')).toMatch(/snapshot ignored and rebuilt: .* is corrupt or unreadable/);
    expect(logger.warnings.join('\n')).toMatch(/\d+ passages and \d+ field lengths for \d+ indexed passages/);
  });

  it('loads back identical a snapshot written in many small chunks', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    const key = await corpusKey(corpusDir);
    const file = path.join(snapshotDir, 'chunked.json');
    // Three items a line: every part of the seed index spans several lines.
    await saveIndexSnapshot(file, built.index, key, [], 3);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const linesOf = (part: string) => lines.filter((line) => line.startsWith(`{"part":"${part}"`)).length;
    expect(linesOf('index')).toBeGreaterThan(100);
    expect(linesOf('documents')).toBeGreaterThan(1);

    const { index } = await readIndexSnapshot(file, key);

    expect(comparable(index.toSnapshot())).toEqual(comparable(built.index.toSnapshot()));
    expect(observable(new CorpusEngine(index))).toBe(observable(new CorpusEngine(built.index)));
  });

  it('refuses a snapshot cut short at a chunk boundary', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
    const key = await corpusKey(corpusDir);
    const file = path.join(snapshotDir, 'cut.json');
    await saveIndexSnapshot(file, built.index, key, [], 3);
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${lines.slice(0, 40).join('\n')}\n`);

    await expect(readIndexSnapshot(file, key)).rejects.toThrow(/truncated/);
  });

  it('still reports skipped files on a warm start', async () => {
    await writeFile(path.join(corpusDir, 'empty.txt'), '   \n');
    await loadOrBuildIndex(corpusDir, { snapshotDir });
    const logger = recordingLogger();

    const loaded = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

    expect(loaded.source).toBe('snapshot');
    expect(logger.warnings).toContain('corpus: empty.txt: skipped: empty');
  });

  it('answers from the built index when the snapshot cannot be written', async () => {
    await writeFile(snapshotDir, 'a file where the data folder should be');
    const logger = recordingLogger();

    const result = await loadOrBuildIndex(corpusDir, { snapshotDir, logger });

    expect(result.source).toBe('built');
    expect(result.index.passageCount).toBeGreaterThan(0);
    expect(logger.warnings.join('\n')).toMatch(/snapshot not saved/);
  });

  it('saving in the background, returns the built index first and says when its snapshot is written', async () => {
    const built = await loadOrBuildIndex(corpusDir, { snapshotDir, saveWhen: Promise.resolve() });
    expect(built.source).toBe('built');
    expect(built.snapshotFile).toBeUndefined();
    await built.saved;
    const loaded = await loadOrBuildIndex(corpusDir, { snapshotDir });
    expect(loaded.source).toBe('snapshot');
    expect(loaded.index.passageCount).toBe(built.index.passageCount);
  });

  it('saving in the background, reports a snapshot that cannot be written and does not reject', async () => {
    await writeFile(snapshotDir, 'a file where the data folder should be');
    const logger = recordingLogger();
    const result = await loadOrBuildIndex(corpusDir, { snapshotDir, logger, saveWhen: Promise.resolve() });
    expect(result.index.passageCount).toBeGreaterThan(0);
    await expect(result.saved).resolves.toBeUndefined();
    expect(logger.warnings.join('\n')).toMatch(/snapshot not saved/);
  });

  describe('the last snapshot, loaded whatever the corpus holds now', () => {
    it('is the newest snapshot of the folder, answering as it was saved, with the key it was saved under', async () => {
      const built = await loadOrBuildIndex(corpusDir, { snapshotDir });
      const savedKey = await corpusKey(corpusDir);
      const [first] = await readdir(corpusDir);
      await appendFile(path.join(corpusDir, first), '\nThe delegation also visited a shipyard in Glasgow.\n');
      // An older file under another key of the same folder: refused if it were taken, as its header disagrees.
      const [saved] = await snapshotFiles(snapshotDir);
      const older = path.join(snapshotDir, saved.replace(savedKey, 'f'.repeat(24)));
      await cp(path.join(snapshotDir, saved), older);
      await utimes(older, new Date(2020, 0, 1), new Date(2020, 0, 1));

      const last = await loadLastSnapshot(corpusDir, { snapshotDir });

      expect(last?.source).toBe('snapshot');
      expect(last?.key).toBe(savedKey);
      expect(await corpusKey(corpusDir)).not.toBe(savedKey);
      expect(observable(new CorpusEngine(last?.index as never))).toBe(
        observable(new CorpusEngine(built.index)),
      );
    });

    it('is none for another corpus folder, other reading settings, or a data folder not made yet', async () => {
      await loadOrBuildIndex(corpusDir, { snapshotDir });

      expect(await loadLastSnapshot(path.join(corpusDir, 'sub'), { snapshotDir })).toBeUndefined();
      expect(
        await loadLastSnapshot(corpusDir, {
          snapshotDir,
          reading: { corpusUrl: 'https://example.org/corpus/' },
        }),
      ).toBeUndefined();
      expect(
        await loadLastSnapshot(corpusDir, { snapshotDir: path.join(snapshotDir, 'none') }),
      ).toBeUndefined();
    });

    it('is refused, saying why, when another analyzer, format or byte order wrote it', async () => {
      await loadOrBuildIndex(corpusDir, { snapshotDir });
      const [saved] = await snapshotFiles(snapshotDir);
      await rewriteSnapshot(path.join(snapshotDir, saved), (lines) => {
        lines[0] = lines[0].replace(/"byteOrder":"[A-Z]+"/, '"byteOrder":"XX"');
      });
      const logger = recordingLogger();

      expect(await loadLastSnapshot(corpusDir, { snapshotDir, logger })).toBeUndefined();
      expect(logger.warnings.join('\n')).toMatch(
        /last snapshot not used: .* was written for another corpus, analyzer or format/,
      );
    });
  });
});
