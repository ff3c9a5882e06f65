import type Payment from '#models/payment'
import Funnel from '#models/funnel'
import CheckoutConfig from '#models/checkout_config'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import { liveSite } from '#services/funnel_publication'

/**
 * Where a buyer goes once a payment is paid. After a checkout: the configured upsell step,
 * else the next active step. After an upsell: its "accept" step, else the next active step.
 * The URL carries the payment's token (`?p=`) so an upsell page can offer its one-click charge.
 */
export default class PaymentNextStep {
  static async handle(payment: Payment) {
    const funnel = payment.funnelId
      ? await Funnel.forWorkspace(payment.workspaceId).where('id', payment.funnelId).first()
      : null
    if (!funnel) return { url: null, checkoutUrl: null }
    /**
     * The published version's steps and upsell link, as the buyer's pages were; a funnel never
     * published (a payment made through the API on a draft) follows its draft.
     */
    const site = await liveSite(funnel)
    const steps = site ? site.steps : await funnel.related('steps').query().where('is_active', true)
    const step = steps.find((s) => s.id === payment.stepId)
    const checkoutUrl = step ? `/${funnel.slug}/${step.slug}` : null
    if (!step) return { url: null, checkoutUrl }

    let wanted: unknown = null
    if (step.stepType === 'checkout') {
      const config = site
        ? site.configs.get(step.id)
        : await CheckoutConfig.forWorkspace(payment.workspaceId).where('step_id', step.id).first()
      wanted = config?.upsellConfig?.stepId
    } else if (step.stepType === 'upsell') {
      wanted = (step.content as Record<string, unknown>)?.acceptStepId
    }
    const target =
      steps.find((s) => s.id === Number(wanted) && s.id !== step.id) ??
      ResolveFunnelPage.nextStep(steps, step)
    return {
      url: target ? `/${funnel.slug}/${target.slug}?p=${payment.publicToken}` : null,
      checkoutUrl,
    }
  }
}
