import { bestGathered, type RawResults } from '../../src/search/passage-index';

/** Results gathered in order, each scored `score` for one matched term (so finally scored `score`). */
const gathered = (scores: number[]): RawResults =>
  new Map(scores.map((score, id) => [id, { score, terms: ['term'] }]));

describe('the best-scored candidates', () => {
  it('are the ones a full sort puts first, ties kept in the order gathered', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 50; trial++) {
      // Scores from a few values, so that ties are common.
      const scores = Array.from(
        { length: 1 + Math.floor(random() * 300) },
        () => Math.floor(random() * 20) / 4,
      );
      const count = Math.floor(random() * 100);
      const sorted = scores
        .map((score, id) => ({ id, score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, count);
      expect(bestGathered(gathered(scores), count)).toEqual(sorted);
    }
  });

  it('gives all of them, best first, when there are fewer than asked for', () => {
    expect(bestGathered(gathered([1, 3, 2]), 10).map((result) => result.score)).toEqual([3, 2, 1]);
    expect(bestGathered(gathered([1]), 0)).toEqual([]);
  });
});
