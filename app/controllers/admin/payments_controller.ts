import { asJson } from '#types/json'
import type { HttpContext } from '@adonisjs/core/http'
import ListPayments from '#actions/payments/list_payments'
import FindPayment from '#actions/payments/find_payment'
import MarkSandboxPayment from '#actions/payments/mark_sandbox_payment'
import RefreshPayment from '#actions/payments/refresh_payment'
import { deliveryRows } from '#actions/postbacks/list_deliveries'
import { buyerEmailRows } from '#actions/buyer_emails/list_buyer_emails'
import PaymentTransformer from '#transformers/payment_transformer'
import DeliveryTransformer from '#transformers/delivery_transformer'
import PaymentTransitionTransformer from '#transformers/payment_transition_transformer'
import WebhookEventTransformer from '#transformers/webhook_event_transformer'
import { pageOf } from '#services/pagination'
import { presentPersonalData, scrubCpf, seesFullCpf } from '#services/personal_data'
import { t } from '#services/i18n'
import { markSandboxValidator, paymentFiltersValidator } from '#validators/payment'
import { serialize } from '#services/serialize'

/** `/w/:workspaceSlug/payments`: list with filters and totals, detail with its timeline, actions. */
export default class PaymentsController {
  async index({ inertia, request, workspace }: HttpContext) {
    const [, filters] = await paymentFiltersValidator.tryValidate(request.qs())
    const { payments, totals } = await ListPayments.handle({ workspace, filters: filters ?? {} })
    const funnels = await workspace.related('funnels').query().select('id', 'name').orderBy('name')
    const day = (value?: Date) => (value ? value.toISOString().slice(0, 10) : null)
    return inertia.render('payments/index', {
      payments: await pageOf(payments, (rows) => PaymentTransformer.transform(rows)),
      totals,
      funnels: funnels.map((funnel) => ({ id: funnel.id, name: funnel.name })),
      filters: {
        status: filters?.status ?? null,
        funnelId: filters?.funnelId ?? null,
        from: day(filters?.from),
        to: day(filters?.to),
      },
    })
  }

  async show({ inertia, params, workspace, workspaceRole }: HttpContext) {
    const payment = await this.#find(workspace, params.id)
    await payment.load('funnel')
    const [transitions, webhookEvents, children, deliveries] = await Promise.all([
      payment.related('transitions').query().orderBy('created_at').orderBy('id'),
      workspace
        .related('webhookEvents')
        .query()
        .where((q) => {
          q.where('payment_id', payment.id)
          if (payment.externalId) {
            q.orWhere((inner) =>
              inner.where('gateway', payment.gateway).where('external_id', payment.externalId!)
            )
          }
        })
        .orderBy('received_at')
        .limit(100),
      workspace.related('payments').query().where('parent_payment_id', payment.id).orderBy('id'),
      /** Its postbacks (UTMify, ad platforms, webhooks), endpoint names included: one query. */
      deliveryRows(workspace)
        .where('payment_id', payment.id)
        .orderBy('created_at')
        .orderBy('id')
        .limit(100),
    ])
    const scrub = <T>(value: T) =>
      seesFullCpf(workspaceRole) ? value : scrubCpf(value, payment.customerData?.cpf)
    /** "Falha no gateway" or "Recusado": the reason its `failed` transition recorded. */
    payment.$extras.failure_reason = transitions.findLast(
      (transition) => transition.toStatus === 'failed'
    )?.details?.reason
    const detail = await serialize(PaymentTransformer.transform(payment).useVariant('detail'))
    return inertia.render('payments/show', {
      payment: {
        ...detail,
        /** Formatted phone/CPF; the CPF masked for editors and viewers (personal_data). */
        customer: presentPersonalData(detail.customer, workspaceRole),
        gatewayResponse: asJson(scrub(payment.gatewayResponse ?? {})),
      },
      transitions: PaymentTransitionTransformer.transform(transitions),
      webhookEvents: scrub(await serialize(WebhookEventTransformer.transform(webhookEvents))),
      /** Not `children`: React reserves that prop name, and the page contract drops it. */
      childPayments: PaymentTransformer.transform(children),
      deliveries: DeliveryTransformer.transform(deliveries),
      buyerEmails: await buyerEmailRows(workspace, payment.id),
    })
  }

  /** "Marcar como pago" / "Recusar" (sandbox): through the webhook inbox, like a real postback. */
  async mark({ params, request, response, session, workspace, locale }: HttpContext) {
    const payment = await this.#find(workspace, params.id)
    const { status } = await request.validateUsing(markSandboxValidator)
    /** Settled meanwhile (another tab, a webhook): the handler flashes it on this page. */
    await MarkSandboxPayment.handle({ workspace, payment, status })
    session.flash(
      'success',
      t(locale, status === 'paid' ? 'payments.marked_paid' : 'payments.marked_refused')
    )
    return response.redirect().back()
  }

  /** "Reconsultar gateway": reads the charge now and applies what the gateway says. */
  async refresh({ params, response, session, workspace, locale }: HttpContext) {
    const payment = await this.#find(workspace, params.id)
    /** A gateway failure is the handler's (one mapping): the message flashed on this page. */
    const outcome = await RefreshPayment.handle({ payment })
    session.flash(
      'success',
      t(locale, outcome.applied ? 'payments.refreshed_changed' : 'payments.refreshed_same', {
        status: t(locale, `payments.status.${outcome.payment.status}`),
        gatewayStatus: outcome.gatewayStatus,
      })
    )
    return response.redirect().back()
  }

  #find(workspace: HttpContext['workspace'], id: string) {
    return FindPayment.handle({ workspace, key: id })
  }
}
