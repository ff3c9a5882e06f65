import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import Credential from '#models/credential'
import {
  assertNoSecret,
  credentialOf,
  expectStatus,
  secretKey,
  withPrivateUrlsRefused,
} from './fixtures.js'
import { route } from '#tests/helpers/routes'

async function setup() {
  const tenant = await createTenant()
  const token = await apiToken(tenant.owner, tenant.workspace)
  return { ...tenant, token }
}

function rulesOf(body: any) {
  return Object.fromEntries(body.errors.map((error: any) => [error.field, error.rule]))
}

test.group('API credentials: create, list, show, update, delete', (group) => {
  freshDatabase(group)

  test('creates a credential and answers with the key masked', async ({ client, assert }) => {
    const { token, owner, workspace } = await setup()
    const apiKey = secretKey()
    const apiSecret = secretKey('whsec_')
    const response = await client.post(route('api.credentials.store')).bearerToken(token).json({
      service: 'skalepay',
      name: 'SkalePay produção',
      apiKey,
      apiSecret,
    })
    response.assertStatus(201)
    const credential = response.body().credential
    assert.containSubset(credential, {
      service: 'skalepay',
      name: 'SkalePay produção',
      apiKeyMasked: `sk_live_…${apiKey.slice(-4)}`,
      apiSecretMasked: `whsec_…${apiSecret.slice(-4)}`,
      hasApiSecret: true,
      apiUrl: null,
      settings: {},
      isActive: true,
      createdBy: owner.id,
    })
    assert.notProperty(credential, 'apiKey')
    assert.notProperty(credential, 'apiSecret')
    assertNoSecret(assert, response.body(), apiKey, apiSecret)

    const stored = await Credential.findOrFail(credential.id)
    assert.equal(stored.workspaceId, workspace.id)
    assert.equal(stored.apiKey, apiKey, 'the model decrypts the stored key')
    assert.equal(stored.apiSecret, apiSecret)
  })

  test('keys are encrypted at rest: the raw row never holds them', async ({ client, assert }) => {
    const { token } = await setup()
    const apiKey = secretKey()
    const apiSecret = secretKey('whsec_')
    const response = await client
      .post(route('api.credentials.store'))
      .bearerToken(token)
      .json({ service: 'utmify', name: 'UTMify', apiKey, apiSecret })
    const row = await db.from('credentials').where('id', response.body().credential.id).first()
    assert.notEqual(row.api_key, apiKey)
    assert.notEqual(row.api_secret, apiSecret)
    assertNoSecret(assert, row, apiKey, apiSecret)
    assert.isAbove(row.api_key.length, apiKey.length)
  })

  test('list and show mask every key', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const keys = [secretKey(), secretKey('EAA')]
    const skalepay = await credentialOf(workspace, { apiKey: keys[0], apiSecret: secretKey('x_') })
    const meta = await credentialOf(workspace, {
      service: 'meta_capi',
      name: 'Meta',
      apiKey: keys[1],
      settings: { pixelId: '123456789012345' },
    })

    const list = await client.get(route('api.credentials.index')).bearerToken(token)
    list.assertStatus(200)
    assert.deepEqual(list.body().meta, { total: 2, perPage: 25, currentPage: 1, lastPage: 1 })
    assert.sameMembers(
      list.body().data.map((credential: any) => credential.id),
      [skalepay.id, meta.id]
    )
    assertNoSecret(assert, list.body(), ...keys, skalepay.apiSecret!)

    const filtered = await client
      .get(route('api.credentials.index'))
      .bearerToken(token)
      .qs({ service: 'meta_capi' })
    assert.deepEqual(
      filtered.body().data.map((credential: any) => credential.id),
      [meta.id]
    )
    assert.deepEqual(filtered.body().data[0].settings, { pixelId: '123456789012345' })

    const bad = await client
      .get(route('api.credentials.index'))
      .bearerToken(token)
      .qs({ service: 'stripe' })
    bad.assertStatus(422)
    assert.equal(rulesOf(bad.body()).service, 'enum')

    const show = await client.get(route('api.credentials.show', { id: meta.id })).bearerToken(token)
    show.assertStatus(200)
    assert.equal(show.body().credential.apiKeyMasked, `EAA…${keys[1].slice(-4)}`)
    assertNoSecret(assert, show.body(), keys[1])
  })

  test('an empty or omitted key or secret on update keeps the stored one', async ({
    client,
    assert,
  }) => {
    const { token, workspace } = await setup()
    const apiKey = secretKey()
    const apiSecret = secretKey('whsec_')
    const credential = await credentialOf(workspace, { apiKey, apiSecret })

    const renamed = await client
      .put(route('api.credentials.update', { id: credential.id }))
      .bearerToken(token)
      .json({ name: 'SkalePay loja 2', apiKey: '', apiSecret: '   ' })
    renamed.assertStatus(200)
    assert.equal(renamed.body().credential.name, 'SkalePay loja 2')
    assertNoSecret(assert, renamed.body(), apiKey, apiSecret)
    await credential.refresh()
    assert.equal(credential.apiKey, apiKey)
    assert.equal(credential.apiSecret, apiSecret)

    const omitted = await client
      .put(route('api.credentials.update', { id: credential.id }))
      .bearerToken(token)
      .json({ isActive: false })
    omitted.assertStatus(200)
    await credential.refresh()
    assert.equal(credential.apiKey, apiKey)
    assert.isFalse(credential.isActive)
    assert.equal(credential.name, 'SkalePay loja 2')
  })

  test('settings are merged: sending one option keeps the others', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const credential = await credentialOf(workspace, {
      service: 'meta_capi',
      name: 'Meta',
      apiKey: secretKey('EAAB'),
      settings: { pixelId: '123456789012345', testEventCode: 'TEST1' },
    })
    const response = await client
      .put(route('api.credentials.update', { id: credential.id }))
      .bearerToken(token)
      .json({ settings: { testEventCode: null } })
    response.assertStatus(200)
    await credential.refresh()
    assert.deepEqual(credential.settings, { pixelId: '123456789012345', testEventCode: null })
  })

  test('a new key replaces the stored one; clearApiSecret removes the secret', async ({
    client,
    assert,
  }) => {
    const { token, workspace } = await setup()
    const credential = await credentialOf(workspace, { apiSecret: secretKey('whsec_') })
    const newKey = secretKey()
    const response = await client
      .put(route('api.credentials.update', { id: credential.id }))
      .bearerToken(token)
      .json({ apiKey: newKey, clearApiSecret: true })
    response.assertStatus(200)
    assert.equal(response.body().credential.apiKeyMasked, `sk_live_…${newKey.slice(-4)}`)
    assert.isFalse(response.body().credential.hasApiSecret)
    assert.isNull(response.body().credential.apiSecretMasked)
    assertNoSecret(assert, response.body(), newKey)
    await credential.refresh()
    assert.equal(credential.apiKey, newKey)
    assert.isNull(credential.apiSecret)
  })

  test('deletes a credential', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const credential = await credentialOf(workspace)
    const response = await client
      .delete(route('api.credentials.destroy', { id: credential.id }))
      .bearerToken(token)
    response.assertStatus(204)
    assert.isNull(await Credential.find(credential.id))
  })
})

