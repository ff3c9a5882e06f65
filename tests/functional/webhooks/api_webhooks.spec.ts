import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { queriesDuring } from '#tests/functional/funnels/helpers'
import {
  assertNoSecret,
  expectStatus,
  withPrivateUrlsRefused,
} from '#tests/functional/credentials/fixtures'
import WebhookEndpoint from '#models/webhook_endpoint'
import { deliveriesOf, endpointOf, rulesOf } from './fixtures.js'
import { route } from '#tests/helpers/routes'

async function setup() {
  const tenant = await createTenant()
  const token = await apiToken(tenant.owner, tenant.workspace)
  return { ...tenant, token }
}

const SECRET_FORMAT = /^whsec_[0-9a-f]{64}$/

test.group('API webhooks: create, list, show, update, delete', (group) => {
  freshDatabase(group)

  test('creates an endpoint: the secret is in this answer only, then always masked', async ({
    client,
    assert,
  }) => {
    const { token, workspace } = await setup()
    const created = await client
      .post(route('api.webhooks.store'))
      .bearerToken(token)
      .json({
        name: 'ERP da agência',
        url: 'https://erp.agencia.com.br/hooks/funil',
        events: ['payment.paid', 'lead.created'],
      })
    created.assertStatus(201)
    const webhook = created.body().webhook
    assert.match(webhook.secret, SECRET_FORMAT)
    assert.containSubset(webhook, {
      name: 'ERP da agência',
      url: 'https://erp.agencia.com.br/hooks/funil',
      events: ['payment.paid', 'lead.created'],
      isActive: true,
      secretHint: `whsec_…${webhook.secret.slice(-4)}`,
      deliveries: { succeeded: 0, failed: 0, dead: 0 },
    })
    assert.properties(webhook, ['id', 'createdAt', 'updatedAt'])

    const stored = await WebhookEndpoint.findOrFail(webhook.id)
    assert.equal(stored.workspaceId, workspace.id)
    assert.equal(stored.secret, webhook.secret, 'the model decrypts the stored secret')
    const row = await db.from('webhook_endpoints').where('id', webhook.id).first()
    assertNoSecret(assert, row, webhook.secret)

    const show = await client.get(route('api.webhooks.show', { id: webhook.id })).bearerToken(token)
    show.assertStatus(200)
    assert.notProperty(show.body().webhook, 'secret')
    assert.equal(show.body().webhook.secretHint, webhook.secretHint)
    assertNoSecret(assert, show.body(), webhook.secret)

    const list = await client.get(route('api.webhooks.index')).bearerToken(token)
    list.assertStatus(200)
    assert.deepEqual(list.body().meta, { total: 1, perPage: 25, currentPage: 1, lastPage: 1 })
    assertNoSecret(assert, list.body(), webhook.secret)

    const updated = await client
      .put(route('api.webhooks.update', { id: webhook.id }))
      .bearerToken(token)
      .json({ name: 'ERP novo' })
    assertNoSecret(assert, updated.body(), webhook.secret)
  })

  test('every endpoint gets its own secret', async ({ client, assert }) => {
    const { token } = await setup()
    const secrets = []
    for (const name of ['A', 'B']) {
      const response = await client
        .post(route('api.webhooks.store'))
        .bearerToken(token)
        .json({ name, url: 'https://hooks.example.com/x', events: ['payment.paid'] })
      secrets.push(response.body().webhook.secret)
    }
    assert.notEqual(secrets[0], secrets[1])
  })

  test('lists with the delivery counts of each endpoint, by status', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const erp = await endpointOf(workspace, { name: 'ERP' })
    const crm = await endpointOf(workspace, { name: 'CRM', isActive: false })
    await deliveriesOf(workspace, erp.id, 'succeeded', 3)
    await deliveriesOf(workspace, erp.id, 'failed', 1)
    await deliveriesOf(workspace, erp.id, 'dead', 2)
    await deliveriesOf(workspace, erp.id, 'pending', 1)
    await deliveriesOf(workspace, crm.id, 'dead', 1)
    /** Another workspace's deliveries are not counted. */
    const other = await createTenant()
    const foreign = await endpointOf(other.workspace)
    await deliveriesOf(other.workspace, foreign.id, 'succeeded', 2)

    const list = await client.get(route('api.webhooks.index')).bearerToken(token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((row: any) => [row.name, row.isActive, row.deliveries]),
      [
        ['ERP', true, { succeeded: 3, failed: 1, dead: 2 }],
        ['CRM', false, { succeeded: 0, failed: 0, dead: 1 }],
      ]
    )
    const show = await client.get(route('api.webhooks.show', { id: erp.id })).bearerToken(token)
    assert.deepEqual(show.body().webhook.deliveries, { succeeded: 3, failed: 1, dead: 2 })

    const paged = await client
      .get(route('api.webhooks.index', {}, { qs: { perPage: '1', page: '2' } }))
      .bearerToken(token)
    assert.deepEqual(
      paged.body().data.map((row: any) => row.id),
      [crm.id]
    )
    assert.deepEqual(paged.body().meta, { total: 2, perPage: 1, currentPage: 2, lastPage: 2 })
  })

  test('the list costs the same number of queries for 1 and 10 endpoints', async ({
    client,
    assert,
  }) => {
    const { token, workspace } = await setup()
    const first = await endpointOf(workspace)
    await deliveriesOf(workspace, first.id, 'succeeded', 1)
    const few = await queriesDuring(() =>
      client.get(route('api.webhooks.index')).bearerToken(token)
    )

    for (let i = 0; i < 9; i++) {
      const endpoint = await endpointOf(workspace)
      await deliveriesOf(workspace, endpoint.id, 'failed', 1)
    }
    let body: any
    const many = await queriesDuring(async () => {
      const response = await client.get(route('api.webhooks.index')).bearerToken(token)
      body = response.body()
    })
    assert.lengthOf(body.data, 10)
    assert.equal(many.length, few.length)
    assert.isTrue(many.some((sql) => /postback_deliveries/.test(sql)))
  })

  test('updates only what is sent; the secret does not change', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace, { events: ['payment.paid'] })
    const secret = endpoint.secret

    const response = await client
      .put(route('api.webhooks.update', { id: endpoint.id }))
      .bearerToken(token)
      .json({ events: ['payment.created', 'payment.refunded'], isActive: false })
    response.assertStatus(200)
    assert.deepEqual(response.body().webhook.events, ['payment.created', 'payment.refunded'])
    assert.isFalse(response.body().webhook.isActive)
    assert.equal(response.body().webhook.name, 'ERP da agência')

    const renamed = await client
      .put(route('api.webhooks.update', { id: endpoint.id }))
      .bearerToken(token)
      .json({ name: '  CRM  ', url: 'https://crm.example.com/in', secret: 'whsec_mine' })
    renamed.assertStatus(200)
    await endpoint.refresh()
    assert.equal(endpoint.name, 'CRM')
    assert.equal(endpoint.url, 'https://crm.example.com/in')
    assert.deepEqual(endpoint.events, ['payment.created', 'payment.refunded'])
    assert.isFalse(endpoint.isActive)
    assert.equal(endpoint.secret, secret, 'a secret in the request is ignored')
  })

  test('deletes an endpoint and keeps its delivery history', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace)
    await deliveriesOf(workspace, endpoint.id, 'succeeded', 1)
    const response = await client
      .delete(route('api.webhooks.destroy', { id: endpoint.id }))
      .bearerToken(token)
    response.assertStatus(204)
    assert.isNull(await WebhookEndpoint.find(endpoint.id))
    const rows = await db.from('postback_deliveries').where('workspace_id', workspace.id)
    assert.lengthOf(rows, 1)
    assert.isNull(rows[0].webhook_endpoint_id)
  })
})

