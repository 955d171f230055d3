/**
 * A Map that keeps only its `capacity` most recently used entries, so memory of threads, answers and
 * seen events stays bounded however long the bot runs.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Records `key` and says whether it was new: false for anything seen before (a duplicate delivery). */
  firstSighting(key: K, value: V): boolean {
    if (this.entries.has(key)) return false;
    this.set(key, value);
    return true;
  }
}
