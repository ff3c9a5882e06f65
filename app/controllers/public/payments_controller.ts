import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import edge from 'edge.js'
import { errors as vineErrors } from '@vinejs/vine'
import transmit from '@adonisjs/transmit/services/main'
import type Workspace from '#models/workspace'
import SubmitCheckout from '#actions/checkout/submit_checkout'
import AcceptUpsell from '#actions/payments/accept_upsell'
import LookupCpf from '#actions/payments/lookup_cpf'
import { isValidCpf } from '@brazilian-utils/brazilian-utils'
import PaymentNextStep from '#actions/payments/payment_next_step'
import PaymentPageView from '#actions/payments/payment_page_view'
import { DomainError } from '#exceptions/domain_error'
import { wantsJson } from '#services/wants_json'
import RecordPaymentVariant from '#actions/split_tests/record_payment_variant'
import { requestVariant, variantCheckoutConfig } from '#services/split_assignment'
import { VISITOR_COOKIE, visitorSessionId } from '#services/visitor_session'
import { trackingCookies } from '#services/attribution'
import { channels } from '#services/realtime'
import { applyCouponValidator } from '#validators/payment'
import { formatBRL } from '#services/money'
import { clientIp } from '#services/client_ip'
import { boundedId, scalarText } from '#services/public_input'
import { publishedStep } from '#services/funnel_publication'

const TOKEN = /^[0-9a-f]{32}$/

/**
 * The buyer's side of a payment, on the workspace's host: the checkout submission, the PIX page
 * (QR code, copy-and-paste code, countdown) with its live status stream and status poll, and
 * the one-click upsell. JSON for the page's script, redirects for browsers without JavaScript.
 * A gateway failure is a friendly message, never a stack.
 */