test.group('API webhooks: rotate secret', (group) => {
  freshDatabase(group)

  test('answers the new secret once; the old one is gone', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace)
    const old = endpoint.secret

    const rotated = await client
      .post(route('api.webhooks.rotate_secret', { id: endpoint.id }))
      .bearerToken(token)
    rotated.assertStatus(200)
    const { secret, secretHint } = rotated.body().webhook
    assert.match(secret, SECRET_FORMAT)
    assert.notEqual(secret, old)
    assert.equal(secretHint, `whsec_…${secret.slice(-4)}`)
    await endpoint.refresh()
    assert.equal(endpoint.secret, secret)

    const show = await client
      .get(route('api.webhooks.show', { id: endpoint.id }))
      .bearerToken(token)
    assertNoSecret(assert, show.body(), secret)
    assert.equal(show.body().webhook.secretHint, secretHint)
  })
})

test.group('API webhooks: validation', (group) => {
  freshDatabase(group)

  test('required fields, bad URL, empty, unknown or repeated events (422)', async ({
    client,
    assert,
  }) => {
    const { token } = await setup()
    const empty = await client.post(route('api.webhooks.store')).bearerToken(token).json({})
    empty.assertStatus(422)
    assert.deepInclude(rulesOf(empty.body()), {
      name: 'required',
      url: 'required',
      events: 'required',
    })

    const valid = { name: 'ERP', url: 'https://erp.example.com/hook', events: ['payment.paid'] }
    const cases = [
      [{ url: 'not a url' }, 'url', 'webhook_url_invalid_url'],
      [{ url: 'ftp://erp.example.com/hook' }, 'url', 'webhook_url_https_required'],
      [{ url: 'https://user:pass@erp.example.com/hook' }, 'url', 'webhook_url_invalid_url'],
      [{ url: `https://erp.example.com/${'a'.repeat(1000)}` }, 'url', 'maxLength'],
      [{ name: 'x'.repeat(256) }, 'name', 'maxLength'],
      [{ name: '   ' }, 'name', 'required'],
      [{ events: [] }, 'events', 'array.minLength'],
      [{ events: 'payment.paid' }, 'events', 'array'],
      [{ events: ['payment.paid', 'order.shipped'] }, 'events.1', 'enum'],
      [{ events: ['payment.paid', 'payment.paid'] }, 'events', 'distinct'],
      [{ isActive: 'maybe' }, 'isActive', 'boolean'],
    ] as const
    for (const [fields, field, rule] of cases) {
      const response = await client
        .post(route('api.webhooks.store'))
        .bearerToken(token)
        .json({ ...valid, ...fields })
      response.assertStatus(422)
      assert.equal(rulesOf(response.body())[field], rule, JSON.stringify(fields))
    }

    const message = await client
      .post(route('api.webhooks.store'))
      .bearerToken(token)
      .json({ ...valid, events: [] })
    assert.equal(message.body().errors[0].message, 'Escolha pelo menos um evento')
    assert.lengthOf(await WebhookEndpoint.all(), 0)
  })

  test('an update is validated too (422) and changes nothing', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace)
    for (const [fields, field, rule] of [
      [{ events: [] }, 'events', 'array.minLength'],
      [{ events: ['lead.updated'] }, 'events.0', 'enum'],
      [{ url: 'javascript:alert(1)' }, 'url', 'webhook_url_https_required'],
    ] as const) {
      const response = await client
        .put(route('api.webhooks.update', { id: endpoint.id }))
        .bearerToken(token)
        .json(fields)
      response.assertStatus(422)
      assert.equal(rulesOf(response.body())[field], rule, JSON.stringify(fields))
    }
    const url = endpoint.url
    await endpoint.refresh()
    assert.equal(endpoint.url, url)
    assert.deepEqual(endpoint.events, ['payment.paid'])
  })
})

