import { distinctInOrder, mean, ndcgAt, precisionAt, reciprocalRankAt } from '../../bench/relevance-metrics';

const relevant = new Set(['a', 'b', 'c']);

describe('precisionAt', () => {
  it('counts relevant documents among the first k ranks', () => {
    expect(precisionAt(['a', 'x', 'b', 'c'], relevant, 1)).toBe(1);
    expect(precisionAt(['x', 'a', 'b', 'c'], relevant, 1)).toBe(0);
    expect(precisionAt(['a', 'x', 'b', 'c'], relevant, 3)).toBeCloseTo(2 / 3);
  });

  it('counts ranks left empty as misses, so citing one right document is P@3 = 1/3', () => {
    expect(precisionAt(['a'], relevant, 3)).toBeCloseTo(1 / 3);
    expect(precisionAt([], relevant, 3)).toBe(0);
  });
});

describe('ndcgAt', () => {
  it('is 1 when every relevant document leads', () => {
    expect(ndcgAt(['b', 'a', 'c', 'x'], relevant, 10)).toBeCloseTo(1);
  });

  it('discounts a relevant document by log2 of its rank + 1', () => {
    // DCG = 1/log2(3) = 0.6309; ideal for 3 relevant = 1 + 0.6309 + 0.5 = 2.1309.
    expect(ndcgAt(['x', 'a'], relevant, 10)).toBeCloseTo(0.6309 / 2.1309, 4);
    // DCG = 1 + 1/log2(4) = 1.5; same ideal.
    expect(ndcgAt(['a', 'x', 'b'], relevant, 10)).toBeCloseTo(1.5 / 2.1309, 4);
  });

  it('takes the ideal ranking only as deep as k', () => {
    // Five relevant, k = 2: ideal DCG = 1 + 0.6309, and a list of two relevant documents is perfect.
    const many = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(ndcgAt(['d', 'e', 'x'], many, 2)).toBeCloseTo(1);
    expect(ndcgAt(['x', 'd', 'e'], many, 2)).toBeCloseTo(0.6309 / 1.6309, 4);
  });

  it('is 0 for no answer or nothing relevant', () => {
    expect(ndcgAt([], relevant, 10)).toBe(0);
    expect(ndcgAt(['a'], new Set(), 10)).toBe(0);
  });
});

describe('reciprocalRankAt', () => {
  it('is one over the rank of the first relevant document', () => {
    expect(reciprocalRankAt(['a', 'b'], new Set(['a']), 10)).toBe(1);
    expect(reciprocalRankAt(['x', 'y', 'a'], new Set(['a']), 10)).toBeCloseTo(1 / 3);
  });

  it('is 0 when the document is below rank k or missing', () => {
    expect(reciprocalRankAt(['x', 'y', 'a'], new Set(['a']), 2)).toBe(0);
    expect(reciprocalRankAt([], new Set(['a']), 10)).toBe(0);
  });
});

describe('helpers', () => {
  it('averages, with 0 for nothing', () => {
    expect(mean([1, 0, 0.5])).toBe(0.5);
    expect(mean([])).toBe(0);
  });

  it('keeps each document at its first rank', () => {
    expect(distinctInOrder(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});
