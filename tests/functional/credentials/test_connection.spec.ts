import { test } from '@japa/runner'
import type { LookupFunction } from 'node:net'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer, closedPort, type StubRequest } from '#tests/helpers/stub_server'
import { outboundSettings } from '#services/outbound_http'
import TestCredentialConnection from '#actions/credentials/test_credential_connection'
import type Workspace from '#models/workspace'
import { credentialOf, secretKey, withPrivateUrlsRefused } from './fixtures.js'
import { route } from '#tests/helpers/routes'

/** The key every stub accepts; anything else is refused the way the real service does. */
const GOOD = secretKey('sk_live_')

const basicUser = (request: StubRequest) =>
  Buffer.from(String(request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
    .toString()
    .split(':')[0]

/** One stub per integration (docs/integrations/), all on the same local server. */
function implementContracts(stub: StubServer) {
  stub.on('GET', '/v1/transactions/:id', (request) =>
    basicUser(request) === GOOD
      ? { status: 404, body: { message: 'Transaction not found' } }
      : { status: 401, body: { message: 'Unauthorized' } }
  )
  stub.on('POST', '/api-credentials/orders', (request) =>
    request.headers['x-api-token'] === GOOD
      ? { status: 200, body: { OK: true } }
      : { status: 401, body: { message: 'Invalid token' } }
  )
  stub.on('GET', '/consulta', (request) => {
    const key =
      request.query.token ?? String(request.headers.authorization ?? '').replace(/^\w+ /, '')
    return key === GOOD
      ? { status: 200, body: { nome: 'FULANO DE TAL', nascimento: '01/01/1990' } }
      : { status: 403, body: { message: 'Sem créditos ou chave inválida' } }
  })
  stub.on('POST', '/v21.0/:pixelId/events', (request) =>
    request.query.access_token === GOOD
      ? { status: 200, body: { events_received: 1, fbtrace_id: 'abc' } }
      : {
          status: 400,
          body: {
            error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
          },
        }
  )
  stub.on('POST', '/open_api/v1.3/event/track/', (request) =>
    request.headers['access-token'] === GOOD
      ? { status: 200, body: { code: 0, message: 'OK', data: {} } }
      : {
          status: 200,
          body: { code: 40105, message: 'Access token is incorrect or has been revoked.' },
        }
  )
  stub.on('POST', '/debug/mp/collect', (request) =>
    request.query.api_secret === GOOD
      ? { status: 200, body: { validationMessages: [] } }
      : {
          status: 200,
          body: {
            validationMessages: [
              {
                fieldPath: 'api_secret',
                description: 'Invalid api_secret.',
                validationCode: 'VALUE_INVALID',
              },
            ],
          },
        }
  )
}

/** A credential of each service pointing at the stub. */
function credentialsFor(workspace: Workspace, stub: StubServer, apiKey: string) {
  return {
    skalepay: () => credentialOf(workspace, { apiKey, apiUrl: `${stub.url}/v1` }),
    utmify: () =>
      credentialOf(workspace, { service: 'utmify', apiKey, apiUrl: `${stub.url}/api-credentials` }),
    dataget: () =>
      credentialOf(workspace, {
        service: 'dataget',
        apiKey,
        apiUrl: `${stub.url}/consulta`,
        settings: { authMode: 'bearer' },
      }),
    meta_capi: () =>
      credentialOf(workspace, {
        service: 'meta_capi',
        apiKey,
        apiUrl: stub.url,
        settings: { pixelId: '123456789012345', testEventCode: 'TEST123' },
      }),
    tiktok_events: () =>
      credentialOf(workspace, {
        service: 'tiktok_events',
        apiKey,
        apiUrl: `${stub.url}/open_api/v1.3`,
        settings: { pixelCode: 'C4ABCDEF1234567890AB' },
      }),
    ga4: () =>
      credentialOf(workspace, {
        service: 'ga4',
        apiKey,
        apiUrl: stub.url,
        settings: { measurementId: 'G-ABC123XYZ' },
      }),
  }
}

test.group('Testar conexão: every service against its contract stub', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.setup(async () => {
    stub = await StubServer.start()
  })
  group.teardown(() => stub.close())
  group.each.setup(() => {
    stub.reset()
    implementContracts(stub)
  })

  test('a good key is ok, a refused one is invalid_credentials', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const good = credentialsFor(workspace, stub, GOOD)
    const bad = credentialsFor(workspace, stub, secretKey('sk_live_'))

    for (const service of Object.keys(good) as Array<keyof typeof good>) {
      const okCredential = await good[service]()
      const ok = await client
        .post(route('api.credentials.test', { id: okCredential.id }))
        .bearerToken(token)
      ok.assertStatus(200)
      assert.equal(ok.body().status, 'ok', `${service}: ${ok.body().message}`)
      assert.match(ok.body().message, /^Conexão com .+ OK: a credencial foi aceita\.$/)
      assert.notInclude(JSON.stringify(ok.body()), GOOD)

      const badCredential = await bad[service]()
      const refused = await client
        .post(route('api.credentials.test', { id: badCredential.id }))
        .bearerToken(token)
      refused.assertStatus(200)
      assert.equal(refused.body().status, 'invalid_credentials', service)
      assert.match(refused.body().message, /^Chave recusada na conexão com /)
    }
    assert.lengthOf(stub.requests, 12)
  })

  test('each client sends what its contract asks for', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const credentials = credentialsFor(workspace, stub, GOOD)
    for (const make of Object.values(credentials)) {
      const credential = await make()
      await client.post(route('api.credentials.test', { id: credential.id })).bearerToken(token)
    }

    const [skalepay] = stub.requestsTo('GET', '/v1/transactions/0')
    assert.equal(basicUser(skalepay), GOOD)

    const [utmify] = stub.requestsTo('POST', '/api-credentials/orders')
    assert.isTrue(utmify.body.isTest, 'UTMify validates without saving')
    assert.containSubset(utmify.body, {
      platform: 'FunilDigital',
      paymentMethod: 'pix',
      status: 'waiting_payment',
      approvedDate: null,
      refundedAt: null,
    })
    assert.match(utmify.body.createdAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)

    const [dataget] = stub.requestsTo('GET', '/consulta')
    assert.equal(dataget.headers.authorization, `Bearer ${GOOD}`)
    assert.equal(dataget.query.cpf, '52998224725')

    const [meta] = stub.requestsTo('POST', '/v21.0/123456789012345/events')
    assert.equal(meta.query.access_token, GOOD)
    assert.equal(meta.body.test_event_code, 'TEST123')
    assert.lengthOf(meta.body.data, 1)
    assert.equal(meta.body.data[0].action_source, 'system_generated')

    const [tiktok] = stub.requestsTo('POST', '/open_api/v1.3/event/track/')
    assert.equal(tiktok.headers['access-token'], GOOD)
    assert.equal(tiktok.body.event_source_id, 'C4ABCDEF1234567890AB')

    const [ga4] = stub.requestsTo('POST', '/debug/mp/collect')
    assert.deepEqual(
      { measurement_id: ga4.query.measurement_id, api_secret: ga4.query.api_secret },
      { measurement_id: 'G-ABC123XYZ', api_secret: GOOD }
    )
  })

  test('the CPF lookup honours its auth mode', async ({ assert }) => {
    const { workspace } = await createTenant()
    const credential = await credentialOf(workspace, {
      service: 'dataget',
      apiKey: GOOD,
      apiUrl: `${stub.url}/consulta`,
      settings: { authMode: 'query' },
    })
    const outcome = await TestCredentialConnection.handle({ credential })
    assert.equal(outcome.status, 'ok')
    const [request] = stub.requestsTo('GET', '/consulta')
    assert.equal(request.query.token, GOOD)
    assert.isUndefined(request.headers.authorization)
  })

  test('403 is a refused key, 5xx and odd answers are unexpected', async ({ assert }) => {
    const { workspace } = await createTenant()
    const credential = await credentialOf(workspace, { apiKey: GOOD, apiUrl: `${stub.url}/v1` })

    stub.on('GET', '/v1/transactions/:id', { status: 403, body: { message: 'Forbidden' } })
    assert.containSubset(await TestCredentialConnection.handle({ credential }), {
      status: 'invalid_credentials',
      httpStatus: 403,
    })

    stub.on('GET', '/v1/transactions/:id', { status: 503, body: 'Service Unavailable' })
    assert.containSubset(await TestCredentialConnection.handle({ credential }), {
      status: 'unexpected',
      reason: 'server_error',
      httpStatus: 503,
    })

    stub.on('GET', '/v1/transactions/:id', { status: 400, body: { message: 'ID inválido' } })
    assert.containSubset(await TestCredentialConnection.handle({ credential }), {
      status: 'unexpected',
      reason: 'rejected',
      httpStatus: 400,
      detail: 'ID inválido',
    })
  })

  test('English when the client asks for it', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const credential = await credentialsFor(workspace, stub, GOOD).skalepay()
    const response = await client
      .post(route('api.credentials.test', { id: credential.id }))
      .header('accept-language', 'en')
      .bearerToken(token)
    assert.deepEqual(response.body(), {
      status: 'ok',
      httpStatus: 404,
      message: 'Connection to SkalePay OK: the credential was accepted.',
    })
  })
})

