import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'

/** Encrypts cookies, signed URLs and credential secrets at rest: losing it loses them. */
export const appKey = env.get('APP_KEY')

export const appUrl = env.get('APP_URL', `http://localhost:${env.get('PORT', 3333)}`)

/** Base domain of the admin; tenant funnels are served on its subdomains. */
export const appDomain = env.get('APP_DOMAIN', 'localhost')

/**
 * Domain of the public funnels (`{slug}.{PUBLIC_DOMAIN}`). In production a registrable domain of
 * its own, so no funnel page (whose pixels may load any script) is same-site with the admin;
 * in development it defaults to APP_DOMAIN.
 */
export const publicDomain = env.get('PUBLIC_DOMAIN') || appDomain

/**
 * Peers whose X-Forwarded-For/Host/Proto are believed: `TRUSTED_PROXIES`, comma-separated CIDRs,
 * addresses or proxy-addr's names (`loopback`, `uniquelocal`). None by default: a client talking
 * to the app directly must not pick its own IP (throttles, the IP sent to Meta) or its host
 * (admin vs. funnel). A malformed entry fails the boot rather than trusting nobody silently.
 */
export const trustedProxies = (env.get('TRUSTED_PROXIES') ?? '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean)

/** Whether a peer address is a trusted proxy (proxy-addr's `(addr, hop) => boolean`). */
export const trustProxy: (address: string, hop: number) => boolean = trustedProxies.length
  ? proxyAddr.compile(trustedProxies)
  : () => false

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  /**
   * On, so a validation run inside an action (a step's content) speaks the request's language
   * without the action taking a locale (start/validator.ts reads HttpContext.get()).
   */
  useAsyncLocalStorage: true,
  /** Behind a proxy listed in TRUSTED_PROXIES the client IP comes from X-Forwarded-For. */
  trustProxy,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
