import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import env from '#start/env'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { askCallerAllowed } from '#services/caddy_ask'
import {
  findServedDomain,
  normalizeDomainName,
  registerDomainLookup,
} from '#services/served_domains'
import { TtlCache } from '#services/ttl_cache'
import { route } from '#tests/helpers/routes'

/** `GET /_caddy/ask?domain=…` as Caddy sends it: from the loopback, no forwarding headers. */
function ask(
  domain: string | null,
  extra: { headers?: Record<string, string>; token?: string; host?: string } = {}
) {
  const query = new URLSearchParams()
  if (domain !== null) query.set('domain', domain)
  if (extra.token !== undefined) query.set('token', extra.token)
  TtlCache.clearAll()
  return siteRequest(extra.host ?? '127.0.0.1', `${route('caddy.ask')}?${query}`, {
    headers: extra.headers,
  })
}

async function verifiedShop() {
  const tenant = await createTenant({ workspaceSlug: 'acme' })
  await tenant.workspace
    .merge({
      customDomain: 'ofertas.acme.com.br',
      customDomainToken: 'a'.repeat(32),
      customDomainVerifiedAt: DateTime.now(),
    })
    .save()
  const pending = await createTenant({ workspaceSlug: 'beta' })
  await pending.workspace
    .merge({ customDomain: 'loja.beta.com.br', customDomainToken: 'b'.repeat(32) })
    .save()
  return { acme: tenant.workspace, beta: pending.workspace }
}

