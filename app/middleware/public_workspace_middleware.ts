import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors } from '@adonisjs/core'
import { resolveWorkspaceByHost } from '#services/tenant_host'
import { requestHost } from '#services/request_host'
import { pageLocale } from '#services/step_renderer'

/**
 * Public funnel side: the workspace is the request's host (`{slug}.{APP_DOMAIN}` or a verified
 * custom domain; X-Forwarded-Host only from a trusted proxy). An unknown host is a 404, so one
 * workspace's funnels never answer on another's host. The request's language is the workspace's
 * page language, so validation messages (start/validator.ts) speak the page's language.
 */
export default class PublicWorkspaceMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const workspace = await resolveWorkspaceByHost(requestHost(ctx.request) ?? undefined)
    if (!workspace) {
      throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
    }
    ctx.workspace = workspace
    ctx.locale = pageLocale(workspace)
    return next()
  }
}
