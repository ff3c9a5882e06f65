import { test } from '@japa/runner'
import { randomBytes, randomUUID } from 'node:crypto'
import { request } from 'node:http'
import env from '#start/env'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import WebhookEvent from '#models/webhook_event'
import Visitor from '#models/visitor'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { ServerProcess } from '#tests/helpers/server_process'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { SseClient } from '#tests/helpers/sse_client'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { EventBuffer } from '#services/event_buffer'

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Horizontal scale (issue 19 item 4): two web processes and two worker processes on the same
 * PostgreSQL and Redis, none of them the test's own server. Postbacks are spread over both web
 * processes and processed by whichever worker takes them; a monitor connected to one web
 * process hears what the other one received; each payment is paid once.
 */
test.group('Scale out: 2 web + 2 worker processes on one PostgreSQL and Redis', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await emptyQueues()
    await new EventBuffer().clear()
  })
  const processes: Array<ServerProcess | WorkerProcess> = []
  const streams: SseClient[] = []
  group.each.teardown(async () => {
    streams.splice(0).forEach((sse) => sse.close())
    await Promise.all(processes.splice(0).map((child) => child.stop()))
  })

  test('postbacks and beacons to either web process reach a monitor on the other, once', async ({
    assert,
  }) => {
    const base = Number(env.get('PORT', 3334))
    const webs = [
      new ServerProcess({}, 'test', base + 101),
      new ServerProcess({}, 'test', base + 102),
    ]
    const workers = [new WorkerProcess(), new WorkerProcess()]
    processes.push(...webs, ...workers)
    await Promise.all([
      ...webs.map((web) => web.start(120_000)),
      ...workers.map((worker) => worker.start(120_000)),
    ])

    const { owner, workspace } = await createTenant({
      workspaceSlug: `scale-${randomBytes(3).toString('hex')}`,
    })
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const step = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
    }).create()

    /** The monitor listens on the second web process only. */
    const monitor = new SseClient(webs[1].url, {
      authorization: `Bearer ${await apiToken(owner, null)}`,
    })
    streams.push(monitor)
    await monitor.connect()
    assert.equal(await monitor.subscribe(`workspaces/${workspace.id}`), 204)

    /** 20 pending sandbox payments the gateway already reports paid. */
    const payments = await Promise.all(
      Array.from({ length: 20 }, () => {
        const id = `sbx_${randomBytes(8).toString('hex')}`
        return aPayment(workspace, {
          externalId: id,
          gatewayResponse: { id, status: 'paid', paidAt: new Date().toISOString() },
        })
      })
    )
    /** Each postback is delivered twice, once to each web process, all at once. */
    const answers = await Promise.all(
      payments.flatMap((payment) =>
        webs.map((web) =>
          fetch(`${web.url}/api/payments/webhook/${workspace.webhookToken}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              id: `evt_${payment.externalId}`,
              type: 'transaction',
              data: payment.gatewayResponse,
            }),
          }).then((response) => response.status)
        )
      )
    )
    assert.isTrue(answers.every((status) => status === 200))

    /** A visitor's beacon goes to the first web process; a worker flushes it. */
    const sessionId = randomBytes(18).toString('base64url')
    const beaconStatus = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('/_funil/e', webs[0].url),
        {
          method: 'POST',
          headers: {
            'host': `${workspace.slug}.localhost`,
            'content-type': 'text/plain;charset=UTF-8',
            'cookie': `fd_sid=${sessionId}`,
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        }
      )
      req.on('error', reject)
      req.end(
        JSON.stringify({
          events: [{ id: randomUUID(), type: 'page_view', funnelId: funnel.id, stepId: step.id }],
        })
      )
    })
    assert.equal(beaconStatus, 204)

    const paidEvents = () =>
      monitor.messages.filter(
        (m) => m.payload.event === 'payment_status_change' && m.payload.status === 'paid'
      )
    await waitUntil(async () => paidEvents().length >= payments.length)
    await monitor.waitFor((m) => m.payload.event === 'visitor_online', 30_000)

    const ids = payments.map((payment) => payment.id)
    assert.sameMembers(
      paidEvents().map((m) => m.payload.paymentId),
      ids,
      'one paid event per payment on the monitor of the other web process'
    )
    const transitions = await PaymentTransition.query()
      .whereIn('payment_id', ids)
      .where('to_status', 'paid')
    assert.lengthOf(transitions, payments.length, 'each payment paid exactly once')
    const rows = await WebhookEvent.query().where('workspace_id', workspace.id)
    assert.lengthOf(rows, payments.length, 'two deliveries of a fact are one inbox row')
    assert.isTrue(rows.every((row) => row.processedAt !== null))
    const paid = await Payment.query().whereIn('id', ids).where('status', 'paid')
    assert.lengthOf(paid, payments.length)
    const visitor = await Visitor.query()
      .where('workspace_id', workspace.id)
      .where('session_id', sessionId)
      .firstOrFail()
    assert.isTrue(visitor.isOnline)
  }).timeout(180_000)
})
