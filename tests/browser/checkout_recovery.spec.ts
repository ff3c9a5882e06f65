import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import FunnelStep from '#models/funnel_step'
import SweepAbandonedCheckouts from '#actions/checkout_sessions/sweep_abandoned_checkouts'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { SmtpCatcher } from '#tests/helpers/smtp_catcher'
import { serverUrl } from '#tests/helpers/server'
import { emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import env from '#start/env'

const EMAIL = 'joana@exemplo.com.br'

async function waitFor<T>(read: () => Promise<T | null | undefined>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const value = await read()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`timed out waiting for ${what}`)
}

test.group('Abandoned checkout recovered in Chromium', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  let worker: WorkerProcess | undefined
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(() => emptyQueues())
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
  })

  test('land → fill the checkout → leave → admin sees it abandoned → recovery link → pre-filled → pay → "recuperado" and the approval e-mail', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-rec' })
    const { funnel, checkout, steps } = await sellingFunnel(workspace)
    await FunnelStep.query().where('id', steps.upsell.id).update({ is_active: false })
    await publish(funnel)
    await emptyQueues()
    /** With the beacon flush (tracking): a payment's postbacks wait for its visitor row. */
    worker = new WorkerProcess([
      '--queues',
      'webhooks',
      '--queues',
      'postbacks',
      '--queues',
      'tracking',
    ])
    await worker.start()
    const host = `http://loja-rec.localhost:${env.get('PORT', 3334)}`

    /** The buyer types, leaves each field (saved on blur), then closes the tab. */
    const buyer = await visit(`${host}/${funnel.slug}/${checkout.slug}`)
    await buyer.locator('input[name="name"]').fill('Joana Prado')
    await buyer.locator('input[name="email"]').fill(EMAIL)
    await buyer.locator('input[name="phone"]').pressSequentially('11987654321')
    await buyer.locator('input[name="cpf"]').focus()
    const session = await waitFor(
      () =>
        db
          .from('checkout_sessions')
          .where('workspace_id', workspace.id)
          .whereNotNull('phone')
          .whereNotNull('email')
          .first(),
      'the checkout session'
    )
    assert.equal(session.name, 'Joana Prado')
    await buyer.close()

    /** Half an hour later (the clock moved for the sweep). */
    await SweepAbandonedCheckouts.handle({ now: new Date(Date.now() + 31 * 60_000) })

    await browserContext.loginAs(owner)
    const admin = await visit(`/w/${workspace.slug}/payments`)
    await admin.locator('[data-test="nav-recovery"]').first().click()
    await admin.waitForURL(`**/w/${workspace.slug}/recovery`)
    await admin.assertTextContains('[data-test="recovery-table"]', 'Joana Prado')
    await admin.assertTextContains('[data-test="recovery-status"]', 'Abandonado')
    const link = await admin.locator('[data-test="recovery-link"]').getAttribute('href')
    const recovery = new URL(link!)
    assert.equal(recovery.searchParams.get('recover'), session.token)

    /** The buyer opens the link: the form comes back filled. */
    const back = await visit(`${host}${recovery.pathname}${recovery.search}`)
    await back.waitForSelector('form[data-prefilled="recovery"]')
    assert.equal(await back.locator('input[name="name"]').inputValue(), 'Joana Prado')
    assert.equal(await back.locator('input[name="email"]').inputValue(), EMAIL)
    assert.equal(await back.locator('input[name="phone"]').inputValue(), '(11) 98765-4321')
    await back.locator('input[name="cpf"]').pressSequentially('52998224725')
    await back.locator('form[data-checkout-form] button[type="submit"]').click()
    await back.waitForURL(/\/_funil\/pay\/[0-9a-f]{32}$/)
    await back.assertTextContains('[data-test="pay-heading"]', 'Falta só pagar o PIX')
    const token = back.url().split('/').pop()!
    const payment = await Payment.query().where('public_token', token).firstOrFail()

    /** Paid (sandbox "marcar como pago" through the API, the webhook inbox and the worker). */
    const marked = await fetch(`${serverUrl()}/api/payments/${payment.id}/mark`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${await apiToken(owner, workspace)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ status: 'paid' }),
    })
    assert.equal(marked.status, 202)
    await back.waitForURL(`**/${funnel.slug}/${steps.thankyou.slug}?p=${token}`, {
      timeout: 15_000,
    })
    await back.assertTextContains('[data-order-summary]', `#${String(payment.id).padStart(6, '0')}`)

    /** The approval e-mail arrives (after the "PIX gerado" one). */
    const approved = await waitFor(
      async () => catcher.to(EMAIL).find((m) => m.subject.startsWith('Pagamento aprovado')),
      'the approval e-mail',
      15_000
    ).catch(async (error) => {
      const rows = await db.from('buyer_emails')
      const transitions = await db
        .from('payment_transitions')
        .select('to_status', 'postbacks_planned_at')
      throw new Error(
        `${error.message}: ${catcher.messages.map((m) => m.subject).join(' | ')} ${JSON.stringify(rows)} ${JSON.stringify(transitions)} ${worker?.output.slice(-3000)}`
      )
    })
    assert.include(approved.text, 'Curso de Confeitaria')

    await admin.reload()
    await admin.assertTextContains('[data-test="recovery-status"]', 'Recuperado')
    await admin.assertTextContains('[data-test="recovery-total-revenue"]', 'R$ 197,00')
  })
})
