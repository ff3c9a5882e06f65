import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { VisitorEventFactory } from '#database/factories/visitor_event_factory'
import { aPayment } from '#tests/functional/payments/helpers'
import type Workspace from '#models/workspace'

export const CPF = '12398224705'

/** A lead who saw the capture page, left her data, generated a PIX, paid it; UTMify was told. */
export async function story(workspace: Workspace) {
  const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    name: 'Checkout',
  }).create()
  const visitor = await VisitorFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    currentStepId: step.id,
    lead: { email: 'maria@exemplo.com', name: 'Maria Souza', phone: '11987654321', cpf: CPF },
  }).create()
  await visitor.refresh()
  const at = (minutes: number) => DateTime.now().minus({ minutes })
  for (const [type, minutes] of [
    ['page_view', 30],
    ['form_submit', 28],
  ] as const) {
    await VisitorEventFactory.merge({
      workspaceId: workspace.id,
      visitorId: visitor.id,
      funnelId: funnel.id,
      stepId: step.id,
      eventType: type,
      eventId: randomUUID(),
      createdAt: at(minutes),
    }).create()
  }
  const payment = await aPayment(workspace, {
    funnelId: funnel.id,
    stepId: step.id,
    visitorId: visitor.id,
    status: 'paid',
    amountCents: 19700,
    customerData: {
      name: 'Maria Souza',
      email: 'maria@exemplo.com',
      phone: '5511987654321',
      cpf: CPF,
    },
    gatewayResponse: { customer: { document: { number: CPF } } },
    createdAt: at(20),
    paidAt: at(10),
  })
  await db.table('postback_deliveries').insert({
    workspace_id: workspace.id,
    target: 'utmify',
    event: 'paid',
    payment_id: payment.id,
    visitor_id: visitor.id,
    dedupe_key: `utmify:${payment.id}:paid`,
    status: 'succeeded',
    created_at: at(9).toJSDate(),
    updated_at: at(9).toJSDate(),
    delivered_at: at(9).toJSDate(),
  })
  return { visitor, payment, step }
}
