import { test } from '@japa/runner'
import {
  PAYMENT_STATUSES,
  canTransition,
  transitionPath,
  type PaymentStatus,
} from '#enums/payments'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import PaymentTransition from '#models/payment_transition'
import Payment from '#models/payment'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import queue from '#services/queue'

const ALLOWED: Array<[PaymentStatus, PaymentStatus]> = [
  ['pending', 'paid'],
  ['pending', 'failed'],
  ['pending', 'cancelled'],
  ['pending', 'expired'],
  ['paid', 'refunded'],
  ['paid', 'chargedback'],
  ['expired', 'paid'],
]

test.group('Payments: state machine', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the allowed transitions are exactly the documented ones', ({ assert }) => {
    const all = PAYMENT_STATUSES.flatMap((from) =>
      PAYMENT_STATUSES.map((to) => [from, to] as [PaymentStatus, PaymentStatus])
    )
    assert.sameDeepMembers(
      all.filter(([from, to]) => canTransition(from, to)),
      ALLOWED
    )
  })

  for (const from of PAYMENT_STATUSES) {
    for (const to of PAYMENT_STATUSES) {
      /** Reachable directly, or through `paid` (a refund of a charge we never saw paid). */
      const path = transitionPath(from, to)
      const allowed = path.length > 0
      test(`${from} → ${to} is ${allowed ? `applied once (${path.join(' → ')})` : 'refused (no-op)'}`, async ({
        assert,
      }) => {
        const { workspace } = await createTenant()
        const payment = await aPayment(workspace, { status: from })
        const first = await ApplyPaymentTransition.handle({
          workspaceId: workspace.id,
          paymentId: payment.id,
          to,
          source: 'admin',
        })
        const replay = await ApplyPaymentTransition.handle({
          workspaceId: workspace.id,
          paymentId: payment.id,
          to,
          source: 'webhook',
        })
        await payment.refresh()
        const rows = await PaymentTransition.query()
          .where('payment_id', payment.id)
          .orderBy('id', 'asc')
        assert.equal(first.applied, allowed)
        assert.isFalse(replay.applied, 'a replay never applies twice')
        assert.equal(payment.status, allowed ? to : from)
        assert.deepEqual(
          rows.map((row) => [row.fromStatus, row.toStatus, row.source]),
          path.map((status, index) => [index === 0 ? from : path[index - 1], status, 'admin'])
        )
        if (allowed && path.includes('paid')) assert.isNotNull(payment.paidAt)
        if (from === 'pending' && !allowed) assert.isNull(payment.paidAt)
        assert.equal(payment.paidAfterExpiry, from === 'expired' && allowed)
      })
    }
  }

  test('out of order: paid, then a late pending report, stays paid', async ({ assert }) => {
    const { workspace } = await createTenant()
    const payment = await aPayment(workspace)
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'webhook',
    })
    const late = await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'pending',
      source: 'webhook',
    })
    const alsoLate = await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'expired',
      source: 'expiry',
    })
    assert.isFalse(late.applied)
    assert.isFalse(alsoLate.applied)
    assert.equal((await Payment.findOrFail(payment.id)).status, 'paid')
  })

  test('another workspace id never matches: the payment is not found', async ({ assert }) => {
    const { workspace } = await createTenant()
    const other = await createTenant()
    const payment = await aPayment(workspace)
    await assert.rejects(() =>
      ApplyPaymentTransition.handle({
        workspaceId: other.workspace.id,
        paymentId: payment.id,
        to: 'paid',
        source: 'admin',
      })
    )
    assert.equal((await Payment.findOrFail(payment.id)).status, 'pending')
  })

  test('concurrent transitions to paid: one row, one event on the buyer channel, one postbacks job', async ({
    assert,
  }) => {
    const { workspace, owner } = await createTenant()
    const payment = await aPayment(workspace)
    /** A bearer token only lets this test client past the admin host's CSRF check. */
    const sse = new SseClient(serverUrl(), {
      authorization: `Bearer ${await apiToken(owner, null)}`,
    })
    await sse.connect()
    try {
      assert.equal(await sse.subscribe(`payments/${payment.publicToken}`), 204)
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          ApplyPaymentTransition.handle({
            workspaceId: workspace.id,
            paymentId: payment.id,
            to: 'paid',
            source: 'webhook',
          })
        )
      )
      assert.equal(outcomes.filter((o) => o.applied).length, 1)
      const rows = await PaymentTransition.query()
        .where('payment_id', payment.id)
        .where('to_status', 'paid')
      assert.lengthOf(rows, 1)

      const message = await sse.waitFor((m) => m.payload.status === 'paid')
      assert.equal(message.payload.event, 'payment_status_change')
      await new Promise((resolve) => setTimeout(resolve, 300))
      assert.lengthOf(sse.messages, 1, 'exactly one event reached the buyer')

      const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed', 'active'])
      assert.deepEqual(
        jobs.map((job) => [job.name, job.data.paymentId, job.data.status]),
        [['payment_status_changed', payment.id, 'paid']]
      )
    } finally {
      sse.close()
    }
  })
})
