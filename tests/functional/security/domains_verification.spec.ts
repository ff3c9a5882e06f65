import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, apiToken, createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import DomainResolver from '#services/domain_resolver'
import { TtlCache } from '#services/ttl_cache'
import type Workspace from '#models/workspace'
import type User from '#models/user'
import { route } from '#tests/helpers/routes'

/** DNS as the test says it is: TXT records by name; any other name does not exist. */
class FakeResolver {
  records = new Map<string, string[][]>()
  failing = false

  async resolveTxt(name: string) {
    if (this.failing) throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })
    const found = this.records.get(name)
    if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' })
    return found
  }
}

const DOMAIN = 'ofertas.acme.com.br'

async function shopWithPage(slug: string) {
  const tenant = await createTenant({ workspaceSlug: slug })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'black-friday',
    isActive: true,
  }).create()
  await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    orderIndex: 0,
    slug: 'inscricao',
    isActive: true,
  }).create()
  await publish(funnel)
  return tenant
}

test.group('Custom domains proven before served', (group) => {
  freshDatabase(group)
  let dns: FakeResolver
  group.each.setup(() => {
    dns = new FakeResolver()
    app.container.swap(DomainResolver, () => dns as unknown as DomainResolver)
    return () => app.container.restore(DomainResolver)
  })

  async function setDomain(
    client: any,
    user: User,
    workspace: Workspace,
    customDomain: string | null
  ) {
    return client
      .put(route('workspaces.update', { id: workspace.id }))
      .header('referer', route('w.settings', { workspaceSlug: workspace.slug }))
      .form({
        name: workspace.name,
        timezone: workspace.timezone,
        customDomain: customDomain ?? '',
      })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
  }

  async function verify(client: any, user: User, workspace: Workspace) {
    return client
      .post(route('workspaces.domain.verify', { id: workspace.id }))
      .header('referer', route('w.settings', { workspaceSlug: workspace.slug }))
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
  }

  /** The public page on the custom domain, after the 5 s host cache is emptied. */
  async function pageOn(host: string) {
    TtlCache.clearAll()
    return siteRequest(host, '/black-friday/inscricao')
  }

  test('a new domain is pending and serves nothing until its TXT record is seen', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await shopWithPage('acme')
    ;(await setDomain(client, owner, workspace, 'Ofertas.ACME.com.br')).assertStatus(302)
    await workspace.refresh()
    assert.equal(workspace.customDomain, DOMAIN)
    assert.isNull(workspace.customDomainVerifiedAt)
    assert.match(workspace.customDomainToken!, /^[0-9a-f]{32}$/)
    assert.equal((await pageOn(DOMAIN)).status, 404, 'unverified: nothing served')

    // The settings page shows the pending state and the record to create.
    const settings = await asInertia(
      client.get(route('w.settings', { workspaceSlug: workspace.slug }))
    ).loginAs(owner)
    assert.deepEqual(settings.body().props.workspace.domain, {
      domain: DOMAIN,
      status: 'pending',
      verifiedAt: null,
      record: {
        type: 'TXT',
        name: `_funil-verify.${DOMAIN}`,
        value: `funil-verify=${workspace.customDomainToken}`,
      },
    })

    // No record yet, then a wrong one, then DNS failing: still pending, pt-BR reason flashed.
    const missing = await verify(client, owner, workspace)
    missing.assertStatus(302)
    assert.equal(
      missing.flashMessages().error,
      `Registro TXT não encontrado em _funil-verify.${DOMAIN}. A propagação do DNS pode levar alguns minutos.`
    )
    dns.records.set(`_funil-verify.${DOMAIN}`, [['funil-verify=', 'wrong']])
    assert.equal(
      (await verify(client, owner, workspace)).flashMessages().error,
      `O registro TXT em _funil-verify.${DOMAIN} não tem o valor esperado.`
    )
    dns.failing = true
    assert.match((await verify(client, owner, workspace)).flashMessages().error, /consultar o DNS/)
    dns.failing = false
    await workspace.refresh()
    assert.isNull(workspace.customDomainVerifiedAt)
    assert.equal((await pageOn(DOMAIN)).status, 404)

    // The right record (split in chunks as long TXT values are): verified, and served.
    dns.records.set(`_funil-verify.${DOMAIN}`, [
      ['v=spf1 -all'],
      ['funil-verify=', workspace.customDomainToken!],
    ])
    const ok = await verify(client, owner, workspace)
    assert.equal(
      ok.flashMessages().success,
      `Domínio ${DOMAIN} verificado: os funis já respondem nele.`
    )
    await workspace.refresh()
    assert.isNotNull(workspace.customDomainVerifiedAt)
    assert.equal((await pageOn(DOMAIN)).status, 200)
    assert.equal((await pageOn('OFERTAS.acme.com.br')).status, 200)
    const after = await asInertia(
      client.get(route('w.settings', { workspaceSlug: workspace.slug }))
    ).loginAs(owner)
    assert.equal(after.body().props.workspace.domain.status, 'verified')
  })

  test('changing the domain starts over: new token, pending, the old domain stops serving', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await shopWithPage('acme')
    await setDomain(client, owner, workspace, DOMAIN)
    await workspace.refresh()
    dns.records.set(`_funil-verify.${DOMAIN}`, [[`funil-verify=${workspace.customDomainToken}`]])
    await verify(client, owner, workspace)
    assert.equal((await pageOn(DOMAIN)).status, 200)

    const firstToken = workspace.customDomainToken
    await setDomain(client, owner, workspace, 'promo.acme.com.br')
    await workspace.refresh()
    assert.isNull(workspace.customDomainVerifiedAt)
    assert.notEqual(workspace.customDomainToken, firstToken)
    assert.equal((await pageOn(DOMAIN)).status, 404)
    assert.equal((await pageOn('promo.acme.com.br')).status, 404)

    // Saving the settings again without changing the domain keeps a verification.
    dns.records.set('_funil-verify.promo.acme.com.br', [
      [`funil-verify=${workspace.customDomainToken}`],
    ])
    await verify(client, owner, workspace)
    await setDomain(client, owner, workspace, 'promo.acme.com.br')
    await workspace.refresh()
    assert.isNotNull(workspace.customDomainVerifiedAt)
  })

  test('a verified domain cannot be claimed by another workspace; a pending claim blocks nobody', async ({
    client,
    assert,
  }) => {
    const acme = await shopWithPage('acme')
    const rival = await shopWithPage('rival')

    // The rival typed the domain first: pending, so it blocks nobody.
    ;(await setDomain(client, rival.owner, rival.workspace, DOMAIN)).assertStatus(302)
    ;(await setDomain(client, acme.owner, acme.workspace, DOMAIN)).assertStatus(302)
    await acme.workspace.refresh()
    await rival.workspace.refresh()
    assert.equal(rival.workspace.customDomain, DOMAIN)
    assert.notEqual(acme.workspace.customDomainToken, rival.workspace.customDomainToken)

    // Only the real owner can publish its record; the rival's token is not in DNS.
    dns.records.set(`_funil-verify.${DOMAIN}`, [
      [`funil-verify=${acme.workspace.customDomainToken}`],
    ])
    assert.match(
      (await verify(client, rival.owner, rival.workspace)).flashMessages().error,
      /não tem o valor esperado/
    )
    assert.isDefined((await verify(client, acme.owner, acme.workspace)).flashMessages().success)
    const page = await pageOn(DOMAIN)
    assert.equal(page.status, 200)

    // Even with its own record published, the rival cannot take a verified domain…
    await rival.workspace.refresh()
    dns.records.set(`_funil-verify.${DOMAIN}`, [
      [`funil-verify=${rival.workspace.customDomainToken}`],
    ])
    assert.equal(
      (await verify(client, rival.owner, rival.workspace)).flashMessages().error,
      `O domínio ${DOMAIN} já foi verificado por outro workspace.`
    )
    // …nor enter it again in any case, and the database refuses a second verified row.
    const retyped = await setDomain(client, rival.owner, rival.workspace, 'OFERTAS.Acme.com.br')
    assert.property(retyped.flashMessages().inputErrorsBag, 'customDomain')
    await assert.rejects(
      () =>
        db.from('workspaces').where('id', rival.workspace.id).update({
          custom_domain: 'Ofertas.Acme.COM.br',
          custom_domain_verified_at: DateTime.now().toSQL(),
        }),
      /workspaces_verified_custom_domain_unique/
    )
    TtlCache.clearAll()
    assert.notInclude((await pageOn(DOMAIN)).body, 'rival')
  })

  test("another agency's workspace is a 404; editors and viewers cannot verify (403)", async ({
    client,
    assert,
  }) => {
    const acme = await shopWithPage('acme')
    const other = await shopWithPage('other')
    await setDomain(client, other.owner, other.workspace, DOMAIN)
    await other.workspace.refresh()
    dns.records.set(`_funil-verify.${DOMAIN}`, [
      [`funil-verify=${other.workspace.customDomainToken}`],
    ])
    ;(await verify(client, acme.owner, other.workspace)).assertStatus(404)
    for (const role of ['editor', 'viewer'] as const) {
      const user = await agencyMember(other.agency, role)
      ;(await verify(client, user, other.workspace)).assertStatus(403)
    }
    await other.workspace.refresh()
    assert.isNull(other.workspace.customDomainVerifiedAt)
  })

  test('API: POST /api/workspace/domain/verify, 422/409 with the reason, 404 across workspaces', async ({
    client,
    assert,
  }) => {
    const acme = await shopWithPage('acme')
    const other = await shopWithPage('other')
    await setDomain(client, acme.owner, acme.workspace, DOMAIN)
    await acme.workspace.refresh()
    const token = await apiToken(acme.owner, acme.workspace)

    const missing = await client.post(route('api.workspace.domain.verify')).bearerToken(token)
    missing.assertStatus(422)
    assert.deepEqual(missing.body().errors[0].rule, 'record_missing')
    assert.deepEqual(missing.body().errors[0].field, 'customDomain')

    dns.records.set(`_funil-verify.${DOMAIN}`, [
      [`funil-verify=${acme.workspace.customDomainToken}`],
    ])
    const ok = await client.post(route('api.workspace.domain.verify')).bearerToken(token)
    ok.assertStatus(200)
    assert.equal(ok.body().workspace.domain.status, 'verified')

    // An agency-wide token naming another agency's workspace: 404.
    const wide = await apiToken(acme.owner, null)
    const foreign = await client
      .post(route('api.workspace.domain.verify'))
      .bearerToken(wide)
      .header('x-workspace', String(other.workspace.id))
    foreign.assertStatus(404)

    // The other workspace claims the verified domain (pending) and publishes its own record: 409.
    await setDomain(client, other.owner, other.workspace, 'x.example.com')
    await db.from('workspaces').where('id', other.workspace.id).update({ custom_domain: DOMAIN })
    await other.workspace.refresh()
    dns.records.set(`_funil-verify.${DOMAIN}`, [
      [`funil-verify=${other.workspace.customDomainToken}`],
    ])
    const taken = await client
      .post(route('api.workspace.domain.verify'))
      .bearerToken(await apiToken(other.owner, other.workspace))
    taken.assertStatus(409)
    assert.equal(taken.body().errors[0].rule, 'taken')
  })
})
