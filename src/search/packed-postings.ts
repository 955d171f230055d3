/**
 * minisearch's postings, packed.
 *
 * minisearch keeps, for each term and field, a `Map` from short document id to term frequency: about
 * 47 bytes a posting, most of the heap of a large index (3.4 million postings at 100k passages). Here a
 * term's postings in one field are a slice of two typed arrays shared by the whole index (a
 * {@link PostingPool}), 6 bytes a posting, read through the part of `Map`'s interface that minisearch
 * uses: `size`, `get`, `has`, `keys`, `entries` and iteration. minisearch still walks, scores and ranks
 * them; only their storage changes.
 */

/**
 * A pool's postings as a snapshot holds them: the ids (32-bit) and the frequencies (16-bit), each in the
 * machine's byte order (which is part of a snapshot's key, so a snapshot is never read on a machine of
 * the other order), written and read as raw bytes.
 */
export interface PoolArrays {
  ids: Int32Array<ArrayBuffer>;
  frequencies: Uint16Array<ArrayBuffer>;
}

/** Postings as two columns: document ids, ascending, and the term's frequency in each. */
export interface PostingColumns {
  ids: Int32Array;
  frequencies: Int32Array;
}

/** Postings given flat (document id, frequency, document id, frequency…) or as {@link PostingColumns}. */
export type Postings = readonly number[] | PostingColumns;

/** The shared storage of every packed posting list of one index. */
export class PostingPool {
  ids = new Int32Array(1024);
  frequencies = new Uint16Array(1024);
  length = 0;

  /** A pool holding exactly the postings of `arrays` ({@link PostingPool.arrays}), which it keeps, not copies. */
  static holding({ ids, frequencies }: PoolArrays): PostingPool {
    if (ids.length !== frequencies.length) {
      throw new Error(`${ids.length} posting ids and ${frequencies.length} frequencies`);
    }
    const pool = new PostingPool();
    pool.ids = ids;
    pool.frequencies = frequencies;
    pool.length = ids.length;
    return pool;
  }

  /** The pool's postings, as long as it holds them: views of its memory, for a snapshot. */
  arrays(): PoolArrays {
    return { ids: this.ids.subarray(0, this.length), frequencies: this.frequencies.subarray(0, this.length) };
  }

  /**
   * Appends postings (flat or in columns) and returns where they start; undefined, with nothing kept,
   * when they cannot be packed: ids not ascending, or a frequency past 65,535.
   */
  append(postings: Postings): number | undefined {
    const flat = Array.isArray(postings) ? postings : undefined;
    const columns = postings as PostingColumns;
    const count = flat ? flat.length / 2 : columns.ids.length;
    this.reserve(count);
    const start = this.length;
    let previous = -1;
    for (let i = 0, at = start; i < count; i++, at++) {
      const id = flat ? flat[2 * i] : columns.ids[i];
      const frequency = flat ? flat[2 * i + 1] : columns.frequencies[i];
      if (!(id > previous && id <= 0x7fffffff && frequency >= 0 && frequency <= 0xffff)) return undefined;
      this.ids[at] = id;
      this.frequencies[at] = frequency;
      previous = id;
    }
    this.length = start + count;
    return start;
  }

  /** Gives back the room kept for further postings, once every list is packed. */
  trim(): void {
    if (this.ids.length === this.length) return;
    this.ids = this.ids.slice(0, this.length);
    this.frequencies = this.frequencies.slice(0, this.length);
  }

  private reserve(count: number): void {
    if (this.length + count <= this.ids.length) return;
    const capacity = Math.max(this.ids.length * 2, this.length + count);
    const ids = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.length));
    const frequencies = new Uint16Array(capacity);
    frequencies.set(this.frequencies.subarray(0, this.length));
    this.ids = ids;
    this.frequencies = frequencies;
  }
}

/**
 * One term's postings in one field: a slice of a {@link PostingPool}, ids ascending, read as minisearch
 * reads a `Map<number, number>`. A write (minisearch's own `add`, `remove` or vacuuming, which coop never
 * asks of a built index, as it builds a new one for each corpus change) turns it into a `Map` first.
 */