test.group('API credentials: validation', (group) => {
  freshDatabase(group)

  test('required fields and the service enum (422)', async ({ client, assert }) => {
    const { token } = await setup()
    const empty = await client.post(route('api.credentials.store')).bearerToken(token).json({})
    empty.assertStatus(422)
    assert.deepInclude(rulesOf(empty.body()), {
      service: 'required',
      name: 'required',
      apiKey: 'required',
    })
    const unknown = await client
      .post(route('api.credentials.store'))
      .bearerToken(token)
      .json({ service: 'stripe', name: 'Stripe', apiKey: secretKey() })
    assert.equal(rulesOf(unknown.body()).service, 'enum')
  })

  test('settings per service (422)', async ({ client, assert }) => {
    const { token } = await setup()
    const cases = [
      [{ service: 'meta_capi' }, 'settings', 'required'],
      [{ service: 'meta_capi', settings: { pixelId: '12ab' } }, 'settings.pixelId', 'regex'],
      [
        { service: 'meta_capi', settings: { pixelId: '123456789012345', testEventCode: 'a b' } },
        'settings.testEventCode',
        'regex',
      ],
      [{ service: 'tiktok_events', settings: {} }, 'settings.pixelCode', 'required'],
      [
        { service: 'ga4', settings: { measurementId: 'UA-1234-1' } },
        'settings.measurementId',
        'regex',
      ],
      [{ service: 'dataget' }, 'apiUrl', 'required'],
      [
        { service: 'dataget', apiUrl: 'https://cpf.example.com', settings: { authMode: 'basic' } },
        'settings.authMode',
        'enum',
      ],
    ] as const
    for (const [fields, field, rule] of cases) {
      const response = await client
        .post(route('api.credentials.store'))
        .bearerToken(token)
        .json({ name: 'Teste', apiKey: secretKey(), ...fields })
      response.assertStatus(422)
      assert.equal(rulesOf(response.body())[field], rule, JSON.stringify(fields))
    }

    const ga4 = await client
      .post(route('api.credentials.store'))
      .bearerToken(token)
      .json({
        name: 'GA4',
        service: 'ga4',
        apiKey: secretKey('ga'),
        settings: { measurementId: 'g-abc123xyz' },
      })
    ga4.assertStatus(201)
    assert.deepEqual(ga4.body().credential.settings, { measurementId: 'G-ABC123XYZ' })

    const measurementMessage = await client
      .post(route('api.credentials.store'))
      .bearerToken(token)
      .json({ name: 'GA4', service: 'ga4', apiKey: secretKey(), settings: { measurementId: 'x' } })
    assert.equal(
      measurementMessage.body().errors[0].message,
      'O ID de medição do GA4 começa com G- (ex.: G-ABC123XYZ)'
    )
  })

  test('a credential keeps its service (422)', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const credential = await credentialOf(workspace)
    const response = await client
      .put(route('api.credentials.update', { id: credential.id }))
      .bearerToken(token)
      .json({ service: 'utmify' })
    response.assertStatus(422)
    assert.equal(rulesOf(response.body()).service, 'service_unchanged')
    await credential.refresh()
    assert.equal(credential.service, 'skalepay')
  })
})

