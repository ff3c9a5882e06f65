import env from '#start/env'
import { DateTime } from 'luxon'
import { buildStaticBrCode, qrSvg, sandboxPixKey } from '#services/br_code'
import { createTenant } from '#tests/helpers/tenants'
import { story } from '#tests/helpers/visitor_story'
import { aPayment, sellingFunnel } from '#tests/functional/payments/helpers'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { CONTENT } from '#tests/functional/checkout/helpers'

/**
 * A workspace with something on every admin page (a funnel of every step type with a checkout
 * configuration, a lead who paid, a pending PIX) and the list of those pages: the GET routes of
 * start/routes/admin*.ts that render a page. Shared by the 390 px and the axe tests, so a page
 * added to one is checked by both.
 */
export async function seededAdmin() {
  const { agency, owner, workspace } = await createTenant({
    workspaceSlug: `ws-${Math.random().toString(36).slice(2, 8)}`,
  })
  const { funnel, steps, checkout } = await sellingFunnel(workspace)
  const vsl = await FunnelStepFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    orderIndex: 4,
    stepType: 'vsl',
    name: 'Etapa vsl',
    content: CONTENT.vsl as any,
  }).create()
  /** The VSL is a draft edit: published, so its public page below is live too. */
  await publish(funnel)
  const { visitor, payment } = await story(workspace)
  /** A pending PIX as the sandbox gateway leaves it: a real BR Code, its QR and an expiry. */
  const pixCode = buildStaticBrCode({
    pixKey: sandboxPixKey(workspace.id),
    merchantName: workspace.name,
    amountCents: 19700,
    txid: `shots${workspace.id}`,
  })
  const pending = await aPayment(workspace, {
    funnelId: funnel.id,
    stepId: checkout.id,
    amountCents: 19700,
    pixCode,
    pixQrSvg: await qrSvg(pixCode),
    expiresAt: DateTime.now().plus({ minutes: 30 }),
  })
  const w = `/w/${workspace.slug}`
  const adminPages: Record<string, string> = {
    'workspaces': '/workspaces',
    'profile': '/profile',
    'two-factor': '/profile/two-factor',
    'agency brand': `/agencies/${agency.id}/brand`,
    'dashboard': `${w}/dashboard`,
    'funnels': `${w}/funnels`,
    'builder': `${w}/funnels/${funnel.id}`,
    'checkout editor': `${w}/funnels/${funnel.id}/checkout/${checkout.id}`,
    'monitor': `${w}/monitor`,
    'visitors': `${w}/visitors`,
    'visitor': `${w}/visitors/${visitor.publicId}`,
    'payments': `${w}/payments`,
    'payment': `${w}/payments/${payment.id}`,
    'deliveries': `${w}/deliveries`,
    'webhooks': `${w}/webhooks`,
    'pixels': `${w}/pixels`,
    'credentials': `${w}/credentials`,
    'settings': `${w}/settings`,
    'api tokens': `${w}/settings/api-tokens`,
    'team': `${w}/team`,
    'audit': `${w}/audit`,
    'reconciliation': `${w}/reconciliation`,
    'recovery': `${w}/recovery`,
    'rejected events': `${w}/rejected-events`,
    'exports': `${w}/exports`,
    'lgpd': `${w}/lgpd`,
    'coupons': `${w}/coupons`,
  }
  const host = `http://${workspace.slug}.localhost:${env.get('PORT', 3334)}`
  const publicPages: Record<string, string> = {
    capture: `${host}/${funnel.slug}/${steps.capture.slug}`,
    vsl: `${host}/${funnel.slug}/${vsl.slug}`,
    checkout: `${host}/${funnel.slug}/${checkout.slug}`,
    pix: `${host}/_funil/pay/${pending.publicToken}`,
    upsell: `${host}/${funnel.slug}/${steps.upsell.slug}`,
    thankyou: `${host}/${funnel.slug}/${steps.thankyou.slug}`,
  }
  return { owner, workspace, funnel, adminPages, publicPages }
}
