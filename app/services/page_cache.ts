import { createHash } from 'node:crypto'

/**
 * Rendered public pages, per step version, in this process's memory (least recently used out
 * first). The key carries every version that shapes the page, so an edit never serves stale
 * HTML: nothing needs invalidating.
 */
export class PageCache {
  #entries = new Map<string, { html: string; etag: string }>()

  constructor(private maxEntries = 1000) {}

  async remember(key: string, render: () => Promise<string>) {
    const hit = this.#entries.get(key)
    if (hit) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return hit
    }
    const html = await render()
    const entry = { html, etag: `"${createHash('sha1').update(html).digest('base64url')}"` }
    this.#entries.set(key, entry)
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
    return entry
  }

  clear() {
    this.#entries.clear()
  }
}

export const pageCache = new PageCache()