test.group('API webhooks: SSRF at save time', (group) => {
  freshDatabase(group)

  const refused = [
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://192.168.0.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://localhost:8443/hook',
    'https://erp.internal/hook',
  ]

  test('private, loopback, link-local and internal URLs are refused on create and update', async ({
    client,
    assert,
  }) => {
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace)
    await withPrivateUrlsRefused(async () => {
      for (const url of refused) {
        const created = await client
          .post(route('api.webhooks.store'))
          .bearerToken(token)
          .json({ name: 'ERP', url, events: ['payment.paid'] })
        created.assertStatus(422)
        assert.equal(rulesOf(created.body()).url, 'webhook_url_private_address', url)
        assert.equal(
          created.body().errors[0].message,
          'Endereços internos, locais ou de rede privada não são permitidos'
        )
        const updated = await client
          .put(route('api.webhooks.update', { id: endpoint.id }))
          .bearerToken(token)
          .json({ url })
        updated.assertStatus(422)
        assert.equal(rulesOf(updated.body()).url, 'webhook_url_private_address', url)
      }
      const insecure = await client
        .post(route('api.webhooks.store'))
        .bearerToken(token)
        .json({ name: 'ERP', url: 'http://erp.example.com/hook', events: ['payment.paid'] })
      assert.equal(rulesOf(insecure.body()).url, 'webhook_url_https_required')

      const accepted = await client
        .put(route('api.webhooks.update', { id: endpoint.id }))
        .bearerToken(token)
        .json({ url: 'https://erp.agencia.com.br/hook' })
      accepted.assertStatus(200)
    })
    assert.lengthOf(await WebhookEndpoint.all(), 1)
    await endpoint.refresh()
    assert.equal(endpoint.url, 'https://erp.agencia.com.br/hook')
  })

  test('with the allowance (local stubs) a loopback http URL is accepted', async ({ client }) => {
    const { token } = await setup()
    const response = await client
      .post(route('api.webhooks.store'))
      .bearerToken(token)
      .json({ name: 'Stub', url: 'http://127.0.0.1:4010/hook', events: ['payment.paid'] })
    response.assertStatus(201)
  })
})

