import { engineOver, firstFile, leadSentence } from './small-corpus';

describe('candidate passages', () => {
  it('include the best passages for the question’s rarest word, however many passages say its other words more often', () => {
    // Ninety-six tender notices repeat "cable tender" and "harbour", outscoring on BM25 the one passage
    // that says "Zorvath", far beyond the 80 candidates re-read. Its headline does not say it either.
    const groves = ['oak', 'elm', 'ash', 'yew', 'fir', 'pine', 'lime', 'beech'];
    const filler = Array.from({ length: 1900 }, (_, i): [string, string] => [
      `note-${i}.txt`,
      `Note ${i}\n\nThe ${groves[i % 8]} grove number ${i} was counted by walkers on a ${groves[(i + 3) % 8]} trail.`,
    ]);
    const tenders = Array.from({ length: 90 }, (_, i): [string, string] => [
      `tender-${i}.txt`,
      `Tender ${i}\n\nThe copper cable tender for the harbour, cable tender lot ${i}, and the harbour copper tender were opened again.`,
    ]);
    const plain = Array.from({ length: 6 }, (_, i): [string, string] => [
      `plain-${i}.txt`,
      `Plain ${i}\n\nThe cable tender for the harbour, lot ${i}, was opened again.`,
    ]);
    const engine = engineOver([
      ...filler,
      ...tenders,
      ...plain,
      ['reef.txt', 'Reef news\n\nDivers found the Zorvath copper cable on Monday near the reef.'],
    ]);
    const answer = engine.answer('zorvath copper cable tender harbour');
    expect(firstFile(answer)).toBe('reef.txt');
    expect(leadSentence(answer)).toContain('Zorvath');
  });
});
