import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import FunnelStep from '#models/funnel_step'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import ExpirePayment from '#actions/payments/expire_payment'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import env from '#start/env'

test.group('PIX page: paid after our expiry', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('a page showing "expirado" keeps listening and sends the buyer on when the payment arrives late', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-tarde' })
    const { funnel, checkout, steps } = await sellingFunnel(workspace)
    await FunnelStep.query().where('id', steps.upsell.id).update({ is_active: false })
    await publish(funnel)
    const created = await fetch(`${serverUrl()}/api/payments/create`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${await apiToken(owner, workspace)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER }),
    })
    const { payment: made } = (await created.json()) as { payment: { id: number } }
    await Payment.query()
      .where('id', made.id)
      .update({ expires_at: DateTime.now().minus({ seconds: 5 }).toSQL() })
    await ExpirePayment.handle({ workspaceId: workspace.id, paymentId: made.id })
    const payment = await Payment.findOrFail(made.id)
    assert.equal(payment.status, 'expired')

    const host = `http://loja-tarde.localhost:${env.get('PORT', 3334)}`
    /**
     * The page's live stream is open once its answer's headers arrive: the server subscribes
     * the stream before answering, so a late payment applied after that reaches the page.
     */
    const streamOpen = browserContext.waitForEvent('response', {
      predicate: (response) => response.url().includes(`/_funil/pay/${payment.publicToken}/events`),
      timeout: 15_000,
    })
    const page = await visit(`${host}/_funil/pay/${payment.publicToken}`)
    await page.assertTextContains('[data-test="pay-status"]', 'expirou')
    await streamOpen

    /** The gateway took the money after our countdown: honoured like any payment. */
    const outcome = await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'webhook',
    })
    assert.isTrue(outcome.applied)
    await page.waitForURL(new RegExp(`\\?p=${payment.publicToken}$`), { timeout: 15_000 })
    assert.include(page.url(), `/${funnel.slug}/`)
  })
})
