import { RecentMap } from '../../src/slack/recent-map';

// What the bot remembers of threads, answers and seen deliveries: the most recently used, up to a bound.
describe('RecentMap', () => {
  it('forgets the least recently used entry once over capacity', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recent
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('keeps exactly its capacity', () => {
    const map = new RecentMap<number, number>(3);
    for (let i = 0; i < 3; i++) map.set(i, i);
    expect([0, 1, 2].map((i) => map.get(i))).toEqual([0, 1, 2]);
    map.set(1, 10); // setting again refreshes, it does not add
    map.set(3, 3);
    expect([0, 1, 2, 3].map((i) => map.get(i))).toEqual([undefined, 10, 2, 3]);
  });

  it('looking up a key it does not hold forgets nothing', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('unknown')).toBeUndefined();
    expect([map.get('a'), map.get('b')]).toEqual([1, 2]);
  });

  it('deletes an entry', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
  });

  it('tells a first sighting from a repeated one, and remembers it', () => {
    const map = new RecentMap<string, boolean>(2);
    expect(map.firstSighting('event-1', true)).toBe(true);
    expect(map.firstSighting('event-1', true)).toBe(false);
    expect(map.get('event-1')).toBe(true);
  });
});
