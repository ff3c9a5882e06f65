import { test } from '@japa/runner'
import { createHash, randomUUID } from 'node:crypto'
import PostbackDelivery from '#models/postback_delivery'
import Visitor from '#models/visitor'
import type Workspace from '#models/workspace'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import PlanVisitorConversions from '#actions/postbacks/plan_visitor_conversions'
import DeliverPostback from '#actions/postbacks/deliver_postback'
import { CredentialFactory } from '#database/factories/credential_factory'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { StubServer } from '#tests/helpers/stub_server'
import { emptyQueues } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import { EventBuffer } from '#services/event_buffer'
import { signWebhook } from '#integrations/webhooks/outbound'
import queue from '#services/queue'

const sha = (value: string) => createHash('sha256').update(value).digest('hex')
const AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)'
const FBP = 'fb.1.1732000000000.987654321'

/** A capture → checkout funnel on `slug.localhost`, with Meta, TikTok, GA4 and a lead webhook. */
async function launch(stub: StubServer, slug: string, destinations = true) {
  const tenant = await createTenant({ workspaceSlug: slug })
  const { workspace } = tenant
  const funnel = await FunnelFactory.merge({ workspaceId: workspace.id, slug: 'aula' }).create()
  const capture = await FunnelStepFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    slug: 'inscricao',
    orderIndex: 0,
    content: { headline: 'Aula', fields: ['name', 'email', 'phone'], buttonLabel: 'Quero' },
  }).create()
  const checkout = await FunnelStepFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    slug: 'checkout',
    stepType: 'checkout',
    orderIndex: 1,
  }).create()
  /** The public site serves the published funnel only. */
  await publish(funnel)
  let endpoint = null
  if (destinations) {
    for (const [service, apiKey, settings] of [
      ['meta_capi', 'meta-token', { pixelId: '123456' }],
      ['tiktok_events', 'tt-token', { pixelCode: 'CTTPIXEL' }],
      ['ga4', 'ga-secret', { measurementId: 'G-ABC123' }],
    ] as const) {
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service,
        name: service,
        apiKey,
        apiUrl: stub.url,
        settings,
      }).create()
    }
    endpoint = await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/crm`,
      secret: 'whsec_lead_secret',
      events: ['lead.created'],
    }).create()
  }
  return { ...tenant, funnel, capture, checkout, endpoint }
}

/** The conversion jobs the flush enqueued, oldest first. */
async function conversionJobs() {
  const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed', 'prioritized'])
  return jobs
    .filter((job) => job.name === 'plan_visitor_conversions')
    .sort((a, b) => a.timestamp - b.timestamp)
}

function deliveriesOf(workspace: Workspace) {
  return PostbackDelivery.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

test.group('Postbacks: Lead and InitiateCheckout server events, lead.created webhooks', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    await queue.connection().del(new EventBuffer().key)
    stub = await StubServer.start()
    stub.on('POST', '/v21.0/123456/events', { status: 200, body: { events_received: 1 } })
    stub.on('POST', '/event/track', { status: 200, body: { code: 0, message: 'OK' } })
    stub.on('POST', '/mp/collect', { status: 204 })
    stub.on('POST', '/hooks/crm', { status: 200, body: 'ok' })
    return () => stub.close()
  })

  test('a capture form becomes Meta Lead, TikTok SubmitForm, GA4 generate_lead and lead.created with the browser’s id', async ({
    assert,
  }) => {
    const { workspace, endpoint } = await launch(stub, 'loja-lead')
    const leadId = randomUUID()
    const response = await siteRequest('loja-lead.localhost', '/aula/inscricao', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'referer': 'https://loja-lead.localhost/aula?utm_source=facebook&fbclid=IwAR_Lead_42',
        'user-agent': AGENT,
        'cookie': `_fbp=${FBP}`,
      },
      body: new URLSearchParams({
        name: ' Ana  Souza ',
        email: ' Ana@Example.COM ',
        phone: '(21) 99876-5432',
        fd_event_id: leadId,
      }).toString(),
    })
    assert.equal(response.status, 303)

    await FlushVisitorEvents.handle()
    const jobs = await conversionJobs()
    assert.lengthOf(jobs, 1, 'one conversions job for the batch')
    assert.deepEqual(jobs[0].data, { workspaceId: workspace.id, eventIds: [leadId] })

    const visitor = await Visitor.query().where('workspace_id', workspace.id).firstOrFail()
    /** fbc built by Meta's param builder from the fbclid; the _fbp cookie kept. */
    assert.match(visitor.fbc!, /^fb\.\d\.\d{13}\.IwAR_Lead_42(\.[A-Za-z0-9_-]+)?$/)
    assert.isTrue(visitor.fbp!.startsWith(FBP))

    assert.deepEqual(await PlanVisitorConversions.handle(jobs[0].data), {
      planned: 4,
      dispatched: 4,
    })
    /** A replay of the job (or of the flush) plans nothing twice. */
    await PlanVisitorConversions.handle(jobs[0].data)
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.target, row.event, row.dedupeKey, row.visitorId]),
      [
        ['meta', 'Lead', `meta:event:${leadId}`, visitor.id],
        ['tiktok', 'SubmitForm', `tiktok:event:${leadId}`, visitor.id],
        ['ga4', 'generate_lead', `ga4:event:${leadId}`, visitor.id],
        ['custom', 'lead.created', `custom:event:${leadId}:${endpoint!.id}`, visitor.id],
      ]
    )
    for (const row of rows) {
      const result = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
      assert.equal(result.outcome, 'succeeded', row.target)
    }

    const [meta] = stub.requestsTo('POST', '/v21.0/123456/events')
    const event = meta.body.data[0]
    assert.include(event, { event_name: 'Lead', event_id: leadId, action_source: 'website' })
    assert.deepEqual(event.user_data, {
      em: [sha('ana@example.com')],
      ph: [sha('5521998765432')],
      fn: [sha('ana')],
      ln: [sha('souza')],
      country: [sha('br')],
      external_id: [sha(visitor.publicId)],
      client_ip_address: visitor.ipAddress,
      client_user_agent: AGENT,
      fbc: visitor.fbc,
      fbp: visitor.fbp,
    })
    assert.notProperty(event, 'custom_data', 'a lead has no value')

    const [tiktok] = stub.requestsTo('POST', '/event/track/')
    assert.include(tiktok.body.data[0], { event: 'SubmitForm', event_id: leadId })
    assert.equal(tiktok.body.data[0].user.email, sha('ana@example.com'))

    const [ga] = stub.requestsTo('POST', '/mp/collect')
    assert.equal(ga.body.client_id, visitor.publicId)
    assert.equal(ga.body.events[0].name, 'generate_lead')

    const [hook] = stub.requestsTo('POST', '/hooks/crm')
    assert.equal(hook.headers['x-funil-event'], 'lead.created')
    const timestamp = Number(hook.headers['x-funil-timestamp'])
    assert.equal(
      hook.headers['x-funil-signature'],
      signWebhook('whsec_lead_secret', timestamp, hook.rawBody)
    )
    assert.equal(hook.body.event, 'lead.created')
    assert.deepInclude(hook.body.data.lead, {
      eventId: leadId,
      name: 'Ana  Souza',
      phone: '(21) 99876-5432',
    })
    assert.equal(hook.body.data.visitor.id, visitor.publicId)
  })

  test('a checkout view becomes InitiateCheckout with the page’s event id', async ({ assert }) => {
    const { workspace, funnel, checkout } = await launch(stub, 'loja-checkout')
    const pageId = randomUUID()
    const beacon = await siteRequest('loja-checkout.localhost', '/_funil/e', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': AGENT },
      body: JSON.stringify({
        events: [
          {
            id: pageId,
            type: 'checkout_view',
            funnelId: funnel.id,
            stepId: checkout.id,
            url: 'https://loja-checkout.localhost/aula/checkout',
          },
          {
            id: randomUUID(),
            type: 'page_view',
            funnelId: funnel.id,
            stepId: checkout.id,
            url: 'https://loja-checkout.localhost/aula/checkout',
          },
        ],
      }),
    })
    assert.equal(beacon.status, 204)
    await FlushVisitorEvents.handle()
    const [job] = await conversionJobs()
    assert.deepEqual(job.data.eventIds, [pageId], 'page views are not conversions')

    await PlanVisitorConversions.handle(job.data)
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.target, row.event]),
      [
        ['meta', 'InitiateCheckout'],
        ['tiktok', 'InitiateCheckout'],
        ['ga4', 'begin_checkout'],
      ],
      'no lead.created for a checkout view'
    )
    await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: rows[0].id })
    const [meta] = stub.requestsTo('POST', '/v21.0/123456/events')
    assert.include(meta.body.data[0], {
      event_name: 'InitiateCheckout',
      event_id: pageId,
      event_source_url: 'https://loja-checkout.localhost/aula/checkout',
    })
  })

  test('a workspace with no destination enqueues nothing; another workspace’s events plan nothing', async ({
    assert,
  }) => {
    const quiet = await launch(stub, 'loja-quieta', false)
    const other = await launch(stub, 'loja-outra')
    const leadId = randomUUID()
    await siteRequest('loja-quieta.localhost', '/aula/inscricao', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        name: 'Bia',
        email: 'bia@example.com',
        phone: '11912345678',
        fd_event_id: leadId,
      }).toString(),
    })
    await FlushVisitorEvents.handle()
    assert.lengthOf(await conversionJobs(), 0)

    /** Event ids are looked up inside the job's workspace only. */
    assert.deepEqual(
      await PlanVisitorConversions.handle({
        workspaceId: other.workspace.id,
        eventIds: [leadId],
      }),
      { planned: 0, dispatched: 0 }
    )
    assert.lengthOf(await deliveriesOf(other.workspace), 0)
    assert.lengthOf(await deliveriesOf(quiet.workspace), 0)
  })

  test('the same click keeps its fbc; a new click replaces it', async ({ assert }) => {
    const { workspace, funnel, capture } = await launch(stub, 'loja-clique', false)
    const visit = (url: string) =>
      siteRequest('loja-clique.localhost', '/_funil/e', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'cookie': 'fd_sid=abcdefghijklmnopqrstuv' },
        body: JSON.stringify({
          events: [
            { id: randomUUID(), type: 'page_view', funnelId: funnel.id, stepId: capture.id, url },
          ],
        }),
      })
    await visit('https://loja-clique.localhost/aula?fbclid=First_Click')
    await FlushVisitorEvents.handle()
    const first = (await Visitor.query().where('workspace_id', workspace.id).firstOrFail()).fbc!
    assert.include(first, '.First_Click')

    await new Promise((resolve) => setTimeout(resolve, 5))
    await visit('https://loja-clique.localhost/aula?fbclid=First_Click')
    await FlushVisitorEvents.handle()
    const same = (await Visitor.query().where('workspace_id', workspace.id).firstOrFail()).fbc
    assert.equal(same, first)

    await visit('https://loja-clique.localhost/aula?fbclid=Second_Click')
    await FlushVisitorEvents.handle()
    const next = (await Visitor.query().where('workspace_id', workspace.id).firstOrFail()).fbc!
    assert.include(next, '.Second_Click')
  })
})
