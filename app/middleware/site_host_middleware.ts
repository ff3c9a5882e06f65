import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isSiteHost, SITE_PREFIX } from '#services/site_host'
import { requestHosts } from '#services/request_host'

/**
 * Server middleware: a request on a tenant host (`{slug}.{APP_DOMAIN}` or a custom domain) is
 * routed to the public site routes, registered under SITE_PREFIX, by prefixing its path before
 * the router runs. The admin and the API are therefore unreachable on tenant hosts, and a funnel
 * slug can never collide with an admin path such as /login.
 *
 * The host is the Host header, or X-Forwarded-Host only from a trusted proxy (TRUSTED_PROXIES):
 * a page on a workspace host cannot reach the admin by naming the admin's host in a header.
 * If any host the request claims is a tenant host, it is a tenant request (fails closed).
 */
export default class SiteHostMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if (requestHosts(ctx.request).some((host) => isSiteHost(host))) {
      const parsed = ctx.request.parsedUrl
      parsed.pathname =
        `${SITE_PREFIX}${parsed.pathname === '/' ? '' : parsed.pathname}` || SITE_PREFIX
    } else if (ctx.request.url().startsWith(SITE_PREFIX)) {
      /** The site routes are not addressable on the admin domain. */
      ctx.request.parsedUrl.pathname = '/__not_a_route__'
    }
    return next()
  }
}
