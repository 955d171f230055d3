import { CorpusEngine } from '../../src/answer/engine';
import { assembleDocuments } from '../../src/corpus/load-corpus';

// A small corpus written for these cases, so each decision has one clear reason.
const engine = CorpusEngine.fromDocuments(
  assembleDocuments(
    [
      [
        'trade.txt',
        'Ministers meet in Rome\n\nTrade ministers from France and Italy met in Rome on Tuesday to discuss tariffs on steel.',
      ],
      [
        'tunnel.txt',
        'New tunnel opens\n\nThe harbour tunnel was opened by Mayor Jane Doe in March 2019 after six years of work. It carries four lanes of traffic under the bay.',
      ],
      [
        'bridge.txt',
        'Bridge reopens\n\nThe old river bridge was reopened by the city council after repairs to its deck.',
      ],
      [
        'summit.txt',
        'Summit notes\n\nRussia held talks with Chile on fishing quotas in the southern ocean. Delegates later toured the port and its new container cranes, which were built locally. Separately, the Fisheries Board launched the Ocean Data Programme (ODP) to share satellite readings.',
      ],
      [
        'rockets.txt',
        'Rocket maker grows\n\nAcme Rockets hired forty engineers, and Acme Rockets opened a plant. Its launch prices change every quarter. Inspectors found no faults.',
      ],
      [
        'office.txt',
        'Office news\n\nGlobex Ltd opened a new office in Leeds on Friday. The office employs forty staff from the region. Its rent is paid every month to the council. Local shops welcomed the news. Acme Corp signed a supply contract for steel on Monday.',
      ],
      [
        'founder.txt',
        'Profile\n\nAda Byte, the founder of Acme Rockets, spoke at the annual engineering fair in the city.',
      ],
    ].map(([file, text]) => ({ file, text, size: text.length, mtimeMs: 0, contentHash: file })),
  ),
);

describe('matching the question to the corpus', () => {
  it('finds the doer for the deed: "founded" meets "founder"', () => {
    // The rockets article names Acme Rockets more often and says "found"; only the profile names a founder.
    const answer = engine.answer('Who founded Acme Rockets?');
    expect(answer.passages[0]?.citations[0]?.file).toBe('founder.txt');
  });

  it('does not take an English word the corpus lacks for a typo of one it has', () => {
    // "charge" is one letter from "change", which the rockets article uses; it is no misspelling.
    expect(engine.answer('What is the parking charge?').answered).toBe(false);
  });
});

describe('deciding whether the corpus answers', () => {
  it('does not answer from a passage that only mentions the name asked about', () => {
    // France is mentioned, but nothing about its capital.
    expect(engine.answer('What is the capital of France?').answered).toBe(false);
  });

  it('answers when the passage says what the question asks about', () => {
    const answer = engine.answer('Where did the French and Italian trade ministers meet?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0].sentences[answer.passages[0].answerSentence]).toContain('Rome');
  });

  it('lets the passage use another verb than the question', () => {
    // "inaugurated" appears nowhere: the passage says "opened".
    const answer = engine.answer('Who inaugurated the harbour tunnel?');
    expect(answer.passages[0]?.citations[0]?.file).toBe('tunnel.txt');
  });

  it('answers "when" only from a passage that holds a date', () => {
    expect(engine.answer('When was the harbour tunnel opened?').passages[0]?.citations[0]?.file).toBe(
      'tunnel.txt',
    );
    // The bridge article says who reopened it, never when.
    expect(engine.answer('When was the old river bridge reopened?').answered).toBe(false);
  });

  it('does not join two names that the passage mentions far apart', () => {
    // Russia and the ODP share a passage but not a pair of adjacent sentences.
    expect(engine.answer('What did Russia say about the ODP?').answered).toBe(false);
    expect(engine.answer('Who launched the ODP?').answered).toBe(true);
  });

  it('counts a name of several words as one name when two names must meet', () => {
    // "Acme" and "Corp" share a sentence, but Globex Ltd is four sentences away.
    expect(engine.answer('When did Acme Corp sign a supply contract with Globex Ltd?').answered).toBe(false);
    const answer = engine.answer('When did Acme Corp sign a supply contract?');
    expect(answer.passages[0]?.sentences[answer.passages[0].answerSentence]).toContain('Monday');
  });

  it("does not answer a follow-up from a passage that says only the earlier question's words", () => {
    // The tunnel article says who opened the tunnel, never who built it.
    const followUp = engine.answer('And who built it?', { history: ['Who opened the harbour tunnel?'] });
    expect(followUp.answered).toBe(false);
  });

  it('answers a follow-up whose pronoun stands for the earlier subject only from a passage about it', () => {
    const history = ['Who opened the harbour tunnel?'];
    // The office article says who is paid rent; it never mentions the tunnel.
    expect(engine.answer('And who paid for it?', { history }).answered).toBe(false);
    const lanes = engine.answer('How many lanes does it carry?', { history });
    expect(lanes.passages[0]?.citations[0]?.file).toBe('tunnel.txt');
    // An elliptical question names its own subject and borrows only the question: no tunnel needed.
    const bridge = engine.answer('What about the old river bridge?', { history });
    expect(bridge.passages[0]?.citations[0]?.file).toBe('bridge.txt');
  });
});
