import path from 'node:path';

// Counted through the module registry, not `jest.spyOn`: compiled as the mutation run compiles it, a
// module's exports cannot be redefined, and `jest.mock` is not hoisted above imports, so the modules
// are required after it.
jest.mock('../../src/answer/key-sentence', () => {
  const actual = jest.requireActual('../../src/answer/key-sentence');
  return { ...actual, keySentence: jest.fn(actual.keySentence) };
});
const { loadEngine } = require('../../src/answer/engine') as typeof import('../../src/answer/engine');
const { keySentence } =
  require('../../src/answer/key-sentence') as typeof import('../../src/answer/key-sentence');

const seeds = path.join(__dirname, '..', '..', 'seeds');

describe('the list of documents', () => {
  afterEach(() => jest.mocked(keySentence).mockClear());

  it('is ready without reading every document for its key sentence, which it finds when first read', async () => {
    const engine = await loadEngine(seeds);
    jest.mocked(keySentence).mockClear();
    const documents = engine.documents();
    expect(documents.length).toBeGreaterThan(1);
    expect(documents.reduce((sum, doc) => sum + doc.passageCount, 0)).toBe(engine.index.passageCount);
    expect(keySentence).not.toHaveBeenCalled();

    const [first] = documents;
    const sentences = engine.index.documents
      .get(first.file)
      ?.passages.flatMap((passage) => passage.sentences);
    expect(sentences).toContain(first.leadSentence);
    expect(keySentence).toHaveBeenCalledTimes(1);
    // Read again, it is remembered, not found again.
    expect(sentences).toContain(first.leadSentence);
    expect(keySentence).toHaveBeenCalledTimes(1);
  });

  it('is in the order of the file names', async () => {
    const files = (await loadEngine(seeds)).documents().map((doc) => doc.file);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b)));
  });
});
