import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import PostbackDelivery from '#models/postback_delivery'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { serverUrl } from '#tests/helpers/server'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import queue from '#services/queue'
import { route } from '#tests/helpers/routes'

type Fate = 'paid' | 'refunded_unseen' | 'paid_after_expiry' | 'unpaid'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * 40 SkalePay charges with random fates and a hostile night: the gateway answers 502 for a
 * while around the expiries, every delayed poll and expiry job is wiped from Redis midway, and
 * some buyers pay after the countdown (their postback arrives). A real worker with its sweeps
 * (every 500 ms here) must leave no payment pending past its expiry, every fate recorded, and
 * every paid fact acknowledged by UTMify — with at most 60 gateway reads per charge.
 */
test.group('Payments: soak (random fates, gateway outage, lost jobs)', (group) => {
  freshDatabase(group)
  let worker: WorkerProcess | undefined
  group.each.setup(() => emptyQueues())
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
  })

  test('no payment left pending, every fate recorded, every paid fact announced', async ({
    client,
    assert,
  }) => {
    const skalepay = await SkalePayStub.start()
    const utmify = await StubServer.start()
    utmify.on('POST', '/orders', { status: 200, body: { ok: true } })
    try {
      const { owner, workspace } = await createTenant()
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'skalepay',
        apiKey: 'sk_test_valid',
        apiUrl: skalepay.apiUrl,
      }).create()
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'utmify',
        name: 'UTMify',
        apiKey: 'utm-token',
        apiUrl: utmify.url,
      }).create()
      const { funnel, checkout } = await sellingFunnel(workspace)
      const token = await apiToken(owner, workspace)

      const fates: Fate[] = [
        ...Array<Fate>(12).fill('paid'),
        ...Array<Fate>(5).fill('refunded_unseen'),
        ...Array<Fate>(5).fill('paid_after_expiry'),
        ...Array<Fate>(18).fill('unpaid'),
      ]
      const charges: Array<{ payment: Payment; fate: Fate; expiresInMs: number }> = []
      for (const fate of fates) {
        const created = await client
          .post(route('api.payments.create'))
          .bearerToken(token)
          .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
        created.assertStatus(201)
        const payment = await Payment.findOrFail(created.body().payment.id)
        const expiresInMs = 6_000 + Math.floor(Math.random() * 8_000)
        /** Short countdowns; created "two minutes ago" so the sweep's threshold is passed. */
        await Payment.query()
          .where('id', payment.id)
          .update({
            expires_at: DateTime.now().plus({ milliseconds: expiresInMs }).toSQL(),
            created_at: DateTime.now().minus({ minutes: 2 }).toSQL(),
          })
        charges.push({ payment, fate, expiresInMs })
      }
      /** The expiry jobs were scheduled for 30 minutes: gone, like everything else later on. */
      for (const job of await queue.queue('payments').getJobs(['delayed'])) {
        if (job.name === 'expire_payment') await job.remove()
      }

      let down = false
      skalepay.server.on('GET', '/v1/transactions/:id', ({ params }) =>
        down ? { status: 502, body: {} } : { body: skalepay.transactions.get(params.id) }
      )
      worker = new WorkerProcess([], { PAYMENTS_SWEEP_EVERY_MS: '500' })
      await worker.start()
      const started = Date.now()

      const timeline: Array<[number, () => Promise<void> | void]> = []
      for (const { payment, fate, expiresInMs } of charges) {
        const id = payment.externalId!
        if (fate === 'paid') {
          timeline.push([
            Math.random() * (expiresInMs - 1_000),
            () => void skalepay.setStatus(id, 'paid'),
          ])
        }
        if (fate === 'refunded_unseen') {
          timeline.push([
            Math.random() * (expiresInMs - 1_000),
            () => {
              skalepay.setStatus(id, 'paid')
              skalepay.setStatus(id, 'refunded')
            },
          ])
        }
        if (fate === 'paid_after_expiry') {
          timeline.push([
            expiresInMs + 20_000,
            async () => {
              /** Paid once we have expired it (the sweep does, after the outage). */
              void (async () => {
                const until = Date.now() + 150_000
                while ((await Payment.findOrFail(payment.id)).status !== 'expired') {
                  if (Date.now() > until) return
                  await sleep(500)
                }
                skalepay.setStatus(id, 'paid')
                await fetch(`${serverUrl()}/api/payments/webhook/${workspace.webhookToken}`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify(skalepay.postback(id)),
                })
              })()
            },
          ])
        }
      }
      /**
       * The gateway is down from 25 s to 45 s: the sweep's first expiry checks (30 s past each
       * expiry) fail and are retried later.
       */
      timeline.push([25_000, () => void (down = true)])
      timeline.push([45_000, () => void (down = false)])
      /** Redis loses every delayed poll and expiry job at 8 s. */
      timeline.push([
        8_000,
        async () => {
          for (const job of await queue.queue('payments').getJobs(['delayed', 'waiting'])) {
            if (job.name === 'poll_payment' || job.name === 'expire_payment') {
              await job.remove().catch(() => {})
            }
          }
        },
      ])
      timeline.sort((a, b) => a[0] - b[0])
      for (const [at, act] of timeline) {
        const wait = started + at - Date.now()
        if (wait > 0) await sleep(wait)
        await act()
      }

      /** Settled: nothing pending, every late payment seen, every paid fact acknowledged. */
      const deadline = Date.now() + 150_000
      const pending = () =>
        Payment.query().where('workspace_id', workspace.id).where('status', 'pending')
      while ((await pending()).length > 0 && Date.now() < deadline) await sleep(500)
      assert.lengthOf(await pending(), 0, 'no payment pending past its expiry')

      const expected: Record<Fate, string> = {
        paid: 'paid',
        refunded_unseen: 'refunded',
        paid_after_expiry: 'paid',
        unpaid: 'expired',
      }
      const waitStatuses = Date.now() + 60_000
      let wrong: string[] = []
      do {
        wrong = []
        for (const { payment, fate } of charges) {
          const now = await Payment.findOrFail(payment.id)
          if (now.status !== expected[fate]) wrong.push(`${payment.id} ${fate}: ${now.status}`)
        }
        if (wrong.length) await sleep(500)
      } while (wrong.length && Date.now() < waitStatuses)
      assert.deepEqual(wrong, [])

      for (const { payment, fate } of charges) {
        const row = await Payment.findOrFail(payment.id)
        assert.equal(row.paidAfterExpiry, fate === 'paid_after_expiry', `${payment.id} ${fate}`)
      }

      const paidFacts = await PaymentTransition.query()
        .where('workspace_id', workspace.id)
        .whereIn('to_status', ['paid', 'refunded'])
      assert.lengthOf(paidFacts, 12 + 5 * 2 + 5)
      const announced = async () => {
        const rows = await PostbackDelivery.query()
          .where('workspace_id', workspace.id)
          .where('target', 'utmify')
          .where('status', 'succeeded')
        const keys = new Set(rows.map((row) => row.dedupeKey))
        return paidFacts.filter((fact) => !keys.has(`utmify:${fact.paymentId}:${fact.toStatus}`))
          .length
      }
      const waitAnnounced = Date.now() + 60_000
      while ((await announced()) > 0 && Date.now() < waitAnnounced) await sleep(500)
      assert.equal(await announced(), 0, 'every paid/refunded fact acknowledged by UTMify')

      const reads = new Map<string, number>()
      for (const request of skalepay.server.requests) {
        if (request.method === 'GET') reads.set(request.path, (reads.get(request.path) ?? 0) + 1)
      }
      const most = Math.max(...reads.values())
      assert.isAtMost(most, 60)
      console.log(
        `soak: ${charges.length} charges settled in ${Math.round((Date.now() - started) / 1000)} s, ` +
          `${skalepay.server.requests.filter((r) => r.method === 'GET').length} gateway reads ` +
          `(most for one charge: ${most}), ${paidFacts.length} paid/refunded facts announced`
      )
    } finally {
      await skalepay.close()
      await utmify.close()
    }
  }).timeout(300_000)
})
