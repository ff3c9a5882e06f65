import http from 'node:http'
import { randomUUID } from 'node:crypto'

/**
 * A real Server-Sent Events client for Transmit: opens `/__transmit/events`, subscribes to
 * channels over HTTP like @adonisjs/transmit-client does, and collects every message.
 */
export class SseClient {
  uid = randomUUID()
  messages: Array<{ channel: string; payload: any }> = []
  #request?: http.ClientRequest
  #waiters: Array<() => void> = []

  constructor(
    private baseUrl: string,
    private headers: Record<string, string> = {}
  ) {}

  /** Opens the stream and resolves once the server has answered with its first frame. */
  connect() {
    return new Promise<void>((resolve, reject) => {
      const url = new URL(`/__transmit/events?uid=${this.uid}`, this.baseUrl)
      this.#request = http.get(url, { headers: this.headers }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`SSE ${response.statusCode}`))
        let buffer = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          if (buffer === '' && chunk.startsWith(':ok')) resolve()
          buffer += chunk
          let index: number
          while ((index = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, index)
            buffer = buffer.slice(index + 2)
            const data = frame
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n')
            if (data) {
              this.messages.push(JSON.parse(data))
              this.#waiters.splice(0).forEach((wake) => wake())
            }
          }
        })
      })
      this.#request.on('error', reject)
    })
  }

  /** Subscribes to a channel; returns the HTTP status (204 ok; 400 refused; 302 CSRF refusal). */
  async subscribe(channel: string) {
    const response = await fetch(new URL('/__transmit/subscribe', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify({ uid: this.uid, channel }),
      redirect: 'manual',
    })
    return response.status
  }

  /** Resolves with the first message matching `predicate`, or rejects after `timeoutMs`. */
  async waitFor(
    predicate: (message: { channel: string; payload: any }) => boolean,
    timeoutMs = 10_000
  ) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.messages.find(predicate)
      if (found) return found
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error('Timed out waiting for an SSE message')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining)
        this.#waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  close() {
    this.#request?.destroy()
  }
}