test.group('API credentials: SSRF at save time', (group) => {
  freshDatabase(group)

  const refused = [
    'https://127.0.0.1/v1',
    'https://10.1.2.3/v1',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/v1',
    'https://localhost:8443/v1',
    'https://metadata.google.internal/',
  ]

  test('private, loopback, link-local and internal URLs are refused on create (422)', async ({
    client,
    assert,
  }) => {
    const { token } = await setup()
    await withPrivateUrlsRefused(async () => {
      for (const apiUrl of refused) {
        const response = await client
          .post(route('api.credentials.store'))
          .bearerToken(token)
          .json({ service: 'skalepay', name: 'SkalePay', apiKey: secretKey(), apiUrl })
        response.assertStatus(422)
        assert.equal(rulesOf(response.body()).apiUrl, 'api_url_private_address', apiUrl)
        assert.equal(
          response.body().errors[0].message,
          'Endereços internos, locais ou de rede privada não são permitidos'
        )
      }
      const insecure = await client.post(route('api.credentials.store')).bearerToken(token).json({
        service: 'skalepay',
        name: 'SkalePay',
        apiKey: secretKey(),
        apiUrl: 'http://api.example.com',
      })
      assert.equal(rulesOf(insecure.body()).apiUrl, 'api_url_https_required')
    })
    assert.lengthOf(await Credential.all(), 0)
  })

  test('and on update (422), while a public https URL is accepted', async ({ client, assert }) => {
    const { token, workspace } = await setup()
    const credential = await credentialOf(workspace)
    await withPrivateUrlsRefused(async () => {
      for (const apiUrl of refused) {
        const response = await client
          .put(route('api.credentials.update', { id: credential.id }))
          .bearerToken(token)
          .json({ apiUrl })
        response.assertStatus(422)
        assert.equal(rulesOf(response.body()).apiUrl, 'api_url_private_address', apiUrl)
      }
      const accepted = await client
        .put(route('api.credentials.update', { id: credential.id }))
        .bearerToken(token)
        .json({ apiUrl: 'https://api.gateway-branco.com.br/v1' })
      accepted.assertStatus(200)
    })
    await credential.refresh()
    assert.equal(credential.apiUrl, 'https://api.gateway-branco.com.br/v1')
  })

  test('with the allowance (local stubs) a loopback http URL is accepted', async ({ client }) => {
    const { token } = await setup()
    const response = await client.post(route('api.credentials.store')).bearerToken(token).json({
      service: 'skalepay',
      name: 'Stub',
      apiKey: secretKey(),
      apiUrl: 'http://127.0.0.1:4010/v1',
    })
    response.assertStatus(201)
  })
})

