import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import PostbackDelivery from '#models/postback_delivery'
import { CredentialFactory } from '#database/factories/credential_factory'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { StubServer } from '#tests/helpers/stub_server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { emptyQueues } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import { EventBuffer } from '#services/event_buffer'
import queue from '#services/queue'

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.group('Postbacks: a lead through the real workers', (group) => {
  freshDatabase(group)
  let worker: WorkerProcess | undefined
  let stub: StubServer | undefined
  group.each.setup(async () => {
    await emptyQueues()
    await queue.connection().del(new EventBuffer().key)
  })
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    await stub?.close()
  })

  test('capture form → flush (every second) → Meta Lead and lead.created, each once', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    stub.on('POST', '/v21.0/123456/events', { status: 200, body: { events_received: 1 } })
    stub.on('POST', '/hooks/crm', { status: 200, body: 'ok' })
    const { workspace } = await createTenant({ workspaceSlug: 'loja-e2e' })
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'meta_capi',
      apiKey: 'meta-token',
      apiUrl: stub.url,
      settings: { pixelId: '123456' },
    }).create()
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/crm`,
      events: ['lead.created'],
    }).create()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id, slug: 'aula' }).create()
    await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'inscricao',
      orderIndex: 0,
      content: { headline: 'Aula', fields: ['name', 'email'], buttonLabel: 'Quero' },
    }).create()
    await publish(funnel)

    /** The worker with its schedules: the flush runs every second, as in production. */
    worker = new WorkerProcess(['--queues', 'tracking', '--queues', 'postbacks'])
    await worker.start()

    const leadId = randomUUID()
    const response = await siteRequest('loja-e2e.localhost', '/aula/inscricao', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        name: 'Ana Souza',
        email: 'ana@example.com',
        fd_event_id: leadId,
      }).toString(),
    })
    assert.equal(response.status, 303)

    await waitUntil(async () => {
      const rows = await PostbackDelivery.query().where('workspace_id', workspace.id)
      return rows.length === 2 && rows.every((row) => row.status === 'succeeded')
    })
    const [meta] = stub.requestsTo('POST', '/v21.0/123456/events')
    assert.equal(meta.body.data[0].event_name, 'Lead')
    assert.equal(meta.body.data[0].event_id, leadId)
    assert.lengthOf(stub.requestsTo('POST', '/v21.0/123456/events'), 1)
    assert.lengthOf(stub.requestsTo('POST', '/hooks/crm'), 1)
  })
})
