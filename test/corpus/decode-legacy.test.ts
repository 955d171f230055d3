import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { decodeNonUtf8 } from '../../src/corpus/decode-legacy';
import { loadCorpus } from '../../src/corpus/load-corpus';

/** Files that are not valid UTF-8, read from disk and quoted as a user would see them. */
describe('documents that are not valid UTF-8', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-encoding-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('quotes a UTF-8 file with one broken byte without mojibake, marking only the broken spot', async () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    await writeFile(
      path.join(dir, 'harbour.txt'),
      Buffer.concat([
        utf8('Harbour reopens in Saint-Malo\n\n'),
        utf8(
          'The harbour’s new lock at Saint-Malo — built by Société Générale des Ports — opened on Monday. ',
        ),
        // One byte of a Latin-1 "é" pasted into a UTF-8 file.
        utf8('The mayor, Mme Cl'),
        Buffer.from([0xe9]),
        utf8('mence Durand, said the lock would double the number of ferries.\n'),
      ]),
    );
    const engine = await loadEngine(dir);
    const answer = engine.answer('Who built the new lock at Saint-Malo?');
    const quoted = answer.passages[0]?.sentences.join(' ') ?? '';
    expect(answer.answered).toBe(true);
    expect(quoted).toContain('harbour’s new lock at Saint-Malo — built by Société Générale des Ports');
    expect(quoted).not.toMatch(/â€|Ã©/);
    const { warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([
      {
        file: 'harbour.txt',
        message: expect.stringMatching(/not valid UTF-8 in 1 place: read as UTF-8 with �/),
      },
    ]);
    expect(engine.answer('What did the mayor say about ferries?').passages[0]?.sentences.join(' ')).toContain(
      'Cl\uFFFDmence Durand',
    );
  });

  it('reads a Windows-1252 file as Windows-1252, naming it in the warning', async () => {
    await writeFile(
      path.join(dir, 'cafe.txt'),
      Buffer.from(
        'Caf\xe9 owners protest in Lyon\n\nThe caf\xe9 owners of Lyon marched on Monday against the city\x92s new terrace tax.\n',
        'latin1',
      ),
    );
    const engine = await loadEngine(dir);
    const quoted = engine.answer('Why did the cafe owners of Lyon march?').passages[0]?.sentences.join(' ');
    expect(quoted).toContain('The café owners of Lyon marched on Monday against the city’s new terrace tax.');
    const { warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([
      { file: 'cafe.txt', message: expect.stringContaining('read as Windows-1252') },
    ]);
  });

  it('reads a Cyrillic Windows-1251 file as Windows-1251', async () => {
    const text = 'Новости\n\nМинистр обороны посетил завод в понедельник и говорил с рабочими.\n';
    const windows1251 = Buffer.from(
      [...text].map((char) => {
        const code = char.charCodeAt(0);
        if (code < 0x80) return code;
        if (char === 'Ё') return 0xa8;
        if (char === 'ё') return 0xb8;
        return code - 0x410 + 0xc0;
      }),
    );
    await writeFile(path.join(dir, 'novosti.txt'), windows1251);
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents[0]?.passages[0]?.sentences.join(' ')).toBe(
      'Министр обороны посетил завод в понедельник и говорил с рабочими.',
    );
    expect(warnings).toEqual([
      { file: 'novosti.txt', message: expect.stringContaining('Windows-1251 (Cyrillic)') },
    ]);
  });
});

describe('decodeNonUtf8', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(
      parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))),
    );

  it('reads UTF-8 when it holds as many good characters as broken bytes, counting the broken places', () => {
    const decoded = decodeNonUtf8(bytes('café ', [0xe9], ' and ', [0xff], ' — fine'));
    expect(decoded.text).toBe('café \uFFFD and \uFFFD — fine');
    expect(decoded.repaired).toMatch(/^not valid UTF-8 in 2 places: read as UTF-8/);
  });

  it.each([
    ['a two-byte character', 'é'],
    ['a three-byte character', '€'],
    ['a four-byte character', '😀'],
  ])('counts %s as good UTF-8', (_, char) => {
    expect(decodeNonUtf8(bytes(`${char} `, [0xe9])).text).toBe(`${char} \uFFFD`);
  });

  it.each([
    ['an overlong lead byte', [0xc0, 0xaf]],
    ['a lead byte past Unicode', [0xf5, 0x80, 0x80, 0x80]],
    ['a sequence cut short by a plain byte', [0xe2, 0x82, 0x41]],
    ['a sequence cut short by the end', [0xe2, 0x82]],
  ])('does not count %s as a good character: with no good one the file is legacy', (_, broken) => {
    expect(decodeNonUtf8(bytes('x ', broken)).repaired).toContain('Windows-1252');
  });

  it('reads a file with more broken bytes than good characters as Windows-1252', () => {
    // One "é" typed as UTF-8 among Windows-1252 text: the rest outweighs it.
    const decoded = decodeNonUtf8(bytes('caf', [0xe9], ' cr', [0xe8], 'me caf', [0xc3, 0xa9]));
    expect(decoded.text).toBe('café crème cafÃ©');
  });

  it('reads Windows-1252 punctuation at 0x80 to 0x9F, and leaves its unassigned bytes as they are', () => {
    const decoded = decodeNonUtf8(bytes([0x93], 'Yes', [0x94], ' ', [0x97], ' 5', [0x80], [0x81]));
    expect(decoded.text).toBe('“Yes” — 5€\u0081');
    expect(decoded.repaired).toBe(
      'not valid UTF-8: read as Windows-1252 (Western European), the encoding its bytes suggest; re-save it as UTF-8 to be sure of every character',
    );
  });

  it('takes Cyrillic only when most non-ASCII bytes form words of three letters or more', () => {
    // "мир" (three Cyrillic letters) with two lone accented letters: three of five bytes in a word.
    const mostly = decodeNonUtf8(bytes([0xec, 0xe8, 0xf0], ' caf', [0xe9], ' na', [0xef], 've'));
    expect(mostly.text).toBe('мир cafй naпve');
    // Three of six: not most.
    const half = decodeNonUtf8(bytes([0xec, 0xe8, 0xf0], ' caf', [0xe9], ' na', [0xef], 've ', [0xe8]));
    expect(half.text).toBe('ìèð café naïve è');
  });

  it('does not take words of two letters for Cyrillic', () => {
    // "мы мы": every high byte in a run, but none of three.
    expect(decodeNonUtf8(bytes([0xec, 0xfb], ' ', [0xec, 0xfb])).text).toBe('ìû ìû');
  });

  it('counts symbols such as © and ° among the non-ASCII bytes a Cyrillic word must outnumber', () => {
    const decoded = decodeNonUtf8(bytes([0xec, 0xe8, 0xf0], ' ', [0xa9], ' ', [0xae], ' ', [0xb0]));
    expect(decoded.text).toBe('ìèð © ® °');
  });

  it('ends a Cyrillic word at a byte below 0xC0', () => {
    // Two letters, a "Ё" (0xA8), one letter: no run reaches three, so this is Western European.
    expect(decodeNonUtf8(bytes([0xec, 0xe8, 0xa8, 0xf0])).repaired).toContain('Windows-1252');
  });
});
