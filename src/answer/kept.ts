/**
 * A map of at most `max` values that forgets the least lately used first: what is kept for a
 * message sent again (`memo.ts`, `reader.ts`) and each chat's last question (`conversations.ts`).
 * Pure: memory only.
 */
export class KeptValues<V> {
  readonly #values = new Map<string, V>();

  constructor(private readonly max: number) {}

  /** The value kept for `key`, which becomes the last to go; `undefined` when none is. */
  get(key: string): V | undefined {
    const value = this.#values.get(key);
    if (value === undefined) return undefined;
    this.#values.delete(key);
    this.#values.set(key, value);
    return value;
  }

  /** Keeps `value` for `key`, forgetting the least lately used beyond the most kept. */
  set(key: string, value: V): void {
    this.#values.delete(key);
    this.#values.set(key, value);
    if (this.#values.size > this.max) {
      const oldest = this.#values.keys().next().value;
      if (oldest !== undefined) this.#values.delete(oldest);
    }
  }

  delete(key: string): void {
    this.#values.delete(key);
  }

  get size(): number {
    return this.#values.size;
  }
}
