import type { HttpContext } from '@adonisjs/core/http'
import RecordConsent from '#actions/consents/record_consent'
import { randomUUID } from 'node:crypto'
import edge from 'edge.js'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import RecordBeacon from '#actions/tracking/record_beacon'
import RenderPublicStep from '#actions/public/render_public_step'
import { pageLocale } from '#services/step_renderer'
import { assignVariant, runningSplitTest } from '#services/split_assignment'
import { metaCookies, visitorSessionId } from '#services/visitor_session'
import { leadValidator } from '#validators/lead'
import { t } from '#services/i18n'
import { clientIp } from '#services/client_ip'
import { textOrNull, URL_MAX_LENGTH } from '#services/public_input'

/** The public side of a funnel: its step pages and the capture form, on the workspace's host. */
export default class PagesController {
  /** `GET /{funnel}` (first active step) and `GET /{funnel}/{step}`. */
  async show(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    const page = await ResolveFunnelPage.handle({
      workspace,
      funnelSlug: params.funnelSlug,
      stepSlug: params.stepSlug,
    })
    if (!page) return this.#notFound(ctx)
    const { funnel, step, steps, checkoutConfig, pixels, publicationId } = page
    /**
     * A step under an A/B split test shows the visitor's variant, chosen here from its cookie
     * or the hash of its id (issue 16): no extra round trip, one cached page per variant.
     */
    const split = await runningSplitTest(workspace.id, step.id)
    const variant = split ? assignVariant(ctx, split) : null
    const { body, etag } = await RenderPublicStep.handle({
      workspace,
      funnel,
      step,
      steps,
      checkoutConfig,
      pixels,
      variant,
      publicationId,
    })

    response.header('Content-Type', 'text/html; charset=utf-8')
    response.header('ETag', etag)
    /** A variant page depends on the visitor's cookie: no shared cache may keep one for all. */
    response.header(
      'Cache-Control',
      `${variant ? 'private' : 'public'}, max-age=0, must-revalidate`
    )
    response.header('Vary', variant ? 'Accept-Encoding, Cookie' : 'Accept-Encoding')
    if (request.header('if-none-match') === etag) return response.notModified()
    /** The cached bytes: no per-request encoding of the page (see page_cache.ts). */
    return response.send(body)
  }

  /**
   * `POST /{funnel}/{step}` of a capture step: stores the lead on the visitor (through the same
   * buffer as the beacons) and goes to the next step. Works without JavaScript.
   */
  async capture(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    const page = await ResolveFunnelPage.handle({
      workspace,
      funnelSlug: params.funnelSlug,
      stepSlug: params.stepSlug,
    })
    if (!page || page.step.stepType !== 'capture') return this.#notFound(ctx)
    const { funnel, step, steps } = page

    const wanted = ((step.content as Record<string, unknown>).fields as string[]) ?? []
    const [error, data] = await leadValidator.tryValidate(request.body())
    const missing = wanted.filter((field) => !data?.[field as 'name' | 'email' | 'phone'])
    if (error || missing.length) {
      return response.redirect().toPath(`/${funnel.slug}/${step.slug}?erro=1`)
    }

    const lead = Object.fromEntries(wanted.map((field) => [field, data![field as 'name']]))
    await RecordBeacon.handle({
      workspace,
      sessionId: visitorSessionId(ctx),
      ip: clientIp(request),
      userAgent: request.header('user-agent') ?? null,
      metaCookies: metaCookies(ctx),
      events: [
        {
          id: data!.fd_event_id ?? randomUUID(),
          type: 'form_submit',
          funnelId: funnel.id,
          stepId: step.id,
          url: textOrNull(request.header('referer'), URL_MAX_LENGTH) ?? undefined,
          data: { lead },
        },
      ],
    })
    await RecordConsent.handle({
      workspace,
      context: 'capture',
      given: request.input('consent'),
      sessionId: visitorSessionId(ctx),
      stepId: step.id,
      email: data!.email ?? null,
      ip: clientIp(request),
    })
    const next = ResolveFunnelPage.nextStep(steps, step)
    return response
      .redirect()
      .status(303)
      .toPath(next ? `/${funnel.slug}/${next.slug}` : `/${funnel.slug}/${step.slug}`)
  }

  async #notFound({ response, workspace }: HttpContext) {
    const locale = pageLocale(workspace)
    const html = await edge.render('site/not_found', {
      lang: locale,
      title: t(locale, 'site.not_found.title'),
      text: t(locale, 'site.not_found.text'),
    })
    return response.status(404).header('Content-Type', 'text/html; charset=utf-8').send(html)
  }
}
