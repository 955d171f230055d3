import { engineOver, firstFile, leadSentence } from './small-corpus';

// Three things that were opened, each on a known date, so a follow-up must know which one it is about.
const engine = engineOver([
  [
    'tunnel.txt',
    'Tunnel\n\ndate 2019-03-20\n\nThe harbour tunnel was opened by Mayor Jane Doe in March 2019 after six years of work.',
  ],
  ['bridge.txt', 'Bridge\n\nThe river bridge was opened by Governor Sam Lee in May 2015 after a long delay.'],
  ['rockets.txt', 'Plant\n\nAcme Rockets opened a plant in Texas last year, hiring forty engineers.'],
]);

describe('a question of one word after an earlier one', () => {
  it('asks the earlier question again for the new kind of answer', () => {
    const answer = engine.answer('when?', { history: ['Who opened the harbour tunnel?'] });
    expect(firstFile(answer)).toBe('tunnel.txt');
    expect(leadSentence(answer)).toContain('March 2019');
  });

  it('ignores blank turns of the thread', () => {
    expect(engine.answer('when?', { history: ['   '] }).answered).toBe(false);
    const answer = engine.answer('when?', { history: ['Who opened the harbour tunnel?', ''] });
    expect(firstFile(answer)).toBe('tunnel.txt');
  });
});

describe('the earlier turns of a conversation', () => {
  it('never outweigh the words just typed, however many they are', () => {
    // The earlier question says a great deal about the bridge; the follow-up names the tunnel.
    const history = [
      'Who opened the river bridge that Governor Sam Lee opened after a long delay in May 2015?',
    ];
    expect(firstFile(engine.answer('What about the harbour tunnel?', { history }))).toBe('tunnel.txt');
    expect(firstFile(engine.answer('and the tunnel?', { history }))).toBe('tunnel.txt');
  });
});

describe('the earlier turns of a short conversation', () => {
  it('weigh half as much as a word just typed, when the question says more than they do', () => {
    const text = engine.explain('When was it opened, the bridge over the river, after the long delay?', {
      history: ['Tell me about Governor Sam Lee'],
    });
    expect(text).toMatch(/^ {2}lee w=0\.5 idf=[\d.]+ name,context /m);
    expect(text).toMatch(/^ {2}bridge w=1 /m);
  });
});

describe('a follow-up that does not point back', () => {
  it('is searched alone, and logged with its own words only, when the thread cannot answer it either', () => {
    const answer = engine.answer('What is the capital of France?', {
      history: ['Who opened the harbour tunnel?'],
    });
    expect(answer.answered).toBe(false);
    expect(answer.searchedTerms).toEqual(['capit', 'france']);
    // One that points back is searched with the thread's words.
    const pointing = engine.answer('What about its capital?', {
      history: ['Who opened the harbour tunnel?'],
    });
    expect(pointing.searchedTerms).toEqual(expect.arrayContaining(['capit', 'harbor', 'tunnel']));
  });
});

describe('explain', () => {
  it('shows whether it answered, each concept with its weight and role, and the candidates', () => {
    const lines = engine.explain('Who opened the harbour tunnel?').split('\n');
    expect(lines[0]).toMatch(/^answered=true \(coverage needed 0\.\d+\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}opened w=1 idf=\d\.\d\d verb \[open×1\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}tunnel w=1 idf=\d\.\d\d {2}\[tunnel×1\]$/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}\d\.\d{3} cov=1\.00 names=true tunnel\.txt#0 The harbour tunnel was opened/,
      ),
    );
  });

  it('marks the concepts of earlier turns as context, and names as names', () => {
    const text = engine.explain('When was it opened?', { history: ['Tell me about Governor Sam Lee'] });
    expect(text).toMatch(/^ {2}lee w=[\d.]+ idf=\d\.\d\d name,context \[lee×1\]$/m);
    expect(engine.explain('what is the capital of France').split('\n')[0]).toMatch(/^answered=false/);
  });
});

describe('the list of documents', () => {
  it('gives each document’s title, date and passage count', () => {
    expect(
      engine.documents().map(({ file, title, date, passageCount }) => ({ file, title, date, passageCount })),
    ).toEqual([
      { file: 'bridge.txt', title: 'Bridge', date: undefined, passageCount: 1 },
      { file: 'rockets.txt', title: 'Plant', date: undefined, passageCount: 1 },
      { file: 'tunnel.txt', title: 'Tunnel', date: '2019-03-20', passageCount: 1 },
    ]);
  });
});

describe('a document with no headline', () => {
  // Titled with the start of its lead, "Acme and Bolt have launched a Harbour Crane Initiative…": those
  // are the lead's words, not a headline over the passages about the yard's crews further down.
  const lead =
    'Acme and Bolt have launched a Harbour Crane Initiative to build cranes, train crews and share designs for the ports of both countries, and to open a joint yard in the north by the end of next year, their chairs said in a statement on Monday.';
  const paragraph = (n: number) =>
    `The cranes of batch ${n} will be assembled at the northern yard, where the crews have worked through the winter on the new rails.`;
  const list = [
    'The partners set out their plans:',
    '- Harbour Cranes: Launching partnerships to share designs.',
    '- Training: Establishing a school for drivers.',
  ].join('\n');
  const fleet = (n: number): [string, string] => [
    `fleet-${n}.txt`,
    `Fleet news ${n}\n\nThe ferry company ${n} added two ships to its fleet this spring, and plans more for the summer season on the coast.`,
  ];
  const engine = engineOver([
    ['cranes.txt', [lead, paragraph(1), paragraph(2), paragraph(3), list].join('\n\n')],
    [
      'ports.txt',
      'Port deal signed\n\nThe ministers welcomed the new Harbour Crane Initiative (HCI), which the two companies will run from the northern yard for the next ten years.',
    ],
    fleet(1),
    fleet(2),
  ]);

  it('answers from its lead, and offers no later passage for words only the lead says', () => {
    const answer = engine.answer('who launched HCI');
    expect(leadSentence(answer)).toContain('Acme and Bolt have launched a Harbour Crane Initiative');
    // The passage on the first batches says neither "launched" nor the initiative.
    const offered = [...answer.passages, ...answer.morePassages].map((passage) =>
      passage.sentences.join(' '),
    );
    expect(offered.filter((text) => text.includes('batch 1'))).toEqual([]);
  });
});
