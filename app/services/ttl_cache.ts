/**
 * A small in-process cache whose entries are fresh for `ttlMs` (oldest evicted past
 * `maxEntries`). The public site uses it as a micro-cache: during an ad spike, thousands of
 * requests a second for the same page share one database lookup, and an edit shows within
 * seconds.
 *
 * It also keeps the public site up through a PostgreSQL outage (stale-while-revalidate, in its
 * stale-if-error form): an expired entry is kept for `staleMs` (a day) and is what the request
 * gets when reloading it fails, so the beacon and the pages already visited keep resolving their
 * workspace and page while the database is away. While one request reloads a key, the others
 * get the stale entry at once instead of queueing behind it; after a failed reload the stale
 * entry counts as fresh for `retryMs`, so an outage costs one failing lookup per key per second,
 * not one per request. Concurrent misses of an empty key share one load.
 */
export class TtlCache<Value> {
  #entries = new Map<string, { value: Value; freshUntil: number; staleUntil: number }>()
  #loading = new Map<string, Promise<Value>>()
  static #all = new Set<TtlCache<unknown>>()

  constructor(
    private ttlMs: number,
    private maxEntries = 10_000,
    private staleMs = 24 * 3600_000,
    private retryMs = 1_000
  ) {
    TtlCache.#all.add(this as TtlCache<unknown>)
  }

  async remember(key: string, load: () => Promise<Value>) {
    const hit = this.#entries.get(key)
    if (hit && hit.freshUntil > Date.now()) return hit.value
    const stale = hit && hit.staleUntil > Date.now() ? hit : undefined

    const inFlight = this.#loading.get(key)
    if (inFlight) return stale ? stale.value : inFlight

    const loading = load()
    this.#loading.set(key, loading)
    try {
      const value = await loading
      this.#store(key, value)
      return value
    } catch (error) {
      if (!stale) throw error
      stale.freshUntil = Date.now() + this.retryMs
      return stale.value
    } finally {
      if (this.#loading.get(key) === loading) this.#loading.delete(key)
    }
  }

  #store(key: string, value: Value) {
    const now = Date.now()
    this.#entries.delete(key)
    this.#entries.set(key, { value, freshUntil: now + this.ttlMs, staleUntil: now + this.staleMs })
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
  }

  /** Drops one key (e.g. a host whose workspace just changed), so the next call loads it. */
  forget(key: string) {
    this.#entries.delete(key)
  }

  /** Drops every key starting with `prefix` (all the pages of a funnel just published). */
  forgetPrefix(prefix: string) {
    for (const key of [...this.#entries.keys()]) {
      if (key.startsWith(prefix)) this.#entries.delete(key)
    }
  }

  clear() {
    this.#entries.clear()
    this.#loading.clear()
  }

  /** Empties every micro-cache of the process (tests start each case from a clean state). */
  static clearAll() {
    for (const cache of TtlCache.#all) cache.clear()
  }
}
