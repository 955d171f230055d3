import { keySentence } from '../../src/answer/key-sentence';
import { engineOver } from './small-corpus';

// Documents shaped so that each rule of the key sentence picks a different sentence than reading order.
const engine = engineOver([
  [
    'lead.txt',
    'The lighthouse keepers of northern Norway went on strike on Monday over pay and pensions, their union said in a statement. Keepers walked out at dawn. The lighthouse keepers want pensions like those of harbour pilots, and lighthouse pensions have not risen since 2010.',
  ],
  ['short.txt', 'Ferry news\n\nFerries ran late. Crews were tired. Fog came.'],
  [
    'heavy.txt',
    'Glacier report\n\nScientists met in Oslo on Tuesday for the annual meeting. The weather was fine and the coffee was good at the hall. Vatnajokull glacier melt: the Vatnajokull glacier lost ice, and Vatnajokull glacier melt is speeding up.',
  ],
  [
    'late.txt',
    'Late news\n\nThe council met on Tuesday at noon. The weather was fine and dry. The coffee was good and hot. Members arrived early by bus. Chairs were set out in rows. Doors opened at nine sharp. Lunch was served after speeches. Guests left before the rain. Hekla volcano ash: the Hekla volcano spewed ash, and Hekla volcano ash is drifting south.',
  ],
  [
    'twice.txt',
    'Mine news\n\nTin miners in Cornwall struck over pay on Monday. Tin miners in Cornwall struck over pay on Friday.',
  ],
  ['terse.txt', 'Volcano news\n\nKatla erupted. Ash from Katla fell on farms in the south on Monday.'],
  ['other.txt', 'Other\n\nThe council met on Tuesday and the weather was fine at the hall.'],
  [
    'titled.txt',
    'Skerry ferry strike\n\nCrews met at the quay on Monday morning. Skerry ferry strike: Skerry ferry crews walked out, and the Skerry ferry strike has stopped every sailing.',
  ],
]);
const keyOf = (file: string) => {
  const document = engine.index.documents.get(file);
  if (!document) throw new Error(`no ${file}`);
  return keySentence(document, engine.index);
};

describe('the key sentence of a document', () => {
  it('is the lead sentence carrying most of the document’s rare, repeated words, not just the first', () => {
    expect(keyOf('heavy.txt')).toBe(
      'Vatnajokull glacier melt: the Vatnajokull glacier lost ice, and Vatnajokull glacier melt is speeding up.',
    );
  });

  it('passes over the sentence the title was cut from, and sentences too short to sum anything up', () => {
    // The title is the first sentence cut short; "Keepers walked out at dawn." says too little.
    expect(engine.documents().find((doc) => doc.file === 'lead.txt')?.title).toMatch(/…$/);
    expect(keyOf('lead.txt')).toBe(
      'The lighthouse keepers want pensions like those of harbour pilots, and lighthouse pensions have not risen since 2010.',
    );
  });

  it('may open with the words of a title that was not cut from it', () => {
    expect(keyOf('titled.txt')).toBe(
      'Skerry ferry strike: Skerry ferry crews walked out, and the Skerry ferry strike has stopped every sailing.',
    );
  });

  it('is found among the first eight sentences only: news puts what matters first', () => {
    // The ninth sentence says the most, but too late to be the story's gist.
    expect(keyOf('late.txt')).not.toContain('Hekla');
    expect(keyOf('late.txt')).toBe('Members arrived early by bus.');
  });

  it('is the earlier of two sentences saying as much', () => {
    expect(keyOf('twice.txt')).toBe('Tin miners in Cornwall struck over pay on Monday.');
  });

  it('is never a sentence of a word or two, however telling', () => {
    expect(keyOf('terse.txt')).toBe('Ash from Katla fell on farms in the south on Monday.');
  });

  it('is the first sentence when every sentence is too short to weigh', () => {
    expect(keyOf('short.txt')).toBe('Ferries ran late.');
  });

  it('is what the list of documents shows as each one’s lead sentence', () => {
    expect(engine.documents().find((doc) => doc.file === 'heavy.txt')?.leadSentence).toBe(keyOf('heavy.txt'));
  });
});