test.group('Testar conexão: network failures', (group) => {
  freshDatabase(group)

  test('a closed port is unreachable', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const port = await closedPort()
    const credential = await credentialOf(workspace, { apiUrl: `http://127.0.0.1:${port}/v1` })
    const response = await client
      .post(route('api.credentials.test', { id: credential.id }))
      .bearerToken(token)
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      status: 'unreachable',
      message: 'Não foi possível conectar com SkalePay. Confira a URL da API e tente de novo.',
    })
  })

  test('a service that does not answer in time is unreachable (deadline injected)', async ({
    client,
    assert,
  }) => {
    const stub = await StubServer.start()
    const previous = outboundSettings.connectionTestTimeoutMs
    outboundSettings.connectionTestTimeoutMs = 300
    try {
      stub.on('GET', '/v1/transactions/:id', { status: 404, body: {}, delayMs: 10_000 })
      const { owner, workspace } = await createTenant()
      const token = await apiToken(owner, workspace)
      const credential = await credentialOf(workspace, { apiUrl: `${stub.url}/v1` })
      const startedAt = Date.now()
      const response = await client
        .post(route('api.credentials.test', { id: credential.id }))
        .bearerToken(token)
      assert.isBelow(Date.now() - startedAt, 2_500)
      response.assertStatus(200)
      assert.equal(response.body().status, 'unreachable')
      assert.equal(response.body().message, 'Tempo esgotado: SkalePay não respondeu a tempo.')
      assert.lengthOf(stub.requests, 1, 'the call was made')
    } finally {
      outboundSettings.connectionTestTimeoutMs = previous
      await stub.close()
    }
  })
})

