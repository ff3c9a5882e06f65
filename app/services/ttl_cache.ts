/**
 * A small in-process cache whose entries expire after `ttlMs` (oldest evicted past `maxEntries`).
 * The public site uses it as a micro-cache: during an ad spike, thousands of requests a second
 * for the same page share one database lookup, and an edit shows within seconds.
 */
export class TtlCache<Value> {
  #entries = new Map<string, { value: Value; expiresAt: number }>()
  static #all = new Set<TtlCache<unknown>>()

  constructor(
    private ttlMs: number,
    private maxEntries = 10_000
  ) {
    TtlCache.#all.add(this as TtlCache<unknown>)
  }

  async remember(key: string, load: () => Promise<Value>) {
    const now = Date.now()
    const hit = this.#entries.get(key)
    if (hit && hit.expiresAt > now) return hit.value
    const value = await load()
    this.#entries.set(key, { value, expiresAt: now + this.ttlMs })
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
    return value
  }

  clear() {
    this.#entries.clear()
  }

  /** Empties every micro-cache of the process (tests start each case from a clean state). */
  static clearAll() {
    for (const cache of TtlCache.#all) cache.clear()
  }
}
