import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import CheckoutConfig from '#models/checkout_config'
import PollPayment from '#actions/payments/poll_payment'
import ExpirePayment from '#actions/payments/expire_payment'
import SweepPendingPayments from '#actions/payments/sweep_pending_payments'
import {
  MAX_GATEWAY_READS,
  POLL_BUDGET,
  nextCheckAfter,
} from '#actions/payments/schedule_payment_jobs'
import { CredentialFactory } from '#database/factories/credential_factory'
import { publish } from '#tests/helpers/publish'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { route } from '#tests/helpers/routes'

/** Reads the schedule would make before `minutes` of countdown run out, on a virtual clock. */
function readsBeforeExpiry(minutes: number) {
  const start = DateTime.fromISO('2026-12-01T12:00:00Z')
  const expiresAt = start.plus({ minutes })
  let now = nextCheckAfter(0, expiresAt, start)
  const times: DateTime[] = []
  while (now < expiresAt && times.length < 1_000) {
    times.push(now)
    const next = nextCheckAfter(times.length, expiresAt, now)
    if (next.equals(expiresAt)) break
    now = next
  }
  return { times, start }
}

test.group('Payments: bounded polling', (group) => {
  freshDatabase(group)
  let stub: SkalePayStub
  group.each.setup(async () => {
    await emptyQueues()
    stub = await SkalePayStub.start()
    return () => stub.close()
  })

  test('the schedule: 12 reads in the first minute, never more than the budget before expiry', ({
    assert,
  }) => {
    for (const minutes of [5, 15, 30, 60, 240]) {
      const { times, start } = readsBeforeExpiry(minutes)
      /** The last read is the expiry check: polls + 1 stays within the budget. */
      assert.isAtMost(times.length + 1, MAX_GATEWAY_READS, `${minutes} min`)
      assert.isAtMost(times.length, POLL_BUDGET, `${minutes} min`)
      const firstMinute = times.filter((time) => time <= start.plus({ minutes: 1 }))
      assert.lengthOf(firstMinute, 12, `${minutes} min: every 5 s while the buyer pays`)
    }
    /** 30 minutes: 40 reads in the first 20 minutes, then one more before the expiry check. */
    const { times } = readsBeforeExpiry(30)
    assert.equal(times.length, 41)
    /** 4 hours: the budget is spread to the end, so a late payment is still seen by a poll. */
    const long = readsBeforeExpiry(240)
    assert.isAtLeast(long.times.length, 50)
    assert.isAbove(long.times.at(-1)!.diff(long.start).as('minutes'), 200)
  })

  test("the PIX expiry follows the checkout's countdown, not the gateway's day", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'skalepay',
      apiKey: 'sk_test_valid',
      apiUrl: stub.apiUrl,
    }).create()
    const { funnel, checkout, config } = await sellingFunnel(workspace)
    const token = await apiToken(owner, workspace)
    const charge = async () => {
      const created = await client
        .post(route('api.payments.create'))
        .bearerToken(token)
        .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
      created.assertStatus(201)
      return Payment.findOrFail(created.body().payment.id)
    }
    /** The charge reads the published checkout: each countdown change is published. */
    const setCountdown = async (minutes: number) => {
      await CheckoutConfig.query()
        .where('id', config!.id)
        .update({ design_config: JSON.stringify({ countdownMinutes: minutes }) })
      await publish(funnel)
    }

    await setCountdown(15)
    const fifteen = await charge()
    /** The stub's transaction says +24 h (whole days at SkalePay): ours is the countdown. */
    assert.closeTo(fifteen.expiresAt!.diffNow().as('minutes'), 15, 0.5)
    assert.closeTo(fifteen.nextCheckAt!.diffNow().as('seconds'), 5, 1)

    await setCountdown(0)
    const noCountdown = await charge()
    assert.closeTo(noCountdown.expiresAt!.diffNow().as('minutes'), 30, 0.5)
  })

  test('an unpaid SkalePay charge costs at most 60 gateway reads, whatever polls and sweeps run', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'skalepay',
      apiKey: 'sk_test_valid',
      apiUrl: stub.apiUrl,
    }).create()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)
    await emptyQueues()
    const reads = () =>
      stub.server.requestsTo('GET', `/v1/transactions/${payment.externalId}`).length
    const ids = { workspaceId: workspace.id, paymentId: payment.id }
    /** Each round: the next read falls due; the poll job, a duplicate of it and the sweep all run. */
    const due = () =>
      Payment.query()
        .where('id', payment.id)
        .update({
          created_at: DateTime.now().minus({ hours: 1 }).toSQL(),
          next_check_at: DateTime.now().minus({ minutes: 2 }).toSQL(),
        })

    /** Until the budget is spent (a bug would overshoot it), then ten more rounds. */
    let extra = 0
    for (let round = 0; round < 120 && extra < 10; round++) {
      await due()
      await Promise.all([PollPayment.handle(ids), PollPayment.handle(ids)])
      await SweepPendingPayments.handle()
      if ((await Payment.findOrFail(payment.id)).checkAttempts >= POLL_BUDGET) extra++
    }
    assert.equal(reads(), POLL_BUDGET)
    const spent = await Payment.findOrFail(payment.id)
    assert.equal(spent.checkAttempts, POLL_BUDGET)
    assert.equal(spent.status, 'pending')
    /** No poll left: the next read is the expiry check at expires_at. */
    assert.equal(spent.nextCheckAt!.toMillis(), spent.expiresAt!.toMillis())

    await Payment.query()
      .where('id', payment.id)
      .update({
        expires_at: DateTime.now().minus({ seconds: 1 }).toSQL(),
        next_check_at: DateTime.now().minus({ minutes: 2 }).toSQL(),
      })
    assert.equal((await ExpirePayment.handle(ids)).outcome, 'expired')
    /** One late read is planned a quarter of an hour after the expiry, and only one. */
    const expired = await Payment.findOrFail(payment.id)
    assert.closeTo(expired.nextCheckAt!.diffNow().as('minutes'), 15, 0.5)
    await Payment.query()
      .where('id', payment.id)
      .update({ next_check_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    for (let round = 0; round < 10; round++) {
      await PollPayment.handle(ids)
      await ExpirePayment.handle(ids)
      await SweepPendingPayments.handle()
    }
    assert.equal(reads(), POLL_BUDGET + 2)
    assert.isAtMost(reads(), MAX_GATEWAY_READS)
    assert.isNull((await Payment.findOrFail(payment.id)).nextCheckAt)
  }).timeout(90_000)
})
