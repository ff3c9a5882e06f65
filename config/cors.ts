import { defineConfig } from '@adonisjs/cors'
import { appUrl } from '#config/app'

const adminOrigin = new URL(appUrl).origin

/**
 * No response allows credentials: the admin calls itself same-origin and needs no CORS, and
 * `/api/*` authenticates by bearer token only (it never reads the session cookie). So:
 * - `/api/*` answers any origin, without credentials (`*`): an agency's own front end may call
 *   it with a token, and a browser never exposes a cookie-carrying response to another origin;
 * - the public site (`/_site/*`, workspace hosts) likewise: it runs no session;
 * - everything else (admin pages, Transmit) answers CORS only to the admin's own origin
 *   (APP_URL), and nothing to any other origin.
 */
const corsConfig = defineConfig({
  enabled: true,
  origin: (origin, ctx) => {
    const url = ctx.request.url()
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/_site/')) return '*'
    return origin === adminOrigin
  },
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: ['authorization', 'content-type', 'accept', 'x-workspace', 'x-xsrf-token'],
  exposeHeaders: [],
  credentials: false,
  maxAge: 90,
})

export default corsConfig
