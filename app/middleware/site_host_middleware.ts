import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isSiteHost, SITE_PREFIX } from '#services/site_host'
import { requestHosts } from '#services/request_host'
import { agencyByAdminHost } from '#services/agency_brand'
import { publicDomain } from '#config/app'
import { publicEdge } from '#services/public_edge'

/**
 * Server middleware: a request on a tenant host (`{slug}.{APP_DOMAIN}` or a custom domain) is
 * routed to the public site routes, registered under SITE_PREFIX, by prefixing its path before
 * the router runs. The admin and the API are therefore unreachable on tenant hosts, and a funnel
 * slug can never collide with an admin path such as /login.
 *
 * The host is the Host header, or X-Forwarded-Host only from a trusted proxy (TRUSTED_PROXIES):
 * a page on a workspace host cannot reach the admin by naming the admin's host in a header.
 * If any host the request claims is a tenant host, it is a tenant request (fails closed).
 *
 * A tenant request is then served by the public edge (#services/public_edge) without going
 * further down the server stack (static files, CORS, Vite, Inertia) or through the router's
 * global stack: the same routes, route middleware and controllers, a much shorter path.
 */
export default class SiteHostMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await this.#isTenantRequest(ctx)) {
      const parsed = ctx.request.parsedUrl
      parsed.pathname =
        `${SITE_PREFIX}${parsed.pathname === '/' ? '' : parsed.pathname}` || SITE_PREFIX
      try {
        return await publicEdge.dispatch(ctx)
      } catch (error) {
        await publicEdge.prepareForError(ctx)
        throw error
      }
    } else if (ctx.request.url().startsWith(SITE_PREFIX)) {
      /** The site routes are not addressable on the admin domain. */
      ctx.request.parsedUrl.pathname = '/__not_a_route__'
    }
    return next()
  }

  /**
   * Whether any claimed host serves funnels. An agency's verified admin domain
   * (`painel.agencia.com.br`) is the admin, white-labelled, not a funnel host: only a verified
   * one, so typing a domain on an agency never takes it away from the funnels it serves.
   */
  async #isTenantRequest(ctx: HttpContext) {
    for (const host of requestHosts(ctx.request)) {
      if (isSiteHost(host) && !(await this.#isAgencyAdminHost(host))) return true
    }
    return false
  }

  /** `{slug}.{PUBLIC_DOMAIN}` is never an admin domain (the validator refuses it): no lookup. */
  async #isAgencyAdminHost(host: string) {
    if (host.endsWith(`.${publicDomain}`)) return false
    try {
      return (await agencyByAdminHost(host)) !== null
    } catch {
      /** Database away: the host stays a funnel host (fails closed, funnels keep serving). */
      return false
    }
  }
}
