import { historyWeight, pointsBack, pointsWithPronoun } from '../../src/answer/follow-up';
import { engineOver, firstFile, leadSentence } from './small-corpus';

// Three things that were opened: asked alone, "who opened it?" could be any of them.
const engine = engineOver([
  [
    'tunnel.txt',
    'Tunnel\n\nThe harbour tunnel was opened by Mayor Jane Doe in March 2019 after six years of work.',
  ],
  ['bridge.txt', 'Bridge\n\nThe river bridge was opened by Governor Sam Lee in May 2015 after a long delay.'],
  ['rockets.txt', 'Plant\n\nAcme Rockets opened a plant in Texas last year, hiring forty engineers.'],
]);

describe('a follow-up that points back', () => {
  it('is read in the thread’s context first, even when it would find an answer alone', () => {
    // Alone, "who opened it?" finds the bridge; the thread was about the tunnel.
    expect(firstFile(engine.answer('Who opened it?'))).toBe('bridge.txt');
    const tunnel = engine.answer('Who opened it?', { history: ['Tell me about the harbour tunnel'] });
    expect(leadSentence(tunnel)).toContain('Mayor Jane Doe');
  });

  it('refers to the latest turn rather than an older one', () => {
    const answerAfter = (history: string[]) => firstFile(engine.answer('Who opened it?', { history }));
    expect(answerAfter(['Tell me about the river bridge', 'Tell me about the harbour tunnel'])).toBe(
      'tunnel.txt',
    );
    expect(answerAfter(['Tell me about the harbour tunnel', 'Tell me about the river bridge'])).toBe(
      'bridge.txt',
    );
    const when = engine.answer('When was it opened?', {
      history: ['Tell me about the harbour tunnel', 'Tell me about the river bridge'],
    });
    expect(leadSentence(when)).toContain('May 2015');
  });
});

describe('pointsBack', () => {
  it.each([
    'who funds it?',
    'When did they sign?',
    'and the funding?',
    'What about India?',
    'how about the budget',
    'Is that deal signed?',
  ])('takes "%s" as a follow-up', (question) => {
    expect(pointsBack(question)).toBe(true);
  });

  it.each(['Who funds the harbour tunnel?', 'Is the UK investing in Italy?', 'Where is Thessaly?'])(
    'takes "%s" as a question of its own',
    (question) => {
      expect(pointsBack(question)).toBe(false);
    },
  );
});

describe('pointsWithPronoun', () => {
  it('tells a pronoun, which stands for what the conversation named, from an elliptical question', () => {
    expect(pointsWithPronoun('who funds it?')).toBe(true);
    expect(pointsWithPronoun('Is that deal signed?')).toBe(true);
    expect(pointsWithPronoun('and the funding?')).toBe(false);
    expect(pointsWithPronoun('What about India?')).toBe(false);
  });
});

describe('historyWeight', () => {
  it('weighs the latest turn more than older ones, all below the question’s own words', () => {
    expect(historyWeight(1)).toBeGreaterThan(historyWeight(2));
    expect(historyWeight(2)).toBe(historyWeight(5));
    expect(historyWeight(1)).toBeLessThan(1);
  });
});
