import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import Agency from '#models/agency'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { SmtpCatcher, linkIn } from '#tests/helpers/smtp_catcher'
import DomainResolver from '#services/domain_resolver'
import { TtlCache } from '#services/ttl_cache'
import type User from '#models/user'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { route } from '#tests/helpers/routes'

/** DNS as the test says it is: TXT records by name; any other name does not exist. */
class FakeResolver {
  records = new Map<string, string[][]>()
  async resolveTxt(name: string) {
    const found = this.records.get(name)
    if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' })
    return found
  }
}

const DOMAIN = 'painel.agencia.test'
const BRAND = {
  productName: 'Painel Vértice',
  logoUrl: 'https://cdn.vertice.test/logo.png',
  faviconUrl: 'https://cdn.vertice.test/favicon.png',
  primaryColor: '#1D4ED8',
}

test.group('Agency white-label: brand and admin domain', (group) => {
  freshDatabase(group)
  let dns: FakeResolver
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(() => {
    catcher.messages = []
    TtlCache.clearAll()
    dns = new FakeResolver()
    app.container.swap(DomainResolver, () => dns as unknown as DomainResolver)
    return () => app.container.restore(DomainResolver)
  })

  const putBrand = (client: any, agencyId: number, user: User, body: unknown) =>
    client
      .put(route('agencies.brand.update', { id: agencyId }))
      .json(body)
      .header('accept', 'application/json')
      .header('referer', route('agencies.brand.show', { id: agencyId }))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
  const putDomain = (client: any, agencyId: number, user: User, adminDomain: string) =>
    client
      .put(route('agencies.brand.domain.update', { id: agencyId }))
      .json({ adminDomain })
      .header('accept', 'application/json')
      .header('referer', route('agencies.brand.show', { id: agencyId }))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
  const verify = (client: any, agencyId: number, user: User) =>
    client
      .post(route('agencies.brand.domain.verify', { id: agencyId }))
      .header('referer', route('agencies.brand.show', { id: agencyId }))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

  /** An agency with its brand saved and its admin domain verified. */
  async function whiteLabelled(client: any) {
    const tenant = await createTenant()
    ;(await putBrand(client, tenant.agency.id, tenant.owner, BRAND)).assertStatus(302)
    ;(await putDomain(client, tenant.agency.id, tenant.owner, DOMAIN)).assertStatus(302)
    const agency = await Agency.findOrFail(tenant.agency.id)
    dns.records.set(`_funil-verify.${DOMAIN}`, [[`funil-verify=${agency.adminDomainToken}`]])
    ;(await verify(client, agency.id, tenant.owner)).assertStatus(302)
    await agency.refresh()
    TtlCache.clearAll()
    return { ...tenant, agency }
  }

  test('owners save the brand; the admin shell gets it as the shared brand prop', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    ;(await putBrand(client, agency.id, owner, BRAND)).assertStatus(302)
    const stored = await Agency.findOrFail(agency.id)
    assert.deepEqual(stored.brand, { ...BRAND, primaryColor: '#1d4ed8' })

    const page = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    page.assertStatus(200)
    assert.deepEqual(page.body().props.brand, {
      productName: 'Painel Vértice',
      logoUrl: 'https://cdn.vertice.test/logo.png',
      faviconUrl: 'https://cdn.vertice.test/favicon.png',
      primaryColor: '#1d4ed8',
      primaryForeground: '#ffffff',
      whiteLabel: true,
    })
    /** A client login of that agency's workspace sees the agency's brand too. */
    const clientLogin = await workspaceMember(workspace, 'viewer')
    const clientPage = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(clientLogin)
    )
    assert.equal(clientPage.body().props.brand.productName, 'Painel Vértice')

    /** The HTML shell: title, favicon and colour from the brand, not the product's. */
    const html = await client
      .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
      .loginAs(owner)
    assert.include(html.text(), '<title inertia>Painel Vértice</title>')
    assert.include(html.text(), 'href="https://cdn.vertice.test/favicon.png"')
    assert.include(html.text(), '--primary: #1d4ed8;')
  })

  test('bad brand input: pt-BR field errors, never a 5xx; empty clears', async ({
    client,
    assert,
  }) => {
    const { agency, owner } = await createTenant()
    const bad = await putBrand(client, agency.id, owner, {
      productName: 'X',
      logoUrl: 'http://cdn.vertice.test/logo.png',
      faviconUrl: 'javascript:alert(1)',
      primaryColor: 'blue"><script>',
    })
    bad.assertStatus(422)
    const byField = Object.fromEntries(
      bad.body().errors.map((error: any) => [error.field, error.message])
    )
    assert.match(byField.productName, /nome do produto/)
    assert.equal(byField.logoUrl, 'Informe o endereço de uma imagem que comece com https://')
    assert.equal(byField.faviconUrl, 'Informe o endereço de uma imagem que comece com https://')
    assert.equal(byField.primaryColor, 'Use uma cor no formato #RRGGBB (ex.: #1d4ed8)')

    ;(await putBrand(client, agency.id, owner, BRAND)).assertStatus(302)
    ;(await putBrand(client, agency.id, owner, { productName: '' })).assertStatus(302)
    const page = await asInertia(client.get(route('workspaces.index')).loginAs(owner))
    assert.equal(page.body().props.brand.productName, 'Funil Digital')
    assert.isFalse(page.body().props.brand.whiteLabel)
  })

  test('another agency (or one the user is not a member of) is a 404 on every route; editors 403', async ({
    client,
  }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    const editor = await agencyMember(other.agency, 'editor')
    const id = other.agency.id
    ;(await client.get(route('agencies.brand.show', { id })).loginAs(owner)).assertStatus(404)
    ;(await putBrand(client, id, owner, BRAND)).assertStatus(404)
    ;(await putDomain(client, id, owner, DOMAIN)).assertStatus(404)
    ;(await verify(client, id, owner)).assertStatus(404)
    ;(await client.get(route('agencies.brand.show', { id: 999999 })).loginAs(owner)).assertStatus(
      404
    )
    ;(await putBrand(client, id, editor, BRAND)).assertStatus(403)
    ;(await putDomain(client, id, editor, DOMAIN)).assertStatus(403)
    ;(await verify(client, id, editor)).assertStatus(403)
  })

  test('admin domain: pending until its TXT record is seen; platform domains and verified ones refused', async ({
    client,
    assert,
  }) => {
    const { agency, owner } = await createTenant()
    for (const [domain, message] of [
      ['localhost', 'Informe um domínio válido (ex.: painel.suaagencia.com.br)'],
      ['acme.localhost', 'Este domínio é da plataforma; use um domínio da sua agência'],
      ['não é domínio', 'Informe um domínio válido (ex.: painel.suaagencia.com.br)'],
    ]) {
      const response = await putDomain(client, agency.id, owner, domain)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].message, message, domain)
    }

    ;(await putDomain(client, agency.id, owner, DOMAIN.toUpperCase())).assertStatus(302)
    let stored = await Agency.findOrFail(agency.id)
    assert.equal(stored.adminDomain, DOMAIN)
    assert.isNull(stored.adminDomainVerifiedAt)

    /** Pending: the host is not the admin (it is an unknown funnel host). */
    const pending = await siteRequest(DOMAIN, route('session.create'))
    assert.equal(pending.status, 404)
    assert.notInclude(pending.body, 'data-page')

    ;(await verify(client, agency.id, owner)).assertStatus(302)
    assert.isNull((await Agency.findOrFail(agency.id)).adminDomainVerifiedAt)
    dns.records.set(`_funil-verify.${DOMAIN}`, [['funil-verify=outro-token']])
    await verify(client, agency.id, owner)
    assert.isNull((await Agency.findOrFail(agency.id)).adminDomainVerifiedAt)
    dns.records.set(`_funil-verify.${DOMAIN}`, [[`funil-verify=${stored.adminDomainToken}`]])
    await verify(client, agency.id, owner)
    stored = await Agency.findOrFail(agency.id)
    assert.isNotNull(stored.adminDomainVerifiedAt)

    /** Another agency cannot claim it once verified. */
    const rival = await createTenant()
    const taken = await putDomain(client, rival.agency.id, rival.owner, DOMAIN)
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].message, 'Este domínio do painel já está em uso')

    const page = await asInertia(
      client.get(route('agencies.brand.show', { id: agency.id })).loginAs(owner)
    )
    assert.equal(page.body().props.agency.domain.status, 'verified')
  })

  test('the login page on the agency domain wears its brand and never says "Funil Digital"', async ({
    client,
    assert,
  }) => {
    await whiteLabelled(client)
    const login = await siteRequest(DOMAIN, route('session.create'))
    assert.equal(login.status, 200)
    assert.include(login.body, '<title inertia>Painel Vértice</title>')
    assert.include(login.body, 'href="https://cdn.vertice.test/favicon.png"')
    assert.include(login.body, '--primary: #1d4ed8;')
    assert.include(login.body, 'Painel Vértice')
    assert.notInclude(login.body, 'Funil Digital')

    const inertia = await asInertia(client.get(route('session.create')).header('host', DOMAIN))
    assert.equal(inertia.body().props.brand.productName, 'Painel Vértice')
    assert.notInclude(JSON.stringify(inertia.body()), 'Funil Digital')

    /** The product's own domain keeps the product's brand and its real favicon and logo. */
    const own = await siteRequest('localhost', route('session.create'))
    assert.include(own.body, '<title inertia>Funil Digital</title>')
    assert.include(own.body, 'href="/brand/favicon.svg"')
    const favicon = await siteRequest('localhost', '/brand/favicon.svg')
    assert.equal(favicon.status, 200)
    assert.include(favicon.body, '<svg')
    const logo = await siteRequest('localhost', '/brand/logo.svg')
    assert.include(logo.body, 'Funil Digital')
  })

  test('the API reference on the agency domain is titled with its brand, ours elsewhere', async ({
    client,
    assert,
  }) => {
    await whiteLabelled(client)
    const page = await siteRequest(DOMAIN, route('docs.api'))
    assert.equal(page.status, 200)
    assert.include(page.body, '<title>Painel Vértice API</title>')
    assert.notInclude(page.body, 'Funil Digital')
    const document = await siteRequest(DOMAIN, route('api.openapi'))
    assert.equal(JSON.parse(document.body).info.title, 'Painel Vértice API')
    assert.notInclude(document.body, 'Funil Digital')

    const own = await siteRequest('localhost', route('docs.api'))
    assert.include(own.body, '<title>Funil Digital API</title>')
  })

  test("on the agency domain its client logs in and sees its brand; another agency's user cannot log in there", async ({
    client,
    assert,
  }) => {
    const { workspace } = await whiteLabelled(client)
    const clientUser = await workspaceMember(workspace, 'editor')
    const stranger = (await createTenant()).owner
    const login = (user: User, host: string) =>
      client
        .post(route('session.store'))
        .header('host', host)
        .header('referer', route('session.create'))
        .form({ email: user.email, password: FACTORY_PASSWORD })
        .withCsrfToken()
        .redirects(0)

    const ok = await login(clientUser, DOMAIN)
    ok.assertStatus(302)
    assert.equal(ok.header('location'), '/')
    const page = await asInertia(
      client
        .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
        .header('host', DOMAIN)
        .loginAs(clientUser)
    )
    page.assertStatus(200)
    assert.equal(page.body().props.brand.productName, 'Painel Vértice')
    assert.notInclude(JSON.stringify(page.body().props), 'Funil Digital')

    const refused = await login(stranger, DOMAIN)
    refused.assertStatus(302)
    assert.equal(refused.header('location'), route('session.create'))
    /** The same user signs in on the product's own domain as usual. */
    const own = await login(stranger, 'localhost')
    assert.equal(own.header('location'), '/')
  })

  test('account e-mails carry the agency brand (From name, texts, header) and link to its domain', async ({
    client,
    assert,
  }) => {
    const { workspace } = await whiteLabelled(client)
    const clientUser = await workspaceMember(workspace, 'viewer')
    const response = await client
      .post(route('password.email'))
      .header('host', DOMAIN)
      .header('referer', route('password.forgot'))
      .form({ email: clientUser.email })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const mail = await catcher.waitFor(clientUser.email)
    assert.equal(mail.subject, 'Redefinição de senha do Painel Vértice')
    assert.include(mail.from, 'Painel Vértice')
    assert.include(mail.html, 'src="https://cdn.vertice.test/logo.png"')
    assert.include(mail.html, 'background:#1d4ed8')
    assert.include(mail.html, 'color:#ffffff;text-decoration:none')
    assert.notInclude(`${mail.from} ${mail.subject} ${mail.html} ${mail.text}`, 'Funil Digital')
    const link = new URL(linkIn(mail, '/reset-password/'))
    assert.equal(link.hostname, DOMAIN)
  })
})

