import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
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