test.group('API credentials: tenancy and roles', (group) => {
  freshDatabase(group)

  test("another workspace's credential is a 404 on show, update, delete and test", async ({
    client,
    assert,
  }) => {
    const { token } = await setup()
    const other = await createTenant()
    const apiKey = secretKey()
    const credential = await credentialOf(other.workspace, { apiKey })

    const responses = [
      await client.get(route('api.credentials.show', { id: credential.id })).bearerToken(token),
      await client
        .put(route('api.credentials.update', { id: credential.id }))
        .bearerToken(token)
        .json({ name: 'Roubada' }),
      await client
        .delete(route('api.credentials.destroy', { id: credential.id }))
        .bearerToken(token),
      await client.post(route('api.credentials.test', { id: credential.id })).bearerToken(token),
    ]
    for (const response of responses) {
      response.assertStatus(404)
      assertNoSecret(assert, response.body(), apiKey)
    }
    const list = await client.get(route('api.credentials.index')).bearerToken(token)
    assert.lengthOf(list.body().data, 0)
    await credential.refresh()
    assert.equal(credential.name, 'SkalePay produção')
  })

  test('viewers read (masked) but cannot write or test (403)', async ({ client, assert }) => {
    const { agency, workspace } = await setup()
    const apiKey = secretKey()
    const credential = await credentialOf(workspace, { apiKey })
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const token = await apiToken(viewer, workspace)
      const list = await client.get(route('api.credentials.index')).bearerToken(token)
      list.assertStatus(200)
      assertNoSecret(assert, list.body(), apiKey)
      await expectStatus(
        client.get(route('api.credentials.show', { id: credential.id })).bearerToken(token),
        200
      )
      await expectStatus(
        client
          .post(route('api.credentials.store'))
          .bearerToken(token)
          .json({ service: 'utmify', name: 'UTMify', apiKey: secretKey() }),
        403
      )
      await expectStatus(
        client
          .put(route('api.credentials.update', { id: credential.id }))
          .bearerToken(token)
          .json({ name: 'Outro' }),
        403
      )
      await expectStatus(
        client.delete(route('api.credentials.destroy', { id: credential.id })).bearerToken(token),
        403
      )
      await expectStatus(
        client.post(route('api.credentials.test', { id: credential.id })).bearerToken(token),
        403
      )
    }
    await credential.refresh()
    assert.equal(credential.name, 'SkalePay produção')
    assert.lengthOf(await Credential.all(), 1)
  })
})