export default class PublicPaymentsController {
  /** `POST /_funil/checkout/:stepId`: validates the buyer, prices on the server, creates the charge. */
  async checkout(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    const found = await this.#checkoutStep(workspace, boundedId(Number(params.stepId)))
    if (!found) return this.#fail(ctx, 404, 'errors.not_found')
    const { funnel, step } = found
    /**
     * Priced with the published configuration, the one the public page shows — or, under an
     * A/B test, with what the buyer's variant showed (issue 16).
     */
    const variant = await requestVariant(ctx, workspace.id, step.id)
    const config = variantCheckoutConfig(found.config, variant)
    const back = `/${funnel.slug}/${step.slug}`

    try {
      const payment = await SubmitCheckout.handle({
        workspace,
        funnel,
        step,
        config,
        buyer: request.body(),
        visitor: { sessionId: visitorSessionId(ctx) },
        attribution: {
          cookies: trackingCookies(ctx),
          ip: clientIp(request),
          userAgent: request.header('user-agent') ?? null,
          /** The browser came with the visitor cookie: its beacons will write that visitor. */
          visitorExpected: Boolean(request.plainCookie(VISITOR_COOKIE, { encoded: false })),
        },
        source: 'checkout',
        consent: {
          given: request.input('consent'),
          sessionId: visitorSessionId(ctx),
          ip: clientIp(request),
        },
        session: { sessionId: visitorSessionId(ctx), recoverToken: request.input('recover') },
      })
      await RecordPaymentVariant.handle(workspace, payment, variant)
      const payUrl = `/_funil/pay/${payment.publicToken}`
      if (!wantsJson(ctx)) return response.redirect().status(303).toPath(payUrl)
      return response.created({
        payment: { token: payment.publicToken, status: payment.status, payUrl },
      })
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR && !wantsJson(ctx)) {
        return response.redirect().status(303).toPath(`${back}?erro=1`)
      }
      /** The handler renders it (JSON or the message page), offering this checkout again. */
      throw DomainError.of(error)?.returningTo(back) ?? error
    }
  }

  /**
   * `POST /_funil/checkout/:stepId/coupon`: the "Aplicar" button (and a `?cupom=` link): the
   * checkout's price with the coupon for the ticked bumps, computed here like the submission
   * will. Nothing is reserved: the submission takes the use (and checks the per-buyer limit).
   */
  async applyCoupon(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    const found = await this.#checkoutStep(workspace, boundedId(Number(params.stepId)))
    if (!found) return this.#fail(ctx, 404, 'errors.not_found')
    /** Priced like the submission: with the checkout the buyer's A/B variant shows. */
    const config = variantCheckoutConfig(
      found.config,
      await requestVariant(ctx, workspace.id, found.step.id)
    )
    const data = await request.validateUsing(applyCouponValidator)
    response.header('Cache-Control', 'no-store')
    try {
      const price = await SubmitCheckout.price({
        workspace,
        funnel: found.funnel,
        step: found.step,
        config,
        ...data,
      })
      return {
        coupon: {
          code: price.couponCode,
          subtotalCents: price.subtotalCents,
          discountCents: price.discountCents,
          totalCents: price.totalCents,
          subtotal: formatBRL(price.subtotalCents),
          discount: formatBRL(-price.discountCents),
          total: formatBRL(price.totalCents),
        },
      }
    } catch (error) {
      throw DomainError.of(error) ?? error
    }
  }

  /** `POST /_funil/upsell/:stepId/accept`: a new PIX for the offer, pre-filled from the paid order. */
  async acceptUpsell(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    const token = scalarText(request.input('payment'), 64)
    const stepId = boundedId(Number(params.stepId))
    if (stepId === null) return this.#fail(ctx, 404, 'errors.not_found')
    try {
      const payment = await AcceptUpsell.handle({
        workspace,
        stepId,
        parentToken: TOKEN.test(token) ? token : null,
      })
      const payUrl = `/_funil/pay/${payment.publicToken}`
      if (!wantsJson(ctx)) return response.redirect().status(303).toPath(payUrl)
      return response.created({
        payment: { token: payment.publicToken, status: payment.status, payUrl },
      })
    } catch (error) {
      throw DomainError.of(error) ?? error
    }
  }

  /**
   * `POST /_funil/cpf`: the buyer's name from a valid CPF, for workspaces with CPF lookup. Always
   * 200 with `{ name }` (null when off, unknown or failing): the checkout never waits on it.
   */
  async cpf(ctx: HttpContext) {
    const { request, response, workspace } = ctx
    const cpf = scalarText(request.input('cpf'), 32).replace(/\D/g, '')
    response.header('Cache-Control', 'no-store')
    if (cpf.length !== 11 || !isValidCpf(cpf)) return { name: null }
    const person = await LookupCpf.handle({
      workspace,
      cpf,
      sessionId: visitorSessionId(ctx),
      ip: clientIp(request),
    })
    return { name: person?.name ?? null }
  }

  /** `GET /_funil/pay/:token`: the PIX page. Once paid, it sends the buyer on (meta refresh without JS). */
  async show(ctx: HttpContext) {
    const { params, response, workspace } = ctx
    const payment = await this.#payment(workspace, params.token)
    if (!payment) return this.#fail(ctx, 404, 'errors.not_found')
    const html = await edge.render(
      'payments/pay',
      await PaymentPageView.handle({ workspace, payment })
    )
    response.header('Cache-Control', 'no-store')
    response.header('X-Robots-Tag', 'noindex')
    response.header('Referrer-Policy', 'same-origin')
    return response.header('Content-Type', 'text/html; charset=utf-8').send(html)
  }

  /** `GET /_funil/pay/:token/status`: the poll fallback of the page. */
  async status(ctx: HttpContext) {
    const { params, response, workspace } = ctx
    const payment = await this.#payment(workspace, params.token)
    if (!payment) return this.#fail(ctx, 404, 'errors.not_found')
    const next = payment.status === 'paid' ? await PaymentNextStep.handle(payment) : null
    response.header('Cache-Control', 'no-store')
    return {
      status: payment.status,
      /** The thank-you page's Purchase (when the PIX page did not fire it) reports these. */
      value: payment.amountCents / 100,
      currency: payment.currency ?? 'BRL',
      paidAt: payment.paidAt?.toISO() ?? null,
      expiresAt: payment.expiresAt?.toISO() ?? null,
      nextUrl: next?.url ?? null,
    }
  }

  /**
   * `GET /_funil/pay/:token/events`: Server-Sent Events of the payment's Transmit channel
   * (`payments/{token}`), in one request: the stream is created and subscribed server-side, so
   * the page needs neither Transmit's client nor the admin host's `/__transmit` routes.
   */
  async events(ctx: HttpContext) {
    const payment = await this.#payment(ctx.workspace, ctx.params.token)
    if (!payment) return this.#fail(ctx, 404, 'errors.not_found')
    const uid = randomUUID()
    const stream = transmit.createStream({
      uid,
      context: ctx,
      request: ctx.request.request,
      response: ctx.response.response,
      injectResponseHeaders: ctx.response.getHeaders(),
    })
    await transmit.subscribe({ uid, channel: channels.payment(payment.publicToken), context: ctx })
    return ctx.response.stream(stream)
  }

  /** The published checkout step and its published configuration (issue 18 item 4). */
  async #checkoutStep(workspace: Workspace, stepId: number | null) {
    /** Beyond int4 is no step of ours (and would be a PostgreSQL range error). */
    if (stepId === null) return null
    return publishedStep(workspace, stepId, 'checkout')
  }

  #payment(workspace: Workspace, token: unknown) {
    if (typeof token !== 'string' || !TOKEN.test(token)) return null
    return workspace.related('payments').query().where('public_token', token).first()
  }

  /** Rendered by the exception handler like every DomainError (JSON for the script, else a page). */
  #fail(_ctx: HttpContext, status: number, key: string): never {
    throw new DomainError(status, status === 404 ? 'not_found' : 'payment', key)
  }
}
