import { createHash } from 'node:crypto'

/**
 * Rendered public pages, per step version, in this process's memory (least recently used out
 * first). The key carries every version that shapes the page, so an edit never serves stale
 * HTML: nothing needs invalidating.
 */
export interface CachedPage {
  html: string
  etag: string
  /**
   * The HTML as UTF-8 bytes, encoded once: sending the string made every hit encode it twice
   * (Content-Length, then the socket write), the top frames of the public edge's profile.
   */
  body: Buffer
}

export class PageCache {
  #entries = new Map<string, CachedPage>()

  constructor(private maxEntries = 1000) {}

  async remember(key: string, render: () => Promise<string>): Promise<CachedPage> {
    const hit = this.#entries.get(key)
    if (hit) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return hit
    }
    const html = await render()
    const body = Buffer.from(html, 'utf8')
    const entry = { html, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }
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
