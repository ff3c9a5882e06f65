import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import type Payment from '#models/payment'
import CheckoutConfig from '#models/checkout_config'
import Funnel from '#models/funnel'
import TrackingPixel from '#models/tracking_pixel'
import PaymentNextStep from '#actions/payments/payment_next_step'
import { formatBRL } from '#services/money'
import { t } from '#services/i18n'
import { pageLocale } from '#services/step_renderer'
import { DEFAULT_PRIMARY_COLOR } from '#services/step_renderer/checkout_data'
import { contrastColor, safeColor } from '#services/step_renderer/sanitize'
import { paymentPagePixels } from '#services/tracking_snippets'
import { fontStack, workspaceBrandSettings } from '#services/workspace_brand'

/** What the PIX page template (resources/views/payments/pay.edge) prints. */
export default class PaymentPageView {
  static async handle({ workspace, payment }: { workspace: Workspace; payment: Payment }) {
    const locale = pageLocale(workspace)
    const translate = (key: string, params: Record<string, string | number> = {}) =>
      t(locale, key, params)
    const [next, theme, pixels] = await Promise.all([
      PaymentNextStep.handle(payment),
      this.#theme(payment),
      this.#pixels(payment),
    ])
    const expiresAt = payment.expiresAt
    const secondsLeft = expiresAt
      ? Math.max(0, Math.floor(expiresAt.diff(DateTime.now()).as('seconds')))
      : 0
    return {
      t: translate,
      lang: locale,
      title: translate('pay_page.title'),
      workspaceName: workspace.name,
      /** The workspace's page font, as on its other steps. */
      theme: { ...theme, font: fontStack(workspaceBrandSettings(workspace).font) },
      payment: {
        token: payment.publicToken,
        status: payment.status,
        amount: formatBRL(payment.amountCents),
        /** What the browser Purchase reports (reais), as the server's conversions do. */
        value: payment.amountCents / 100,
        currency: payment.currency ?? 'BRL',
        items: (payment.items ?? []).map((item) => ({
          name: item.name,
          price: formatBRL(item.priceCents * item.quantity),
        })),
        /** The coupon's discount (the amount above is already net of it). */
        discount:
          payment.discountCents > 0
            ? {
                code: payment.couponCode ?? '',
                subtotal: formatBRL(
                  payment.subtotalCents ?? payment.amountCents + payment.discountCents
                ),
                amount: formatBRL(-payment.discountCents),
              }
            : null,
        pixCode: payment.pixCode,
        qrSvg: payment.pixQrSvg,
        expiresAt: expiresAt?.toISO() ?? null,
        secondsLeft,
        clock: `${String(Math.floor(secondsLeft / 60)).padStart(2, '0')}:${String(secondsLeft % 60).padStart(2, '0')}`,
        sandbox: payment.gateway === 'sandbox',
        isUpsell: payment.parentPaymentId !== null,
      },
      /** The funnel's pixels (and the checkout step's): they fire the Purchase once paid. */
      pixels: paymentPagePixels(pixels),
      nextUrl: next.url,
      checkoutUrl: next.checkoutUrl,
      urls: {
        status: `/_funil/pay/${payment.publicToken}/status`,
        events: `/_funil/pay/${payment.publicToken}/events`,
      },
    }
  }

  /** Active pixels of the payment's funnel, whole-funnel ones and those of its checkout step. */
  static async #pixels(payment: Payment) {
    if (!payment.funnelId) return []
    return TrackingPixel.forWorkspace(payment.workspaceId)
      .where('funnel_id', payment.funnelId)
      .where('is_active', true)
      .where((q) => {
        q.whereNull('step_id')
        if (payment.stepId) q.orWhere('step_id', payment.stepId)
      })
      .orderBy('id')
  }

  /** The checkout's colours (or the funnel's), as the checkout page showed them. */
  static async #theme(payment: Payment) {
    const [config, funnel] = await Promise.all([
      payment.stepId
        ? CheckoutConfig.forWorkspace(payment.workspaceId).where('step_id', payment.stepId).first()
        : null,
      payment.funnelId
        ? Funnel.forWorkspace(payment.workspaceId).where('id', payment.funnelId).first()
        : null,
    ])
    const fallback = safeColor(funnel?.settings?.primaryColor, DEFAULT_PRIMARY_COLOR)
    const primary = safeColor(config?.designConfig?.primaryColor, fallback)
    const background = safeColor(config?.designConfig?.backgroundColor, '#f4f4f5')
    return { primary, onPrimary: contrastColor(primary), background }
  }
}