test.group('Agency admin domain: Caddy on-demand TLS ask', (group) => {
  freshDatabase(group)
  group.each.setup(() => TtlCache.clearAll())

  /** As Caddy asks: from the loopback, no forwarding headers. */
  const ask = (domain: string) =>
    siteRequest('127.0.0.1', `${route('caddy.ask')}?domain=${encodeURIComponent(domain)}`)

  test('a verified agency admin domain gets a certificate; a pending one does not', async ({
    assert,
  }) => {
    const { agency } = await createTenant()
    await Agency.query()
      .where('id', agency.id)
      .update({ admin_domain: 'painel.vertice.test', admin_domain_token: 'abc' })
    assert.equal((await ask('painel.vertice.test')).status, 404)

    await Agency.query().where('id', agency.id).update({ admin_domain_verified_at: new Date() })
    TtlCache.clearAll()
    assert.equal((await ask('painel.vertice.test')).status, 200)
    assert.equal((await ask('PAINEL.Vertice.test.')).status, 200)
    assert.equal((await ask('outro.vertice.test')).status, 404)
  })
})

test.group('Agency admin domain vs workspace custom domains', (group) => {
  freshDatabase(group)
  group.each.setup(() => TtlCache.clearAll())

  test('a verified agency admin domain cannot become a workspace funnel domain, nor verified as one', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    await Agency.query().where('id', agency.id).update({
      admin_domain: 'painel.vertice.test',
      admin_domain_token: 'abc',
      admin_domain_verified_at: new Date(),
    })
    const response = await client
      .put(route('workspaces.update', { id: workspace.id }))
      .json({
        name: workspace.name,
        timezone: workspace.timezone,
        customDomain: 'painel.vertice.test',
      })
      .header('accept', 'application/json')
      .header('referer', route('w.settings', { workspaceSlug: workspace.slug }))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'customDomain')

    /** Even a claim saved before the agency verified it is refused at verification. */
    const dns = new FakeResolver()
    app.container.swap(DomainResolver, () => dns as unknown as DomainResolver)
    try {
      await workspace
        .merge({ customDomain: 'painel.vertice.test', customDomainToken: 'tok' })
        .save()
      dns.records.set('_funil-verify.painel.vertice.test', [['funil-verify=tok']])
      const { default: VerifyCustomDomain } =
        await import('#actions/workspaces/verify_custom_domain')
      assert.equal(await VerifyCustomDomain.handle({ workspace }), 'taken')
    } finally {
      app.container.restore(DomainResolver)
    }
  })
})

