import { test } from '@japa/runner'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import FunnelStep from '#models/funnel_step'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { serverUrl } from '#tests/helpers/server'
import { isValidBrCode } from '#services/br_code'
import { emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import env from '#start/env'

test.group('PIX purchase in Chromium on a *.localhost host (sandbox gateway)', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())
  let worker: WorkerProcess | undefined
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
  })

  test('checkout with a bump → PIX page → paid elsewhere → thank-you page by itself', async ({
    visit,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-pix' })
    const { funnel, checkout, steps } = await sellingFunnel(workspace)
    /** No upsell in this funnel: the step after the checkout is the thank-you page. */
    await FunnelStep.query().where('id', steps.upsell.id).update({ is_active: false })
    await publish(funnel)
    worker = new WorkerProcess(['--queues', 'webhooks', '--queues', 'postbacks', '--no-schedules'])
    await worker.start()

    const host = `http://loja-pix.localhost:${env.get('PORT', 3334)}`
    const page = await visit(`${host}/${funnel.slug}/${checkout.slug}`)
    await page.assertTextContains('body', 'Curso de Confeitaria')
    await page.locator('input[name="name"]').fill('Maria da Silva')
    await page.locator('input[name="email"]').fill('maria@exemplo.com.br')
    await page.locator('input[name="phone"]').pressSequentially('11912345678')
    await page.locator('input[name="cpf"]').pressSequentially('52998224725')
    assert.equal(await page.locator('input[name="cpf"]').inputValue(), '529.982.247-25')
    await page.locator('input[name="bumps[]"][value="0"]').check()
    await page.assertTextContains('[data-total]', 'R$ 226,90')
    await page.locator('form[data-checkout-form] button[type="submit"]').click()

    await page.waitForURL(/\/_funil\/pay\/[0-9a-f]{32}$/)
    await page.assertTextContains('[data-test="pay-amount"]', 'R$ 226,90')
    await page.assertTextContains('[data-test="pay-status"]', 'Aguardando pagamento')
    await page.assertVisible('[data-test="pay-qr"] svg')
    await page.assertVisible('[data-test="copy-pix"]')
    assert.match(
      (await page.locator('[data-test="pay-countdown"]').textContent()) ?? '',
      /^(29:\d\d|30:00)$/
    )
    const code = await page.locator('[data-test="pix-code"]').inputValue()
    assert.isTrue(isValidBrCode(code), 'a BR Code a banking app accepts')

    const token = page.url().split('/').pop()!
    const payment = await Payment.query().where('public_token', token).firstOrFail()
    assert.equal(payment.amountCents, 22690)
    assert.deepEqual(
      payment.items.map((i) => [i.kind, i.name]),
      [
        ['product', 'Curso de Confeitaria'],
        ['bump', 'Apostila impressa'],
      ]
    )

    /** Every navigation of the buyer's tab from now on: a reload would show up here. */
    const navigations: string[] = []
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(new URL(frame.url()).pathname)
    })

    /** Someone else marks it paid (the API; it goes through the webhook inbox and the worker). */
    const marked = await fetch(`${serverUrl()}/api/payments/${payment.id}/mark`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${await apiToken(owner, workspace)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ status: 'paid' }),
    })
    assert.equal(marked.status, 202)

    /** The page hears it on its event stream (the poll fallback is 15 s away) and moves on. */
    const started = Date.now()
    await page.waitForURL(`**/${funnel.slug}/${steps.thankyou.slug}?p=${token}`, {
      timeout: 10_000,
    })
    assert.isBelow(Date.now() - started, 10_000)
    await page.assertTextContains('body', 'Obrigado pela compra!')
    assert.deepEqual(navigations, [`/${funnel.slug}/${steps.thankyou.slug}`], 'one move, no reload')

    await payment.refresh()
    assert.equal(payment.status, 'paid')
    const paid = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'paid')
      .firstOrFail()
    assert.equal(paid.source, 'webhook')
  })
})
