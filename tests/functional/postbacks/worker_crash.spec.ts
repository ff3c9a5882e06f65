import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PostbackDelivery from '#models/postback_delivery'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import queue from '#services/queue'

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Short locks and leases so the restarted worker recovers the killed worker's job in seconds. */
const FAST_RECOVERY = {
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '1000',
  POSTBACK_LEASE_MS: '3000',
}
const ARGS = ['--queues', 'postbacks', '--no-schedules']

test.group('Postbacks: worker killed during a delivery', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())
  const workers: WorkerProcess[] = []
  let stub: StubServer | undefined
  group.each.teardown(async () => {
    for (const worker of workers.splice(0)) await worker.stop('SIGKILL')
    await stub?.close()
  })

  test('SIGKILL mid-request, restart: the job is recovered and delivered once', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    let calls = 0
    let answered = 0
    stub.on('POST', '/orders', () => {
      calls++
      /** The first call never gets an answer: the worker dies waiting for it. */
      if (calls === 1) return { status: 200, body: { ok: true }, delayMs: 60_000 }
      answered++
      return { status: 200, body: { ok: true } }
    })
    const { workspace } = await createTenant()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'utmify',
      apiUrl: stub.url,
    }).create()
    const payment = await aPayment(workspace)
    await Payment.query()
      .where('id', payment.id)
      .update({ status: 'paid', paid_at: DateTime.utc().toSQL() })

    const first = new WorkerProcess(ARGS, FAST_RECOVERY)
    workers.push(first)
    await first.start()
    await queue.dispatch('payment_status_changed', {
      workspaceId: workspace.id,
      paymentId: payment.id,
      transitionId: 1,
      status: 'paid',
    })
    await waitUntil(() => calls === 1)
    await first.stop('SIGKILL')
    workers.splice(workers.indexOf(first), 1)

    /** Killed mid-delivery: nothing recorded as delivered, the job is not lost. */
    const [pending] = await PostbackDelivery.query().where('workspace_id', workspace.id)
    assert.equal(pending.status, 'pending')
    assert.equal(answered, 0)

    const second = new WorkerProcess(ARGS, FAST_RECOVERY)
    workers.push(second)
    await second.start()
    await waitUntil(async () => {
      await pending.refresh()
      return pending.status === 'succeeded'
    })
    await new Promise((resolve) => setTimeout(resolve, 2_500))

    const rows = await PostbackDelivery.query().where('workspace_id', workspace.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].status, 'succeeded')
    assert.equal(rows[0].attempts, 1)
    assert.equal(rows[0].responseStatus, 200)
    assert.equal(answered, 1, 'exactly one delivery was completed')
    assert.equal(calls, 2)
    const job = await queue.queue('postbacks').getJob(`delivery-${rows[0].id}`)
    assert.equal(await job!.getState(), 'completed')
  }).timeout(90_000)
})
