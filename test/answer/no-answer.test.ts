import { engineOver, firstFile } from './small-corpus';

// Four articles that share words with the questions below but do not answer them.
const engine = engineOver([
  [
    'tunnel.txt',
    'New tunnel opens\n\nThe harbour tunnel was opened by Mayor Jane Doe in March 2019 after six years of work. It carries four lanes of traffic under the bay.',
  ],
  [
    'bridge.txt',
    'Bridge reopens\n\nThe old river bridge was reopened by the city council after repairs to its deck.',
  ],
  [
    'rockets.txt',
    'Rocket maker grows\n\nAcme Rockets hired forty engineers, and Acme Rockets opened a plant. Its launch prices change every quarter. Inspectors found no faults.',
  ],
  [
    'museum.txt',
    'Museum news\n\nThe city museum will show a collection of old maps from the harbour archive this summer, curators said.',
  ],
]);

describe('the coverage an answer needs', () => {
  it.each([
    // The bridge article names the deck, but nothing about a budget or who set one.
    'Who set the budget for the deck?',
    // The engineers and the tunnel are in the corpus; tolls, and what engineers said of them, are not.
    'What did the engineers say about the harbour tunnel tolls?',
  ])('says the corpus does not answer "%s", where a passage says less than half of it', (question) => {
    const answer = engine.answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.passages).toEqual([]);
  });

  it('answers when a passage says what is asked', () => {
    const answer = engine.answer('Who reopened the old river bridge?');
    expect(firstFile(answer)).toBe('bridge.txt');
  });
});
