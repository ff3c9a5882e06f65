import { test } from '@japa/runner'
import Payment from '#models/payment'
import FunnelStep from '#models/funnel_step'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { publish } from '#tests/helpers/publish'
import { isValidBrCode } from '#services/br_code'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

async function paidOrder(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const made = await sellingFunnel(tenant.workspace)
  const host = `${slug}.localhost`
  await FunnelStep.query()
    .where('id', made.steps.upsell.id)
    .update({
      content: JSON.stringify({
        ...made.steps.upsell.content,
        declineStepId: made.steps.thankyou.id,
      }),
    })
  await publish(made.funnel)
  const response = await siteRequest(host, `/_funil/checkout/${made.checkout.id}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ ...BUYER, bumps: [0] }),
  })
  const token = JSON.parse(response.body).payment.token as string
  const parent = await Payment.query().where('public_token', token).firstOrFail()
  return { ...tenant, ...made, host, parent }
}

const accept = (host: string, stepId: number, payment?: string) =>
  siteRequest(host, `/_funil/upsell/${stepId}/accept`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(payment ? { payment } : {}),
  })

test.group('Upsell: one click, pre-filled', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('accepting creates a new PIX for the offer with the buyer of the paid order', async ({
    assert,
  }) => {
    const { host, workspace, parent, steps, funnel } = await paidOrder()
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: parent.id,
      to: 'paid',
      source: 'admin',
    })
    const page = await siteRequest(
      host,
      `/${funnel.slug}/${steps.upsell.slug}?p=${parent.publicToken}`
    )
    assert.include(page.body, `data-upsell-accept="${steps.upsell.id}"`)
    assert.match(
      page.body,
      new RegExp(`data-test="upsell-decline" href="/${funnel.slug}/${steps.thankyou.slug}"`)
    )

    const response = await accept(host, steps.upsell.id, parent.publicToken)
    assert.equal(response.status, 201)
    const created = JSON.parse(response.body).payment
    const upsell = await Payment.query().where('public_token', created.token).firstOrFail()
    assert.equal(upsell.parentPaymentId, parent.id)
    assert.equal(upsell.stepId, steps.upsell.id)
    assert.equal(upsell.amountCents, 49700)
    assert.deepEqual(upsell.items, [
      { kind: 'upsell', name: 'Mentoria VIP', priceCents: 49700, quantity: 1 },
    ])
    assert.deepEqual(upsell.customerData, parent.customerData)
    assert.isTrue(isValidBrCode(upsell.pixCode!))
    /** The parent keeps its own lines: product and bump. */
    assert.deepEqual(
      parent.items.map((i) => i.kind),
      ['product', 'bump']
    )

    const again = await accept(host, steps.upsell.id, parent.publicToken)
    assert.equal(JSON.parse(again.body).payment.token, created.token, 'no second charge')
    /** From the upsell payment's own token too (a downsell page may carry it). */
    const viaChild = await accept(host, steps.upsell.id, created.token)
    assert.equal(JSON.parse(viaChild.body).payment.token, created.token)
    assert.lengthOf(await Payment.query().where('parent_payment_id', parent.id), 1)

    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: upsell.id,
      to: 'paid',
      source: 'admin',
    })
    const status = JSON.parse((await siteRequest(host, `/_funil/pay/${created.token}/status`)).body)
    assert.equal(status.nextUrl, `/${funnel.slug}/${steps.thankyou.slug}?p=${created.token}`)
  })

  test('ten concurrent accepts of the same offer make one charge', async ({ assert }) => {
    const { host, workspace, parent, steps } = await paidOrder('loja-corrida')
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: parent.id,
      to: 'paid',
      source: 'admin',
    })
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => accept(host, steps.upsell.id, parent.publicToken))
    )
    assert.deepEqual(
      [...new Set(responses.map((response) => response.status))].filter((s) => s >= 300),
      [],
      'no click fails'
    )
    const tokens = new Set(responses.map((response) => JSON.parse(response.body).payment.token))
    assert.equal(tokens.size, 1, 'every click gets the same charge')
    const charges = await Payment.query().where('parent_payment_id', parent.id)
    assert.lengthOf(charges, 1)
  })

  test('refused while the order is unpaid, without an order, or with another shop’s order', async ({
    assert,
  }) => {
    const acme = await paidOrder('acme')
    const beta = await paidOrder('beta')
    const unpaid = await accept(acme.host, acme.steps.upsell.id, acme.parent.publicToken)
    assert.equal(unpaid.status, 409)
    assert.include(JSON.parse(unpaid.body).errors[0].message, 'ainda não foi confirmado')

    assert.equal((await accept(acme.host, acme.steps.upsell.id)).status, 422)
    await ApplyPaymentTransition.handle({
      workspaceId: beta.workspace.id,
      paymentId: beta.parent.id,
      to: 'paid',
      source: 'admin',
    })
    assert.equal(
      (await accept(acme.host, acme.steps.upsell.id, beta.parent.publicToken)).status,
      422
    )
    assert.equal(
      (await accept(acme.host, beta.steps.upsell.id, beta.parent.publicToken)).status,
      404
    )
    assert.equal((await accept(acme.host, acme.checkout.id, acme.parent.publicToken)).status, 404)
    assert.lengthOf(await Payment.query().whereNotNull('parent_payment_id'), 0)
  })
})
