import { Readings } from '../../src/answer/readings';
import type { CorpusDocument, Passage } from '../../src/corpus/types';

const passage = (id: string): Passage => ({
  id,
  file: `${id}.txt`,
  position: 0,
  sentences: [`Ships sail from ${id}.`],
});
const document = (file: string): CorpusDocument => ({
  file,
  title: `Port of ${file} reopens`,
  passages: [],
  size: 1,
  mtimeMs: 0,
  contentHash: file,
});

describe('readings kept between questions', () => {
  it('are analyzed once while kept, and the oldest are forgotten past the limit, so memory stays bounded', () => {
    const readings = new Readings({ passages: 2, headlines: 2 });
    const [dover, calais, oslo] = ['dover', 'calais', 'oslo'].map(passage);
    const first = readings.passage(dover);
    expect(first.terms.has('dover')).toBe(true);
    expect(readings.passage(dover)).toBe(first);
    readings.passage(calais);
    readings.passage(oslo);
    // Dover, read first, was forgotten for Oslo: it is analyzed again, to the same reading.
    const again = readings.passage(dover);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);

    const [port, harbour, quay] = ['leith', 'hull', 'cork'].map(document);
    const headline = readings.headline(port);
    expect(headline.terms.has('leith')).toBe(true);
    expect(readings.headline(port)).toBe(headline);
    readings.headline(harbour);
    readings.headline(quay);
    expect(readings.headline(port)).not.toBe(headline);
  });
});
