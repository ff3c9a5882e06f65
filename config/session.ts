import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Admin sessions live in Redis: the cookie carries only a signed session id, so logging out
 * (or revoking a user, see app/actions/auth/revoke_user_access.ts) ends the session on the
 * server and a copied cookie stops working. The cookie store would keep a copied cookie valid
 * until it expires, so it is not offered. `memory` (server-side too, one process) is what the test
 * suite runs, because japa's `loginAs` writes sessions only there; tests/functional/security/
 * sessions.spec.ts runs a second server with the Redis store.
 *
 * The cookie is host-only (no Domain): funnels on `{slug}.{PUBLIC_DOMAIN}` never receive it,
 * and in production it is `__Host-` prefixed, which also stops a sibling subdomain from
 * planting one (session fixation) when the admin and the funnels share a registrable domain.
 * `SameSite=Lax`, deliberately: a link to the admin from an e-mail or chat still arrives signed
 * in (top-level GET), while cross-site POSTs and fetches carry no cookie. Lax is not the CSRF
 * defence — same-site pages (development, or funnels under the admin's domain) still send it —
 * the CSRF token required on every cookie-authenticated write is (config/shield.ts).
 */
export const sessionCookieName = app.inProduction ? '__Host-funil-session' : 'funil-session'

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: sessionCookieName,
  clearWithBrowser: false,
  age: '12h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  /** `cookie`, from older .env files, is read as `redis`. */
  store: env.get('SESSION_DRIVER') === 'memory' ? 'memory' : 'redis',
  stores: {
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
