import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer, closedPort } from '#tests/helpers/stub_server'
import { withPrivateUrlsRefused } from '#tests/functional/credentials/fixtures'
import PostbackDelivery from '#models/postback_delivery'
import { endpointOf, verifiesWith } from './fixtures.js'
import { route } from '#tests/helpers/routes'

async function setup() {
  const tenant = await createTenant()
  const token = await apiToken(tenant.owner, tenant.workspace)
  return { ...tenant, token }
}

test.group('API webhooks: enviar teste', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    stub = await StubServer.start()
    return () => stub.close()
  })

  test('posts a signed, timestamped webhook.test the receiver can verify', async ({
    client,
    assert,
  }) => {
    stub.on('POST', '/hooks/erp', { status: 200, body: { received: true } })
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace, { url: `${stub.url}/hooks/erp` })

    const before = Math.floor(Date.now() / 1000)
    const response = await client
      .post(route('api.webhooks.test', { id: endpoint.id }))
      .bearerToken(token)
    response.assertStatus(200)
    assert.containSubset(response.body(), {
      ok: true,
      httpStatus: 200,
      excerpt: '{"received":true}',
    })
    assert.isAtLeast(response.body().durationMs, 0)

    assert.lengthOf(stub.requests, 1)
    const [hook] = stub.requests
    assert.equal(hook.method, 'POST')
    assert.equal(hook.headers['content-type'], 'application/json')
    assert.equal(hook.headers['x-funil-event'], 'webhook.test')
    const timestamp = Number(hook.headers['x-funil-timestamp'])
    assert.isAtLeast(timestamp, before)
    assert.isAtMost(timestamp, before + 5)
    assert.isTrue(verifiesWith(endpoint.secret, hook), 'the HMAC of "<timestamp>.<raw body>"')
    assert.match(String(hook.headers['x-funil-signature']), /^sha256=[0-9a-f]{64}$/)
    assert.deepEqual(hook.body.data, { endpointId: endpoint.id, workspace: workspace.slug })
    assert.equal(hook.body.event, 'webhook.test')
    assert.approximately(Date.parse(hook.body.occurredAt) / 1000, timestamp, 5)

    assert.lengthOf(
      await PostbackDelivery.query().where('workspace_id', workspace.id),
      0,
      'a test is not a recorded delivery'
    )
  })

  test('after a rotation the old secret no longer verifies, the new one does', async ({
    client,
    assert,
  }) => {
    stub.on('POST', '/hook', { status: 204 })
    const { token, workspace } = await setup()
    const endpoint = await endpointOf(workspace, { url: `${stub.url}/hook` })
    const old = endpoint.secret

    await client.post(route('api.webhooks.test', { id: endpoint.id })).bearerToken(token)
    const rotated = await client
      .post(route('api.webhooks.rotate_secret', { id: endpoint.id }))
      .bearerToken(token)
    const secret = rotated.body().webhook.secret
    const response = await client
      .post(route('api.webhooks.test', { id: endpoint.id }))
      .bearerToken(token)
    assert.containSubset(response.body(), { ok: true, httpStatus: 204 })

    const [before, after] = stub.requests
    assert.isTrue(verifiesWith(old, before))
    assert.isFalse(verifiesWith(old, after), 'the old secret no longer verifies')
    assert.isTrue(verifiesWith(secret, after))
  })

  test('reports a refusal, an unreachable and a blocked address without throwing', async ({
    client,
    assert,
  }) => {
    stub.on('POST', '/hook', { status: 401, body: 'assinatura inválida' })
    const { token, workspace } = await setup()
    const refusing = await endpointOf(workspace, { url: `${stub.url}/hook`, isActive: false })
    const rejected = await client
      .post(route('api.webhooks.test', { id: refusing.id }))
      .bearerToken(token)
    rejected.assertStatus(200)
    assert.containSubset(rejected.body(), {
      ok: false,
      httpStatus: 401,
      excerpt: 'assinatura inválida',
    })

    const closed = await endpointOf(workspace, { url: `http://127.0.0.1:${await closedPort()}/h` })
    const unreachable = await client
      .post(route('api.webhooks.test', { id: closed.id }))
      .bearerToken(token)
    assert.containSubset(unreachable.body(), {
      ok: false,
      httpStatus: null,
      excerpt: 'unreachable',
    })

    /** Saved while allowed, called once the allowance is off: refused before any socket. */
    const blocked = await withPrivateUrlsRefused(() =>
      client.post(route('api.webhooks.test', { id: refusing.id })).bearerToken(token)
    )
    assert.containSubset(blocked.body(), { ok: false, httpStatus: null, excerpt: 'blocked' })
    assert.lengthOf(stub.requests, 1)
  })
})
