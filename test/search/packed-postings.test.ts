import { PackedPostings, PostingPool, packedOrMap } from '../../src/search/packed-postings';

/** Random ascending postings: ids with gaps, frequencies up to `maxFrequency`. */
function randomPostings(count: number, seed: number, maxFrequency = 40): [number, number][] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const postings: [number, number][] = [];
  let id = Math.floor(random() * 10);
  for (let i = 0; i < count; i++) {
    postings.push([id, 1 + Math.floor(random() * maxFrequency)]);
    id += 1 + Math.floor(random() * 50);
  }
  return postings;
}

describe('packed postings', () => {
  it('read as the Map minisearch would have made, list after list in one pool', () => {
    const pool = new PostingPool();
    const lists = [0, 1, 2, 7, 300, 5000].map((count, i) => randomPostings(count, i + 1));
    const packed = lists.map((list) => PackedPostings.pack(pool, list.flat()));
    pool.trim();
    lists.forEach((list, i) => {
      const map = new Map(list);
      const postings = packed[i];
      if (!postings) throw new Error('not packed');
      expect(postings.size).toBe(map.size);
      expect([...postings.keys()]).toEqual([...map.keys()]);
      expect([...postings]).toEqual([...map]);
      expect(Object.fromEntries(postings)).toEqual(Object.fromEntries(map));
      // minisearch reads each id's frequency right after the id, and also out of order
      for (const id of postings.keys()) expect(postings.get(id)).toBe(map.get(id));
      for (const [id, frequency] of [...map].reverse()) {
        expect(postings.get(id)).toBe(frequency);
        expect(postings.has(id)).toBe(true);
      }
      for (const absent of [
        -1,
        1e9,
        ...list
          .map(([id]) => id + 1)
          .filter((id) => !map.has(id))
          .slice(0, 20),
      ]) {
        expect(postings.get(absent)).toBeUndefined();
        expect(postings.has(absent)).toBe(false);
      }
    });
  });

  it('take flat lists (id, frequency, id, frequency…) as a snapshot stores them', () => {
    const pool = new PostingPool();
    const postings = PackedPostings.pack(pool, [3, 1, 8, 2, 9, 7]);
    expect(postings && [...postings]).toEqual([
      [3, 1],
      [8, 2],
      [9, 7],
    ]);
  });

  it('are left unpacked when their ids are not ascending or a frequency is too large to pack', () => {
    const pool = new PostingPool();
    expect(PackedPostings.pack(pool, [5, 1, 2, 1])).toBeUndefined();
    expect(PackedPostings.pack(pool, [5, 1, 5, 1])).toBeUndefined();
    expect(PackedPostings.pack(pool, [1, 70000])).toBeUndefined();
    // Nothing half-written stays in the pool: the next list reads back whole.
    // Kept as minisearch's own Map instead, by the index.
    expect([...(packedOrMap(pool, [5, 1, 2, 1]) as Map<number, number>)]).toEqual([
      [5, 1],
      [2, 1],
    ]);
    const next = PackedPostings.pack(pool, [4, 2]);
    expect(next && [...next]).toEqual([[4, 2]]);
  });

  it('take columns of ids and frequencies as the index builder collects them, and leave unpackable ones to a Map', () => {
    const pool = new PostingPool();
    const columns = (ids: number[], frequencies: number[]) => ({
      ids: Int32Array.from(ids),
      frequencies: Int32Array.from(frequencies),
    });
    const packed = PackedPostings.pack(pool, columns([2, 7, 9], [1, 4, 2]));
    expect(packed && [...packed]).toEqual([
      [2, 1],
      [7, 4],
      [9, 2],
    ]);
    expect(PackedPostings.pack(pool, columns([3, 8], [1, 70000]))).toBeUndefined();
    expect([...(packedOrMap(pool, columns([3, 8], [1, 70000])) as Map<number, number>)]).toEqual([
      [3, 1],
      [8, 70000],
    ]);
    const next = PackedPostings.pack(pool, columns([4], [2]));
    expect(next && [...next]).toEqual([[4, 2]]);
  });

  it("become a Map when written, as minisearch's add and remove would write them", () => {
    const pool = new PostingPool();
    const postings = PackedPostings.pack(pool, [1, 1, 4, 2, 6, 3]);
    const other = PackedPostings.pack(pool, [2, 5]);
    if (!postings || !other) throw new Error('not packed');
    postings.set(4, 3).set(9, 1);
    expect(postings.delete(1)).toBe(true);
    expect(postings.delete(1)).toBe(false);
    expect(postings.size).toBe(3);
    expect([...postings]).toEqual([
      [4, 3],
      [6, 3],
      [9, 1],
    ]);
    expect([...postings.keys()]).toEqual([4, 6, 9]);
    expect(postings.get(9)).toBe(1);
    // The pool is shared: another list is untouched.
    expect([...other]).toEqual([[2, 5]]);
  });
});

describe('a posting pool written out as its arrays', () => {
  it('reads back the same postings at the same places from copies of its arrays', () => {
    const pool = new PostingPool();
    const lists = [3, 1029, 700].map((count, i) => randomPostings(count, i + 7, 60000));
    const packed = lists.map((list) => PackedPostings.pack(pool, list.flat()));
    const { ids, frequencies } = pool.arrays();
    expect(ids).toHaveLength(pool.length);

    const restored = PostingPool.holding({ ids: ids.slice(), frequencies: frequencies.slice() });

    expect(restored.length).toBe(pool.length);
    packed.forEach((postings, i) => {
      const slice = postings?.sliceOf(pool);
      if (!slice) throw new Error('not packed');
      expect([...PackedPostings.at(restored, ...slice)]).toEqual(lists[i]);
    });
  });

  it('refuses ids and frequencies that disagree in count, and a slice past its end', () => {
    const pool = new PostingPool();
    PackedPostings.pack(pool, randomPostings(10, 3).flat());
    const { ids, frequencies } = pool.arrays();
    expect(() => PostingPool.holding({ ids, frequencies: frequencies.subarray(1) })).toThrow(
      /10 posting ids and 9 frequencies/,
    );
    const restored = PostingPool.holding({ ids, frequencies });
    expect(() => PackedPostings.at(restored, 5, 6)).toThrow(/outside/);
    expect([...PackedPostings.at(restored, 5, 5)]).toHaveLength(5);
  });

  it('tells where postings lie only in their own pool, and not once written to', () => {
    const pool = new PostingPool();
    const postings = PackedPostings.pack(pool, [1, 2, 4, 1]);
    expect(postings?.sliceOf(pool)).toEqual([0, 2]);
    expect(postings?.sliceOf(new PostingPool())).toBeUndefined();
    postings?.set(9, 1);
    expect(postings?.sliceOf(pool)).toBeUndefined();
  });
});
