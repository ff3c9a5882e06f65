import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

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

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  /** Behind a proxy (docker-compose, a load balancer) the client IP comes from X-Forwarded-For. */
  trustProxy: () => true,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