test.group('API webhooks: tenancy and roles', (group) => {
  freshDatabase(group)

  test("another workspace's endpoint is a 404 on every :id route", async ({ client, assert }) => {
    const { token } = await setup()
    const other = await createTenant()
    const foreign = await endpointOf(other.workspace, { name: 'Deles' })
    const secret = foreign.secret
    const base = route('api.webhooks.show', { id: foreign.id })

    const responses = [
      await client.get(base).bearerToken(token),
      await client.put(base).bearerToken(token).json({ name: 'Roubado' }),
      await client.delete(base).bearerToken(token),
      await client.post(`${base}/rotate-secret`).bearerToken(token),
      await client.post(`${base}/test`).bearerToken(token),
    ]
    for (const response of responses) {
      response.assertStatus(404)
      assertNoSecret(assert, response.body(), secret)
    }
    const list = await client.get(route('api.webhooks.index')).bearerToken(token)
    assert.lengthOf(list.body().data, 0)
    await foreign.refresh()
    assert.equal(foreign.name, 'Deles')
    assert.equal(foreign.secret, secret)
  })

  test('viewers read (masked) but cannot write, rotate or test (403)', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await setup()
    const endpoint = await endpointOf(workspace)
    const secret = endpoint.secret
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const token = await apiToken(viewer, workspace)
      const list = await client.get(route('api.webhooks.index')).bearerToken(token)
      list.assertStatus(200)
      assertNoSecret(assert, list.body(), secret)
      await expectStatus(
        client.get(route('api.webhooks.show', { id: endpoint.id })).bearerToken(token),
        200
      )
      await expectStatus(
        client
          .post(route('api.webhooks.store'))
          .bearerToken(token)
          .json({ name: 'X', url: 'https://x.example.com', events: ['payment.paid'] }),
        403
      )
      await expectStatus(
        client
          .put(route('api.webhooks.update', { id: endpoint.id }))
          .bearerToken(token)
          .json({ name: 'Outro' }),
        403
      )
      await expectStatus(
        client.delete(route('api.webhooks.destroy', { id: endpoint.id })).bearerToken(token),
        403
      )
      await expectStatus(
        client.post(route('api.webhooks.rotate_secret', { id: endpoint.id })).bearerToken(token),
        403
      )
      await expectStatus(
        client.post(route('api.webhooks.test', { id: endpoint.id })).bearerToken(token),
        403
      )
    }
    await endpoint.refresh()
    assert.equal(endpoint.name, 'ERP da agência')
    assert.equal(endpoint.secret, secret)
    assert.lengthOf(await WebhookEndpoint.all(), 1)
  })
})