test.group('Agency white-label: two-step verification', (group) => {
  freshDatabase(group)

  test('the authenticator app lists the brand name given, the product name by default', async ({
    assert,
  }) => {
    const { owner } = await createTenant()
    const { default: TwoFactor } = await import('#actions/accounts/two_factor')
    const branded = await TwoFactor.start(owner, 'Painel Vértice')
    assert.include(branded.uri, `issuer=${encodeURIComponent('Painel Vértice')}`)
    assert.notInclude(decodeURIComponent(branded.uri), 'Funil Digital')
    const plain = await TwoFactor.start(owner)
    assert.include(plain.uri, `issuer=${encodeURIComponent('Funil Digital')}`)
  })
})

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)

test.group('Agency white-label: uploaded logo and favicon', (group) => {
  freshDatabase(group)
  group.each.setup(() => TtlCache.clearAll())

  const upload = (
    client: any,
    agencyId: number,
    user: User,
    kind: string,
    file: Buffer,
    name: string
  ) =>
    client
      .post(route('agencies.brand.upload', { id: agencyId, kind }))
      .file('file', file, { filename: name })
      .header('accept', 'application/json')
      .header('referer', route('agencies.brand.show', { id: agencyId }))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

  test('an uploaded logo becomes the brand logo, served publicly with safe headers', async ({
    client,
    assert,
  }) => {
    const { agency, owner } = await createTenant()
    ;(await upload(client, agency.id, owner, 'logo', PNG, 'logo.png')).assertStatus(302)
    const stored = await Agency.findOrFail(agency.id)
    assert.match(
      stored.brand.logoUrl,
      new RegExp(`^/brand-assets/${agency.id}/logo\\?v=[0-9a-f]{16}$`)
    )

    const page = await asInertia(client.get(route('workspaces.index')).loginAs(owner))
    assert.equal(page.body().props.brand.logoUrl, stored.brand.logoUrl)
    assert.isTrue(page.body().props.brand.whiteLabel)

    /** Public: the login page of the agency's domain shows it before anyone signs in. */
    const served = await siteRequest('localhost', stored.brand.logoUrl)
    assert.equal(served.status, 200)
    assert.equal(served.headers['content-type'], 'image/png')
    assert.equal(served.headers['x-content-type-options'], 'nosniff')
    assert.include(String(served.headers['content-security-policy']), 'sandbox')
    assert.include(String(served.headers['cache-control']), 'immutable')

    /** The brand form sends the uploaded path back unchanged: accepted. */
    ;(
      await client
        .put(route('agencies.brand.update', { id: agency.id }))
        .json({ productName: 'Painel Vértice', logoUrl: stored.brand.logoUrl })
        .header('accept', 'application/json')
        .header('referer', route('agencies.brand.show', { id: agency.id }))
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(302)
  })

  test('too big, wrong type or no file: pt-BR field errors; another agency 404; editors 403', async ({
    client,
    assert,
  }) => {
    const { agency, owner } = await createTenant()
    const other = await createTenant()
    const big = await upload(
      client,
      agency.id,
      owner,
      'logo',
      Buffer.alloc(300 * 1024, 1),
      'big.png'
    )
    big.assertStatus(422)
    assert.equal(big.body().errors[0].message, 'Envie uma imagem de até 256 KB')
    const html = await upload(client, agency.id, owner, 'favicon', Buffer.from('<html>'), 'x.html')
    html.assertStatus(422)
    assert.equal(html.body().errors[0].message, 'Envie uma imagem PNG, JPG, WebP, SVG ou ICO')
    const none = await client
      .post(route('agencies.brand.upload', { id: agency.id, kind: 'logo' }))
      .form({})
      .header('accept', 'application/json')
      .loginAs(owner)
      .withCsrfToken()
    none.assertStatus(422)
    assert.equal(none.body().errors[0].message, 'Escolha uma imagem para enviar')
    ;(await upload(client, other.agency.id, owner, 'logo', PNG, 'logo.png')).assertStatus(404)
    const editor = await agencyMember(agency, 'editor')
    ;(await upload(client, agency.id, editor, 'logo', PNG, 'logo.png')).assertStatus(403)
    assert.equal(
      (await siteRequest('localhost', route('brand_assets.show', { id: agency.id, kind: 'logo' })))
        .status,
      404
    )
  })
})
