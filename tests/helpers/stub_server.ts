import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

/** A request the stub received, as the test wants to assert on it. */
export interface StubRequest {
  method: string
  /** Path without the query string, e.g. `/v1/transactions/0`. */
  path: string
  query: Record<string, string>
  /** Lower-cased header names. */
  headers: http.IncomingHttpHeaders
  /** Raw body text. */
  rawBody: string
  /** The body parsed as JSON when it is JSON, else undefined. */
  body: any
  /** Path parameters of the matching route (`/transactions/:id` → `{ id }`). */
  params: Record<string, string>
}

/** What a handler answers. A plain object body is sent as JSON. */
export interface StubResponse {
  status?: number
  headers?: Record<string, string>
  body?: unknown
  /** Waits this long before answering (timeouts); the socket stays open meanwhile. */
  delayMs?: number
}

export type StubHandler = (request: StubRequest) => StubResponse | Promise<StubResponse>

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: StubHandler
}

/** `/v1/transactions/:id` → a regexp and its parameter names; `*` matches the rest. */
function compile(path: string) {
  const keys: string[] = []
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*'
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1))
        return '([^/]+)'
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { pattern: new RegExp(`^${source}/?$`), keys }
}

/**
 * A local HTTP stand-in for a third-party API (SkalePay, UTMify, Meta…), listening on
 * 127.0.0.1 on a random port. Register routes with handlers, point a credential's `apiUrl` at
 * `stub.url`, then assert on `stub.requests`. Unmatched requests get a 404 JSON answer and are
 * recorded too.
 *
 * ```ts
 * const stub = await StubServer.start()
 * stub.on('GET', '/v1/transactions/:id', ({ headers }) =>
 *   headers.authorization ? { status: 404, body: { message: 'not found' } } : { status: 401 })
 * // … test …
 * await stub.close()
 * ```
 */
export class StubServer {
  /** Every request received, oldest first. */
  readonly requests: StubRequest[] = []
  #routes: Route[] = []
  #server: http.Server

  private constructor(server: http.Server) {
    this.#server = server
  }

  /** Starts a stub on 127.0.0.1 and an OS-chosen port. */
  static async start(): Promise<StubServer> {
    let stub!: StubServer
    const server = http.createServer((request, response) => {
      stub.#handle(request, response).catch((error) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ message: String(error?.message ?? error) }))
      })
    })
    stub = new StubServer(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return stub
  }

  get port() {
    return (this.#server.address() as AddressInfo).port
  }

  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  /** Registers (or, for the same method and path, replaces) a route. Later routes win. */
  on(method: string, path: string, handler: StubHandler | StubResponse) {
    const { pattern, keys } = compile(path)
    const upper = method.toUpperCase()
    this.#routes = this.#routes.filter(
      (route) => !(route.method === upper && route.pattern.source === pattern.source)
    )
    this.#routes.unshift({
      method: upper,
      pattern,
      keys,
      handler: typeof handler === 'function' ? handler : () => handler,
    })
    return this
  }

  /** The requests received for a method and path (exact path, query ignored). */
  requestsTo(method: string, path: string) {
    return this.requests.filter(
      (request) => request.method === method.toUpperCase() && request.path === path
    )
  }

  /** Forgets the recorded requests and the routes. */
  reset() {
    this.requests.length = 0
    this.#routes = []
  }

  /** Stops listening and drops open connections (a delayed answer included). */
  close() {
    return new Promise<void>((resolve) => {
      this.#server.closeAllConnections()
      this.#server.close(() => resolve())
    })
  }

  async #handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const url = new URL(request.url ?? '/', 'http://stub.local')
    let body: any
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined
    } catch {
      body = undefined
    }

    const method = (request.method ?? 'GET').toUpperCase()
    const recorded: StubRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      rawBody,
      body,
      params: {},
    }
    this.requests.push(recorded)

    let answer: StubResponse = { status: 404, body: { message: 'stub: no route' } }
    for (const route of this.#routes) {
      if (route.method !== method && route.method !== '*') continue
      const match = route.pattern.exec(url.pathname)
      if (!match) continue
      route.keys.forEach(
        (key, index) => (recorded.params[key] = decodeURIComponent(match[index + 1]))
      )
      answer = await route.handler(recorded)
      break
    }

    if (answer.delayMs) {
      /** Ends early when the client gives up, so no timer outlives the test. */
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, answer.delayMs)
        response.once('close', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    if (response.destroyed) return
    const isJson = answer.body !== undefined && typeof answer.body !== 'string'
    response.writeHead(answer.status ?? 200, {
      ...(isJson ? { 'content-type': 'application/json' } : {}),
      ...answer.headers,
    })
    response.end(
      answer.body === undefined ? '' : isJson ? JSON.stringify(answer.body) : String(answer.body)
    )
  }
}

/** A 127.0.0.1 port nothing listens on (bound, then released): connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
