import { IdentityIds, PackedFieldLengths } from '../../src/search/document-tables';

describe('IdentityIds', () => {
  const ids = new IdentityIds(3);

  it('holds exactly the ids 0 to size - 1, each standing for itself', () => {
    expect([0, 1, 2].map((id) => ids.get(id))).toEqual([0, 1, 2]);
    for (const absent of [-1, 3, 1.5, '1', undefined]) {
      expect(ids.has(absent)).toBe(false);
      expect(ids.get(absent)).toBeUndefined();
    }
    expect([...ids]).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(ids.size).toBe(3);
  });

  it('refuses to be changed, saying why', () => {
    expect(() => ids.set()).toThrow(/never changed/);
    expect(() => ids.delete()).toThrow(/never changed/);
  });
});

describe('PackedFieldLengths', () => {
  const lengths = new PackedFieldLengths(2, [[12, 3], [7], [0, 65536]]);

  it("gives each document's field lengths, a field it lacks as 0", () => {
    expect(lengths.size).toBe(3);
    expect(lengths.get(0)?.[0]).toBe(12);
    expect(lengths.get(0)?.[1]).toBe(3);
    expect([...(lengths.get(1) ?? [])]).toEqual([7, 0]);
    expect([...(lengths.get(2) ?? [])]).toEqual([0, 65536]);
    for (const absent of [-1, 3, 0.5, '0']) {
      expect(lengths.has(absent)).toBe(false);
      expect(lengths.get(absent)).toBeUndefined();
    }
  });

  it('gives back the rows it was made from, each its own array', () => {
    const rows = lengths.rows();
    expect(rows).toEqual([
      [12, 3],
      [7, 0],
      [0, 65536],
    ]);
    expect(rows[0]).not.toBe(rows[1]);
    expect(new PackedFieldLengths(2, rows).rows()).toEqual(rows);
  });

  it('refuses to be changed, saying why', () => {
    expect(() => lengths.set()).toThrow(/never changed/);
    expect(() => lengths.delete()).toThrow(/never changed/);
  });
});
