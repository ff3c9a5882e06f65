import type { HttpContext } from '@adonisjs/core/http'
import { askCallerAllowed, askCallerOf } from '#services/caddy_ask'
import { findServedDomain, normalizeDomainName } from '#services/served_domains'
import { t } from '#services/i18n'

/**
 * Caddy's on-demand TLS `ask` (Caddyfile: `on_demand_tls { ask …/_caddy/ask }`): before it
 * obtains a certificate for a name it has not seen, Caddy calls `GET /_caddy/ask?domain=<name>`
 * and goes ahead only on a 2xx. 200 for a name we serve (a verified custom domain, a live
 * workspace's `{slug}.{PUBLIC_DOMAIN}`, the admin); 404 for any other; 400 for what is not a
 * domain name; 403 for a caller that is not Caddy (see askCallerAllowed).
 */
export default class CaddyController {
  async ask(ctx: HttpContext) {
    const { request, response } = ctx
    response.header('Cache-Control', 'no-store')
    const fail = (status: number, rule: string, key: string, domain = '') =>
      response.status(status).send({
        errors: [{ field: 'domain', rule, message: t(ctx.locale, key, { domain }) }],
      })

    if (!askCallerAllowed(askCallerOf(request))) {
      return fail(403, 'forbidden', 'domains.ask.forbidden')
    }
    const domain = normalizeDomainName(request.qs().domain)
    if (!domain) return fail(400, 'malformed', 'domains.ask.malformed')
    const served = await findServedDomain(domain)
    if (!served) return fail(404, 'unknown', 'domains.ask.unknown', domain)
    return response.ok({ domain, kind: served.kind })
  }
}
