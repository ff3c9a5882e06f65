import { test } from '@japa/runner'
import redis from '@adonisjs/redis/services/main'
import CpfLookup from '#models/cpf_lookup'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { StubServer } from '#tests/helpers/stub_server'
import { normalizePerson } from '#integrations/dataget/lookup'

const lookup = (host: string, cpf: string) =>
  siteRequest(host, '/_funil/cpf', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({ cpf }),
  }).then((r) => ({ status: r.status, body: JSON.parse(r.body) }))

test.group('Checkout: CPF lookup (dataget)', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    const keys = await redis.keys('funil:cpf:*')
    if (keys.length) await redis.del(...keys)
    stub = await StubServer.start()
    return () => stub.close()
  })

  async function optedIn(slug = 'acme') {
    const tenant = await createTenant({ workspaceSlug: slug })
    await CredentialFactory.merge({
      workspaceId: tenant.workspace.id,
      service: 'dataget',
      name: 'CPF',
      apiKey: 'dg_key',
      apiUrl: `${stub.url}/consulta`,
    }).create()
    return { ...tenant, host: `${slug}.localhost` }
  }

  test('a valid CPF fills the name; cached for the workspace; every lookup audited, masked', async ({
    assert,
  }) => {
    const { host, workspace } = await optedIn()
    stub.on('GET', '/consulta', ({ headers, query }) =>
      headers.authorization === 'Bearer dg_key' && query.cpf === '52998224725'
        ? {
            body: { data: { nome: 'MARIA DA SILVA', nascimento: '01021990', situacao: 'REGULAR' } },
          }
        : { status: 404, body: {} }
    )
    const first = await lookup(host, '529.982.247-25')
    assert.deepEqual(first, { status: 200, body: { name: 'MARIA DA SILVA' } })
    const second = await lookup(host, '52998224725')
    assert.equal(second.body.name, 'MARIA DA SILVA')
    assert.lengthOf(stub.requestsTo('GET', '/consulta'), 1, 'the second answer came from the cache')

    const audits = await CpfLookup.query().where('workspace_id', workspace.id).orderBy('id')
    assert.deepEqual(
      audits.map((a) => [a.cpfMasked, a.outcome]),
      [
        ['529.***.***-25', 'found'],
        ['529.***.***-25', 'cached'],
      ]
    )
    assert.notInclude(JSON.stringify(audits.map((a) => a.serialize())), '52998224725')
  })

  test('off without a dataget credential; invalid CPFs never reach the provider', async ({
    assert,
  }) => {
    await createTenant({ workspaceSlug: 'beta' })
    assert.deepEqual((await lookup('beta.localhost', '52998224725')).body, { name: null })
    const { host } = await optedIn('acme')
    for (const cpf of ['12345678900', '11111111111', '123']) {
      assert.deepEqual((await lookup(host, cpf)).body, { name: null })
    }
    assert.lengthOf(stub.requests, 0)
    assert.lengthOf(await CpfLookup.all(), 0)
  })

  test('failures are silent: 401 and a slow provider (cut at 2 s) give no name', async ({
    assert,
  }) => {
    const { host, workspace } = await optedIn()
    stub.on('GET', '/consulta', { status: 401, body: { message: 'sem créditos' } })
    assert.deepEqual(await lookup(host, '52998224725'), { status: 200, body: { name: null } })
    stub.on('GET', '/consulta', { delayMs: 5_000, body: { nome: 'Tarde Demais' } })
    const started = Date.now()
    assert.deepEqual((await lookup(host, '12345678909')).body, { name: null })
    assert.isBelow(Date.now() - started, 3_000)
    const outcomes = (
      await CpfLookup.query().where('workspace_id', workspace.id).orderBy('id')
    ).map((a) => a.outcome)
    assert.deepEqual(outcomes, ['error', 'timeout'])
  })

  test('response shapes of docs/integrations/dataget.md are normalised', ({ assert }) => {
    assert.deepEqual(normalizePerson({ name: 'Ana', birthDate: '1990-02-01', status: 'ok' }), {
      name: 'Ana',
      birthDate: '1990-02-01',
      status: 'ok',
    })
    assert.deepEqual(normalizePerson({ DADOS: { NOME: 'João', data_nascimento: '01/02/1990' } }), {
      name: 'João',
      birthDate: '1990-02-01',
      status: null,
    })
    assert.equal(normalizePerson({ result: [{ nome: 'Bia' }] })!.name, 'Bia')
    assert.isNull(normalizePerson({ erro: 'x' }))
  })
})
