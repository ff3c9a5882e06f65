import { serverUrl } from '#tests/helpers/server'

/**
 * A browser's view of the admin over plain HTTP: a cookie jar filled by real responses (login
 * form, Set-Cookie), so a test can copy the session cookie, replay it after a logout, or attach
 * it to a forged request exactly as a browser would attach it for another page.
 */
export class BrowserSession {
  cookies = new Map<string, string>()

  constructor(readonly base = serverUrl('localhost')) {}

  /** `Cookie` header of the jar (or of a snapshot taken earlier). */
  cookieHeader(jar: Map<string, string> = this.cookies) {
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  snapshot() {
    return new Map(this.cookies)
  }

  /** The token a page of the admin would send as `X-XSRF-TOKEN` (from the readable cookie). */
  get xsrfToken() {
    const value = this.cookies.get('XSRF-TOKEN')
    return value ? decodeURIComponent(value) : undefined
  }

  /** The Inertia asset version the server announced (sent back so it answers 200, not 409). */
  #inertiaVersion?: string

  async request(
    path: string,
    init: {
      method?: string
      headers?: Record<string, string>
      body?: string
      jar?: Map<string, string>
    } = {}
  ) {
    const jar = init.jar ?? this.cookies
    const isGet = (init.method ?? 'GET') === 'GET'
    const send = () =>
      fetch(new URL(path, this.base), {
        method: init.method ?? 'GET',
        redirect: 'manual',
        headers: {
          /** Pages as the Inertia client asks for them: JSON, no HTML layout (no Vite needed). */
          ...(isGet ? { 'x-inertia': 'true' } : {}),
          ...(isGet && this.#inertiaVersion ? { 'x-inertia-version': this.#inertiaVersion } : {}),
          ...(jar.size ? { cookie: this.cookieHeader(jar) } : {}),
          ...init.headers,
        },
        body: init.body,
      })
    let response = await send()
    if (response.status === 409 && isGet) {
      const { version } = (await response.json()) as { version?: string }
      this.#inertiaVersion = version
      if (!init.jar) this.#store(response)
      response = await send()
    }
    if (!init.jar) this.#store(response)
    return response
  }

  /** JSON write with the page's CSRF header, as the admin's own fetch() calls send it. */
  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    })
  }

  /** Logs in through the real form: GET /login (session + XSRF cookie), POST /login. */
  async login(email: string, password: string) {
    await this.request('/login')
    const response = await this.post(
      '/login',
      { email, password },
      { 'x-xsrf-token': this.xsrfToken! }
    )
    /** A refused login also redirects (back, with errors): only an open admin page tells. */
    if (response.status !== 302 || !(await this.isSignedIn())) {
      throw new Error(`login refused: ${response.status} ${response.headers.get('location')}`)
    }
    return this
  }

  /** Whether the jar (or a snapshot) still opens an admin page rather than the login page. */
  async isSignedIn(jar?: Map<string, string>) {
    const response = await this.request('/workspaces', { jar })
    if (response.status === 200) return true
    if (response.status === 302 && response.headers.get('location') === '/login') return false
    throw new Error(`unexpected answer for /workspaces: ${response.status}`)
  }

  #store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}
