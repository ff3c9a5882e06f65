import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { defineConfig } from '@adonisjs/shield'
import { sessionCookieName } from '#config/session'

/**
 * Whether a write may skip the CSRF token. Only when nothing ambient could authenticate it:
 * - `/_site/*` (funnel pages and their forms on workspace hosts) runs no session at all;
 * - `/api/*` runs no session either and accepts bearer tokens only (api_auth_middleware);
 * - elsewhere (Transmit) a request with a bearer token *and no session cookie* — a script or
 *   server using its token. An `Authorization` header does not excuse a request that carries
 *   the session cookie: a page could add a bogus one to borrow the cookie.
 */
export function skipsCsrf(ctx: HttpContext) {
  const url = ctx.request.url()
  if (url.startsWith('/_site/') || url === '/api' || url.startsWith('/api/')) return true
  const bearer = /^bearer\s+\S/i.test(ctx.request.header('authorization') ?? '')
  return bearer && !hasSessionCookie(ctx)
}

function hasSessionCookie(ctx: HttpContext) {
  return (ctx.request.header('cookie') ?? '')
    .split(';')
    .some((part) => part.trim().startsWith(`${sessionCookieName}=`))
}

/**
 * Headers for the admin (the API skips shield, the public site sets its own). The CSP allows
 * scripts from the admin's origin and those carrying the per-request nonce (the Vite tags in
 * inertia_layout.edge get it), nothing inline otherwise; styles may be inline (React style
 * props, Vite's dev CSS). The admin may not be framed by anyone (its previews frame
 * themselves with their own headers, see PREVIEW_HEADERS). HSTS only in production, where the
 * admin is served over HTTPS.
 */
export function buildShieldConfig({ production }: { production: boolean }) {
  return defineConfig({
    csp: {
      enabled: true,
      reportOnly: false,
      directives: {
        defaultSrc: [`'self'`],
        scriptSrc: [`'self'`, '@nonce'],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        /** Logos and images of funnels are https URLs on any host. */
        imgSrc: [`'self'`, 'data:', 'blob:', 'https:'],
        fontSrc: [`'self'`, 'data:'],
        /** Vite's hot reload talks over a WebSocket in development. */
        connectSrc: production ? [`'self'`] : [`'self'`, 'ws:', 'wss:'],
        frameSrc: [`'self'`],
        frameAncestors: [`'none'`],
        formAction: [`'self'`],
        baseUri: [`'self'`],
        objectSrc: [`'none'`],
      },
    },
    csrf: {
      enabled: true,
      exceptRoutes: skipsCsrf,
      /** transmit-client and the admin's fetch() calls read it and send `X-XSRF-TOKEN`. */
      enableXsrfCookie: true,
      methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
      cookieOptions: { secure: production, sameSite: 'lax' },
    },
    xFrame: { enabled: true, action: 'DENY' },
    hsts: { enabled: production, maxAge: '365 days', includeSubDomains: false },
    contentTypeSniffing: { enabled: true },
  })
}

const shieldConfig = buildShieldConfig({ production: app.inProduction })

export default shieldConfig
