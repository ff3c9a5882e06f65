import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import PollPayment from '#actions/payments/poll_payment'
import ExpirePayment from '#actions/payments/expire_payment'
import SchedulePaymentJobs, { pollDelayMs } from '#actions/payments/schedule_payment_jobs'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import queue from '#services/queue'
import { BUYER, aPayment, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { route } from '#tests/helpers/routes'

async function sandboxPayment(client: any) {
  const { owner, workspace } = await createTenant()
  const { funnel, checkout } = await sellingFunnel(workspace)
  const created = await client
    .post(route('api.payments.create'))
    .bearerToken(await apiToken(owner, workspace))
    .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
  return { workspace, payment: await Payment.findOrFail(created.body().payment.id) }
}

test.group('Payments: polling and expiry', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('backoff: every 5 s for a minute, 15 s to 4 min, 1 min to 20 min, then spread', ({
    assert,
  }) => {
    assert.equal(pollDelayMs(1), 5_000)
    assert.equal(pollDelayMs(12), 5_000)
    assert.equal(pollDelayMs(13), 15_000)
    assert.equal(pollDelayMs(24), 15_000)
    assert.equal(pollDelayMs(25), 60_000)
    assert.equal(pollDelayMs(40), 60_000)
    /** Past 20 minutes: at least 5 min apart, the rest of the budget spread until the expiry. */
    assert.equal(pollDelayMs(41, 0), 300_000)
    assert.equal(pollDelayMs(41, 150 * 60_000), 10 * 60_000)
    /** 12 polls × 5 s = the first minute. */
    assert.equal(
      Array.from({ length: 12 }, (_, i) => pollDelayMs(i + 1)).reduce((a: number, b) => a + b, 0),
      60_000
    )
  })

  test('a pending poll claims its read, schedules the next one; a paid gateway record ends the chain', async ({
    client,
    assert,
  }) => {
    const { workspace, payment } = await sandboxPayment(client)
    await emptyQueues()
    /** 24 reads done and the 25th due now (as the 25th poll job finds it). */
    await Payment.query()
      .where('id', payment.id)
      .update({ check_attempts: 24, next_check_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    const first = await PollPayment.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      attempt: 25,
    })
    assert.deepEqual(first, { outcome: 'pending', reads: 25, next: 26 })
    const next = await queue.queue('payments').getJob(`poll-${payment.id}-26`)
    assert.closeTo(next!.opts.delay!, 60_000, 1_000)
    assert.equal(next!.data.attempt, 26)
    const counted = await Payment.findOrFail(payment.id)
    assert.equal(counted.checkAttempts, 25)
    assert.closeTo(counted.nextCheckAt!.diffNow().toMillis(), 60_000, 1_000)

    /** The job of an already-read slot (a duplicated chain) does not read again. */
    const early = await PollPayment.handle({ workspaceId: workspace.id, paymentId: payment.id })
    assert.deepEqual(early, { outcome: 'not_due' })
    assert.equal((await Payment.findOrFail(payment.id)).checkAttempts, 25)

    await Payment.query()
      .where('id', payment.id)
      .update({
        gateway_response: JSON.stringify({ ...payment.gatewayResponse, status: 'paid' }),
      })
    const second = await PollPayment.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      force: true,
    })
    assert.deepEqual(second, { outcome: 'final', reads: 26 })
    await payment.refresh()
    assert.equal(payment.status, 'paid')
    assert.isNull(payment.nextCheckAt)
    const paid = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'paid')
      .firstOrFail()
    assert.equal(paid.source, 'poll')
    assert.notExists(await queue.queue('payments').getJob(`poll-${payment.id}-27`))
  })

  test('polling stops at expires_at and for another workspace id', async ({ assert }) => {
    const { workspace } = await createTenant()
    const other = await createTenant()
    const late = await aPayment(workspace, {
      externalId: 'sbx_late',
      expiresAt: DateTime.now().minus({ seconds: 1 }),
    })
    assert.deepEqual(await PollPayment.handle({ workspaceId: workspace.id, paymentId: late.id }), {
      outcome: 'expired',
    })
    assert.deepEqual(
      await PollPayment.handle({ workspaceId: other.workspace.id, paymentId: late.id }),
      {
        outcome: 'final',
      }
    )
    assert.lengthOf(await queue.queue('payments').getJobs(['delayed', 'waiting']), 0)
  })

  test('expiry: an unpaid PIX expires at expires_at; not before; never a paid one', async ({
    client,
    assert,
  }) => {
    const { workspace, payment } = await sandboxPayment(client)
    const early = await ExpirePayment.handle({ workspaceId: workspace.id, paymentId: payment.id })
    assert.equal(early.outcome, 'rescheduled')
    assert.equal((await Payment.findOrFail(payment.id)).status, 'pending')

    await Payment.query()
      .where('id', payment.id)
      .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    const due = await ExpirePayment.handle({ workspaceId: workspace.id, paymentId: payment.id })
    assert.equal(due.outcome, 'expired')
    const expired = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'expired')
      .firstOrFail()
    assert.equal(expired.source, 'expiry')

    const paid = await aPayment(workspace, {
      status: 'paid',
      expiresAt: DateTime.now().minus({ hours: 1 }),
    })
    assert.equal(
      (await ExpirePayment.handle({ workspaceId: workspace.id, paymentId: paid.id })).outcome,
      'final'
    )
    assert.equal((await Payment.findOrFail(paid.id)).status, 'paid')
  })

  test('expiry asks SkalePay one last time: paid at the last second wins; a 5xx retries', async ({
    client,
    assert,
  }) => {
    const stub = await SkalePayStub.start()
    try {
      const { owner, workspace } = await createTenant()
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'skalepay',
        apiKey: 'sk_test_valid',
        apiUrl: stub.apiUrl,
      }).create()
      const { funnel, checkout } = await sellingFunnel(workspace)
      const token = await apiToken(owner, workspace)
      const make = async () => {
        const created = await client
          .post(route('api.payments.create'))
          .bearerToken(token)
          .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
        const p = await Payment.findOrFail(created.body().payment.id)
        await Payment.query()
          .where('id', p.id)
          .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
        return p
      }
      const lastSecond = await make()
      stub.setStatus(lastSecond.externalId!, 'paid')
      const outcome = await ExpirePayment.handle({
        workspaceId: workspace.id,
        paymentId: lastSecond.id,
      })
      assert.equal(outcome.outcome, 'settled')
      assert.equal((await Payment.findOrFail(lastSecond.id)).status, 'paid')

      const unreachable = await make()
      stub.server.on('GET', '/v1/transactions/:id', { status: 502, body: {} })
      await assert.rejects(() =>
        ExpirePayment.handle({ workspaceId: workspace.id, paymentId: unreachable.id })
      )
      assert.equal((await Payment.findOrFail(unreachable.id)).status, 'pending')
    } finally {
      await stub.close()
    }
  })

  test('a real worker expires a PIX when its time comes', async ({ assert }) => {
    const { workspace } = await createTenant()
    const payment = await aPayment(workspace, {
      externalId: 'sbx_soon',
      expiresAt: DateTime.now().plus({ milliseconds: 800 }),
    })
    await SchedulePaymentJobs.expire(payment)
    const worker = new WorkerProcess([
      '--queues',
      'payments',
      '--queues',
      'postbacks',
      '--no-schedules',
    ])
    try {
      await worker.start()
      const deadline = Date.now() + 15_000
      while ((await Payment.findOrFail(payment.id)).status === 'pending' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      assert.equal((await Payment.findOrFail(payment.id)).status, 'expired')
    } finally {
      await worker.stop('SIGKILL')
    }
  })
})