test.group('Caddy on-demand TLS ask endpoint', (group) => {
  freshDatabase(group)
  group.each.teardown(() => env.set('CADDY_ASK_TOKEN', ''))

  test('a verified custom domain and a live workspace subdomain get 200', async ({ assert }) => {
    const { acme } = await verifiedShop()

    const custom = await ask('ofertas.acme.com.br')
    assert.equal(custom.status, 200)
    assert.deepEqual(JSON.parse(custom.body), {
      domain: 'ofertas.acme.com.br',
      kind: 'custom_domain',
    })
    assert.equal(custom.headers['cache-control'], 'no-store')
    /** Caddy may send the name in any case, with the root's trailing dot. */
    assert.equal((await ask('OFERTAS.Acme.com.br.')).status, 200)

    const subdomain = await ask(`${acme.slug}.localhost`)
    assert.equal(subdomain.status, 200)
    assert.equal(JSON.parse(subdomain.body).kind, 'workspace_subdomain')
  })

  test('unverified, unknown, archived and malformed names are refused with 4xx', async ({
    assert,
  }) => {
    const { beta } = await verifiedShop()
    const gone = await createTenant({ workspaceSlug: 'gone' })
    await gone.workspace.merge({ archivedAt: DateTime.now() }).save()

    const pending = await ask('loja.beta.com.br')
    assert.equal(pending.status, 404)
    assert.equal(JSON.parse(pending.body).errors[0].field, 'domain')
    assert.include(JSON.parse(pending.body).errors[0].message, 'ainda não foi verificado')
    assert.equal((await ask('nobody.example.com')).status, 404)
    assert.equal((await ask('ninguem.localhost')).status, 404)
    assert.equal((await ask('gone.localhost')).status, 404)
    assert.equal((await ask('a.acme.localhost')).status, 404, 'nested subdomain')
    /** The pending claim's subdomain still serves: only its custom domain waits. */
    assert.equal((await ask(`${beta.slug}.localhost`)).status, 200)

    for (const malformed of [
      null,
      '',
      'localhost',
      '127.0.0.1',
      '::1',
      'acme.localhost:443',
      '*.localhost',
      'a..b.com',
      '-acme.com',
      `${'a'.repeat(64)}.com`,
      `${'a.'.repeat(127)}com`,
      'acme.com/x',
      'acme .com',
    ]) {
      const response = await ask(malformed)
      assert.equal(response.status, 400, `malformed: ${malformed}`)
      assert.equal(JSON.parse(response.body).errors[0].rule, 'malformed')
    }
    const repeated = await siteRequest(
      '127.0.0.1',
      `${route('caddy.ask')}?domain=a.com&domain=b.com`
    )
    assert.equal(repeated.status, 400, 'an array is not a name')
  })

  test('a caller other than Caddy is refused: relayed requests, a wrong or missing token', async ({
    assert,
  }) => {
    await verifiedShop()

    /** Caddy relaying a visitor's request for /_caddy/ask adds these; Caddy asking never does. */
    for (const header of ['x-forwarded-for', 'forwarded', 'x-forwarded-host', 'x-real-ip']) {
      const relayed = await ask('ofertas.acme.com.br', { headers: { [header]: '203.0.113.9' } })
      assert.equal(relayed.status, 403, header)
      assert.equal(JSON.parse(relayed.body).errors[0].rule, 'forbidden')
    }

    /** With a shared token (Caddy in another container) only the token counts, even on loopback. */
    env.set('CADDY_ASK_TOKEN', 'segredo-do-caddy')
    assert.equal((await ask('ofertas.acme.com.br')).status, 403)
    assert.equal((await ask('ofertas.acme.com.br', { token: 'outro' })).status, 403)
    assert.equal((await ask('ofertas.acme.com.br', { token: 'segredo-do-caddy' })).status, 200)
    assert.equal((await ask('nobody.example.com', { token: 'segredo-do-caddy' })).status, 404)
    const relayedWithToken = await ask('ofertas.acme.com.br', {
      token: 'segredo-do-caddy',
      headers: { 'x-forwarded-for': '10.0.0.2' },
    })
    assert.equal(relayedWithToken.status, 200, 'compose: Caddy is a proxy and sends its token')

    /** The decision itself, for peers a loopback test server cannot see. */
    assert.isTrue(askCallerAllowed({ peer: '127.0.0.1', relayed: false, token: undefined }, ''))
    assert.isTrue(askCallerAllowed({ peer: '::1', relayed: false, token: undefined }, ''))
    assert.isTrue(
      askCallerAllowed({ peer: '::ffff:127.0.0.1', relayed: false, token: undefined }, '')
    )
    assert.isFalse(askCallerAllowed({ peer: '10.0.0.5', relayed: false, token: undefined }, ''))
    assert.isFalse(askCallerAllowed({ peer: '203.0.113.9', relayed: false, token: 'x' }, ''))
    assert.isFalse(askCallerAllowed({ peer: undefined, relayed: false, token: undefined }, ''))
    assert.isTrue(askCallerAllowed({ peer: '10.0.0.5', relayed: true, token: 'k' }, 'k'))
  })

  test('answers on a tenant host too (Caddy reaching the app as web:3333 in compose)', async ({
    assert,
  }) => {
    await verifiedShop()
    env.set('CADDY_ASK_TOKEN', 'segredo-do-caddy')
    const viaWeb = await ask('ofertas.acme.com.br', { host: 'web:3333', token: 'segredo-do-caddy' })
    assert.equal(viaWeb.status, 200)
    const onFunnelHost = await ask('ofertas.acme.com.br', { host: 'acme.localhost' })
    assert.equal(onFunnelHost.status, 403, 'a visitor on a funnel host without the token')
  })

  test('another kind of verified domain plugs in with registerDomainLookup', async ({ assert }) => {
    assert.isNull(await findServedDomain('loja.parceiro.com.br'))
    registerDomainLookup('test_partner', async (host) =>
      host === 'loja.parceiro.com.br' ? { agencyId: 7 } : null
    )
    try {
      assert.deepEqual(await findServedDomain('Loja.Parceiro.com.br'), {
        kind: 'test_partner',
        agencyId: 7,
      })
      assert.equal((await ask('loja.parceiro.com.br')).status, 200)
    } finally {
      registerDomainLookup('test_partner', async () => null)
    }
    assert.equal(normalizeDomainName('Loja.Example.COM.'), 'loja.example.com')
  })
})