export class PackedPostings {
  /**
   * Where the next lookup is likely to be: minisearch walks the ids in order and reads each one's
   * frequency as it goes, so after the `n`th, the `n + 1`th.
   */
  private next = 0;
  private written?: Map<number, number>;

  constructor(
    private readonly pool: PostingPool,
    private readonly start: number,
    private readonly count: number,
  ) {}

  /**
   * Packs postings, flat (as a snapshot stores them) or in columns (as the index builder collects them),
   * into `pool`; undefined when they cannot be packed.
   */
  static pack(pool: PostingPool, postings: Postings): PackedPostings | undefined {
    const start = pool.append(postings);
    return start === undefined ? undefined : new PackedPostings(pool, start, pool.length - start);
  }

  /** The `count` postings from `start` of `pool` (as {@link PackedPostings.sliceOf} gave them); throws if they lie outside it. */
  static at(pool: PostingPool, start: number, count: number): PackedPostings {
    if (
      !(
        Number.isInteger(start) &&
        Number.isInteger(count) &&
        start >= 0 &&
        count >= 0 &&
        start + count <= pool.length
      )
    ) {
      throw new Error(`postings ${start}+${count} lie outside the ${pool.length} of their pool`);
    }
    return new PackedPostings(pool, start, count);
  }

  /** Where these postings lie in `pool`: their start and count; undefined when they are not there (written to since, or another pool's). */
  sliceOf(pool: PostingPool): [start: number, count: number] | undefined {
    return this.written || this.pool !== pool ? undefined : [this.start, this.count];
  }

  get size(): number {
    return this.written ? this.written.size : this.count;
  }

  get(id: number): number | undefined {
    if (this.written) return this.written.get(id);
    const at = this.indexOf(id);
    if (at < 0) return undefined;
    this.next = at + 1;
    return this.pool.frequencies[this.start + at];
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  keys(): IterableIterator<number> {
    if (this.written) return this.written.keys();
    return this.pool.ids.subarray(this.start, this.start + this.count).values();
  }

  entries(): IterableIterator<[number, number]> {
    if (this.written) return this.written.entries();
    return this.packedEntries();
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  set(id: number, frequency: number): this {
    this.writable().set(id, frequency);
    return this;
  }

  delete(id: number): boolean {
    return this.writable().delete(id);
  }

  private *packedEntries(): Generator<[number, number]> {
    const { ids, frequencies } = this.pool;
    for (let at = this.start; at < this.start + this.count; at++) yield [ids[at], frequencies[at]];
  }

  private indexOf(id: number): number {
    const { ids } = this.pool;
    if (this.next < this.count && ids[this.start + this.next] === id) return this.next;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >> 1;
      const found = ids[this.start + middle];
      if (found === id) return middle;
      if (found < id) low = middle + 1;
      else high = middle;
    }
    return -1;
  }

  private writable(): Map<number, number> {
    this.written ??= new Map(this.entries());
    return this.written;
  }
}

/** Postings, flat or in columns, as the `Map` minisearch itself makes. */
export function postingsMap(postings: Postings): Map<number, number> {
  const frequencies = new Map<number, number>();
  if (Array.isArray(postings)) {
    for (let i = 0; i + 1 < postings.length; i += 2) frequencies.set(postings[i], postings[i + 1]);
  } else {
    const { ids, frequencies: counts } = postings as PostingColumns;
    for (let i = 0; i < ids.length; i++) frequencies.set(ids[i], counts[i]);
  }
  return frequencies;
}

/**
 * Postings, flat or in columns, packed into `pool` ({@link PackedPostings.pack}), or, where they cannot be, as the
 * `Map` minisearch itself makes.
 */
export function packedOrMap(pool: PostingPool, postings: Postings): PackedPostings | Map<number, number> {
  return PackedPostings.pack(pool, postings) ?? postingsMap(postings);
}
