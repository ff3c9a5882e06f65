import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import UserTransformer from '#transformers/user_transformer'
import WorkspaceTransformer from '#transformers/workspace_transformer'
import WorkspaceAccess from '#services/workspace_access'
import { publicDomain } from '#config/app'
import { DEFAULT_LOCALE } from '#services/i18n'
import { gatewayAlerts } from '#services/gateway_health'
import { resolveAdminBrand } from '#services/agency_brand'
import { requestHost } from '#services/request_host'

/**
 * Props every admin page receives. This middleware runs before the router's (session, auth,
 * workspace), so the props are computed lazily at render time, when those are known; a 404 can
 * render before them, hence the optional chaining.
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const { session, auth } = ctx as Partial<HttpContext>
    const user = auth?.user && 'currentAccessToken' in auth.user ? undefined : auth?.user
    const workspace = (ctx as Partial<HttpContext>).workspace
    const accessible = user ? await WorkspaceAccess.list(user) : []

    return {
      errors: ctx.inertia.always(this.#validationErrors(ctx)),
      flash: ctx.inertia.always({
        success: session?.flashMessages.get('success') as string | undefined,
        error: session?.flashMessages.get('error') as string | undefined,
        /** A reversible action's way back ("Desfazer" on the toast): a POST to this URL. */
        undo: session?.flashMessages.get('undo') as { url: string; label: string } | undefined,
      }),
      locale: ctx.inertia.always(ctx.locale ?? DEFAULT_LOCALE),
      /** The domain funnels are served on (PUBLIC_DOMAIN), for `{slug}.{domain}` hints. */
      appDomain: ctx.inertia.always(publicDomain),
      user: ctx.inertia.always(user ? UserTransformer.transform(user) : null),
      workspace: ctx.inertia.always(workspace ? WorkspaceTransformer.transform(workspace) : null),
      workspaces: ctx.inertia.always(
        WorkspaceTransformer.transform(accessible).useVariant('summary')
      ),
      /** White-label: the agency's name, logo, favicon and colour, or the product's own. */
      brand: ctx.inertia.always(
        await resolveAdminBrand({
          host: requestHost(ctx.request),
          userId: user?.id ?? null,
          agencyId: workspace?.agencyId ?? null,
        })
      ),
      /** Failing payment gateway credentials: the banner on dashboard, funnel and checkout pages. */
      gatewayAlerts: user && workspace ? await gatewayAlerts(workspace.id) : [],
    }
  }

  /**
   * Validation errors of the last form post. With an error bag the base class answers
   * `{ bag: {} }` even when there is nothing wrong, which the client reads as a failed visit:
   * no errors means `{}`.
   */
  #validationErrors(ctx: HttpContext) {
    const errors = this.getValidationErrors(ctx) as Record<string, unknown>
    const empty = Object.values(errors).every(
      (value) => typeof value === 'object' && value !== null && Object.keys(value).length === 0
    )
    return (empty ? {} : errors) as Record<string, string>
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

declare module '@adonisjs/inertia/types' {
  type MiddlewareSharedProps = InferSharedProps<InertiaMiddleware>
  export interface SharedProps extends MiddlewareSharedProps {}
}