test.group('Testar conexão: SSRF at call time', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.setup(async () => {
    stub = await StubServer.start()
  })
  group.teardown(() => stub.close())
  group.each.setup(() => {
    stub.reset()
    implementContracts(stub)
  })

  test('stored internal URLs are refused without a request (allowance off)', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    /** Rows stored directly: URLs saved before the rules, or while the allowance was on. */
    const urls = [
      `${stub.url}/v1`,
      `http://localhost:${stub.port}/v1`,
      `http://[::1]:${stub.port}/v1`,
      'https://10.0.0.8/v1',
      'https://169.254.169.254/latest',
    ]
    await withPrivateUrlsRefused(async () => {
      for (const apiUrl of urls) {
        const credential = await credentialOf(workspace, { apiKey: GOOD, apiUrl })
        const response = await client
          .post(route('api.credentials.test', { id: credential.id }))
          .bearerToken(token)
        response.assertStatus(200)
        assert.deepEqual(
          response.body(),
          {
            status: 'unreachable',
            message:
              'Conexão bloqueada: a URL da API aponta para um endereço interno ou de rede privada.',
          },
          apiUrl
        )
      }
    })
    assert.lengthOf(stub.requests, 0)
  })

  test('a public name resolving to 127.0.0.1 is refused by the agent', async ({ assert }) => {
    const { workspace } = await createTenant()
    const toLoopback = ((_host: string, options: any, callback: any) =>
      options?.all
        ? callback(null, [{ address: '127.0.0.1', family: 4 }])
        : callback(null, '127.0.0.1', 4)) as LookupFunction

    const disguised = await credentialOf(workspace, {
      apiKey: GOOD,
      apiUrl: `https://api.gateway-legitimo.com.br:${stub.port}/v1`,
    })
    const refused = await TestCredentialConnection.handle({
      credential: disguised,
      options: { allowPrivate: false, lookup: toLoopback },
    })
    assert.deepEqual(refused, { status: 'unreachable', reason: 'blocked' })
    assert.lengthOf(stub.requests, 0)

    /** Control: the same resolver with the allowance reaches the stub. */
    disguised.apiUrl = `http://api.gateway-legitimo.com.br:${stub.port}/v1`
    const allowed = await TestCredentialConnection.handle({
      credential: disguised,
      options: { allowPrivate: true, lookup: toLoopback },
    })
    assert.equal(allowed.status, 'ok')
    assert.lengthOf(stub.requests, 1)
  })
})

test.group('Testar conexão from the admin page', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.setup(async () => {
    stub = await StubServer.start()
  })
  group.teardown(() => stub.close())
  group.each.setup(() => {
    stub.reset()
    implementContracts(stub)
  })

  test('answers JSON like the API', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const credential = await credentialOf(workspace, { apiKey: GOOD, apiUrl: `${stub.url}/v1` })
    const response = await client
      .post(route('w.credentials.test', { workspaceSlug: workspace.slug, id: credential.id }))
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.equal(response.body().httpStatus, 404)
  })

  test("another workspace's credential is a 404, viewers get 403", async ({ client, assert }) => {
    const { owner, agency, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await credentialOf(other.workspace, { apiKey: GOOD, apiUrl: `${stub.url}/v1` })
    const notFound = await client
      .post(route('w.credentials.test', { workspaceSlug: workspace.slug, id: foreign.id }))
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    notFound.assertStatus(404)

    const own = await credentialOf(workspace, { apiKey: GOOD, apiUrl: `${stub.url}/v1` })
    const viewer = await agencyMember(agency, 'viewer')
    const forbidden = await client
      .post(route('w.credentials.test', { workspaceSlug: workspace.slug, id: own.id }))
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(viewer)
    forbidden.assertStatus(403)
    assert.lengthOf(stub.requests, 0)
  })
})
