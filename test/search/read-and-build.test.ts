import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus';
import { THREADED_TEXT_FILES } from '../../src/corpus/read-files';
import { saveIndexSnapshot } from '../../src/search/index-snapshot';
import { PassageIndex } from '../../src/search/passage-index';
import { readAndBuildIndex } from '../../src/search/read-and-build';
import { SentenceCoder, SentencesReader } from '../../src/search/sentence-coder';

const BOILERPLATE = 'Subscribe to the Harbour Gazette for the week’s shipping news, delivered every Monday.';

/**
 * A corpus read on threads, every story ending in the same boilerplate paragraph (dropped from all of
 * them), some with a list, some with a paragraph long enough to be cut into several passages.
 */
function writeCorpus(dir: string): void {
  mkdirSync(path.join(dir, 'news'));
  for (let i = 0; i < THREADED_TEXT_FILES + 30; i++) {
    const paragraphs = [
      `Port report ${i}`,
      `The harbour of town ${i} handled ${i * 7} ships this week, officials said on Monday. Dock-workers in Town${i % 13} were paid.`,
      i % 3 === 0 ? `The cargo was:\n\n- grain from farm ${i}\n- timber from forest ${i}` : '',
      i % 5 === 0
        ? Array.from(
            { length: 12 },
            (_, j) => `Crane ${j} of pier ${i} lifted ${j * i} tonnes of freight.`,
          ).join(' ')
        : '',
      BOILERPLATE,
    ];
    writeFileSync(
      path.join(dir, 'news', `${String(i).padStart(5, '0')}.txt`),
      paragraphs.filter(Boolean).join('\n\n'),
    );
  }
}

describe('readAndBuildIndex', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-read-and-build-'));
    writeCorpus(dir);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds, reading sentences as files arrive, the very index that loading then building gives', async () => {
    const { documents, warnings } = await loadCorpus(dir);
    const built = PassageIndex.build(documents);
    const readAhead = jest.spyOn(SentenceCoder.prototype, 'readAhead');
    const found = jest.spyOn(SentencesReader.prototype, 'find');
    const readAndBuilt = await readAndBuildIndex(dir);
    const filesReadAhead = readAhead.mock.calls.length;
    const sentencesFound = found.mock.results.filter((result) => result.value !== undefined).length;
    readAhead.mockRestore();
    found.mockRestore();
    await saveIndexSnapshot(path.join(dir, 'built.json'), built, 'key', warnings);
    await saveIndexSnapshot(path.join(dir, 'read-and-built.json'), readAndBuilt.index, 'key', warnings);

    expect(readFileSync(path.join(dir, 'read-and-built.json'))).toEqual(
      readFileSync(path.join(dir, 'built.json')),
    );
    // What the comparison rests on: every file read ahead, boilerplate included, and that dropped.
    expect(filesReadAhead).toBe(documents.length);
    expect(readAndBuilt.index.passageCount).toBeGreaterThan(THREADED_TEXT_FILES);
    const texts = readAndBuilt.documents.flatMap((document) =>
      document.passages.flatMap((passage) => passage.sentences),
    );
    expect(texts.some((sentence) => sentence.includes('Harbour Gazette'))).toBe(false);
    expect(texts).toContain('timber from forest 3');
    // And the build wrote every passage's sentences from the words read ahead, none read again.
    expect(sentencesFound).toBe(texts.length);
  });
});
