import { bestByScore } from '../../src/search/passage-index';

describe('the best-scored candidates', () => {
  it('are the ones a full sort puts first, ties kept in the order found', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 50; trial++) {
      // Scores from a few values, so that ties are common.
      const results = Array.from({ length: 1 + Math.floor(random() * 300) }, (_, order) => ({
        order,
        score: Math.floor(random() * 20) / 4,
      }));
      const count = Math.floor(random() * 100);
      const sorted = [...results].sort((a, b) => b.score - a.score).slice(0, count);
      expect(bestByScore(results, count)).toEqual(sorted);
    }
  });

  it('gives all of them, best first, when there are fewer than asked for', () => {
    expect(bestByScore([{ score: 1 }, { score: 3 }, { score: 2 }], 10).map((r) => r.score)).toEqual([
      3, 2, 1,
    ]);
    expect(bestByScore([{ score: 1 }], 0)).toEqual([]);
  });
});
