/**
 * minisearch's document tables, packed.
 *
 * For every posting it walks, minisearch checks the passage is still indexed (`_documentIds.has`), hands
 * a document boost its id (`_documentIds.get`) and reads the length of the field (`_fieldLength.get`).
 * As `Map`s of 100k entries, the last two each point to an object of their own somewhere in the heap (an
 * id string, an array of lengths): reading them was most of minisearch's time per posting on a large
 * corpus, waiting for memory rather than computing. coop indexes each passage under its position in the
 * index, which is also minisearch's short id, and never changes a built index (a changed corpus gets a
 * new one), so both tables reduce to an identity and one typed array.
 */

/** Whether `id` is one of the short ids `0 … size - 1`. */
function isIdBelow(id: unknown, size: number): id is number {
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < size;
}

/** Why a packed table refuses a write. */
const READ_ONLY = 'a built passage index is never changed: a changed corpus gets a new one';

/**
 * The ids `0 … size - 1`, read as minisearch reads its `Map`s from short id to document id and back,
 * for an index whose every document's id is its short id.
 */
export class IdentityIds {
  constructor(readonly size: number) {}

  has(id: unknown): boolean {
    return isIdBelow(id, this.size);
  }

  get(id: unknown): number | undefined {
    return isIdBelow(id, this.size) ? id : undefined;
  }

  /** Each id with itself, as minisearch walks every document (a wildcard query). */
  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let id = 0; id < this.size; id++) yield [id, id];
  }

  set(): never {
    throw new Error(READ_ONLY);
  }

  delete(): never {
    throw new Error(READ_ONLY);
  }
}

/**
 * The length of each field of each document (`lengths[id][field]`), in one typed array, read as
 * minisearch reads its `Map` from short id to the lengths of the document's fields.
 *
 * `get` returns one array, refilled at each call, not one per document: minisearch reads a single field
 * of it at once (`get(id)[field]`) and keeps nothing.
 */
export class PackedFieldLengths {
  private readonly lengths: Uint32Array;
  private readonly row: number[];

  constructor(
    readonly fieldCount: number,
    rows: readonly (readonly number[])[],
  ) {
    this.lengths = new Uint32Array(rows.length * fieldCount);
    this.row = new Array<number>(fieldCount).fill(0);
    rows.forEach((row, id) => {
      for (let field = 0; field < fieldCount; field++)
        this.lengths[id * fieldCount + field] = row[field] ?? 0;
    });
  }

  /** Number of documents. */
  get size(): number {
    return this.lengths.length / this.fieldCount;
  }

  has(id: unknown): boolean {
    return isIdBelow(id, this.size);
  }

  /** The lengths of document `id`'s fields, in an array that the next call refills. */
  get(id: unknown): number[] | undefined {
    if (!isIdBelow(id, this.size)) return undefined;
    const start = id * this.fieldCount;
    for (let field = 0; field < this.fieldCount; field++) this.row[field] = this.lengths[start + field];
    return this.row;
  }

  /** Every document's lengths, each its own array, in id order: what {@link PackedFieldLengths} was made from. */
  rows(): number[][] {
    const rows: number[][] = [];
    for (let start = 0; start < this.lengths.length; start += this.fieldCount) {
      rows.push([...this.lengths.subarray(start, start + this.fieldCount)]);
    }
    return rows;
  }

  set(): never {
    throw new Error(READ_ONLY);
  }

  delete(): never {
    throw new Error(READ_ONLY);
  }
}
