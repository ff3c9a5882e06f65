import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import Workspace from '#models/workspace'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { TtlCache } from '#services/ttl_cache'
import { renderStep } from '#services/step_renderer'
import { BRAND_FONTS } from '#services/workspace_brand'
import { aPayment } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

const BRAND = {
  brand: {
    logoUrl: 'https://cdn.doces.com.br/logo.png',
    primaryColor: '#AA3366',
    backgroundColor: '#fdf2f8',
    font: 'serif',
  },
  consent: {
    sellerName: 'Doces da Ana LTDA',
    sellerDocument: '11.222.333/0001-81',
    termsUrl: 'https://doces.com.br/termos',
    privacyUrl: 'https://doces.com.br/privacidade',
  },
}

const SERIF = BRAND_FONTS.find((font) => font.key === 'serif')!.stack

/** One funnel with every step type, in order, under `{slug}.localhost/loja/...`. */
async function funnelWithEveryStep(workspace: Workspace) {
  const funnel = await FunnelFactory.merge({
    workspaceId: workspace.id,
    slug: 'loja',
    isActive: true,
  }).create()
  const steps = [
    { stepType: 'capture', slug: 'captura', content: { headline: 'Entre', fields: ['email'] } },
    { stepType: 'vsl', slug: 'video', content: { headline: 'Assista', videoUrl: null } },
    { stepType: 'checkout', slug: 'checkout', content: {} },
    {
      stepType: 'upsell',
      slug: 'oferta',
      content: { offer: { name: 'Extra', priceCents: 1900 } },
    },
    { stepType: 'thankyou', slug: 'obrigado', content: { message: 'Valeu' } },
  ] as const
  for (const [index, step] of steps.entries()) {
    await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      orderIndex: index,
      isActive: true,
      ...step,
      content: step.content as Record<string, unknown>,
    }).create()
  }
  /** The public host serves published funnels only; the brand is the workspace's, read live. */
  await publish(funnel)
  return steps.map((step) => step.slug)
}

const put = (client: any, slug: string, user: any, body: unknown) =>
  client
    .put(route('w.settings.brand', { workspaceSlug: slug }))
    .json(body)
    .header('accept', 'application/json')
    .header('referer', route('w.settings', { workspaceSlug: slug }))
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)

test.group('Workspace brand on every public step', (group) => {
  freshDatabase(group)
  group.each.setup(() => TtlCache.clearAll())

  test('owners save the brand (other settings keys kept) and the settings page shows it', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await Workspace.query()
      .where('id', workspace.id)
      .update({ settings: JSON.stringify({ locale: 'pt-BR', buyerEmails: { senderName: 'X' } }) })
    const response = await put(client, workspace.slug, owner, BRAND)
    response.assertStatus(302)
    const stored = (await Workspace.findOrFail(workspace.id)).settings as Record<string, any>
    assert.equal(stored.buyerEmails.senderName, 'X')
    assert.equal(stored.brand.primaryColor, '#aa3366')
    assert.equal(stored.brand.font, 'serif')
    assert.equal(stored.consent.sellerDocument, '11.222.333/0001-81')

    const page = await asInertia(
      client.get(route('w.settings', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    const props = page.body().props.workspaceBrand
    assert.equal(props.brand.logoUrl, 'https://cdn.doces.com.br/logo.png')
    assert.equal(props.consent.termsUrl, 'https://doces.com.br/termos')
    assert.includeMembers(
      props.fonts.map((font: any) => font.key),
      ['system', 'serif']
    )
  })

  test('bad input: pt-BR field errors (colour, https logo, font, CNPJ, links), never a 5xx', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const response = await put(client, workspace.slug, owner, {
      brand: {
        logoUrl: 'http://doces.com.br/logo.png',
        primaryColor: 'red;}</style><script>alert(1)</script>',
        backgroundColor: '#12345',
        font: 'Comic Sans',
      },
      consent: {
        sellerDocument: '11.222.333/0001-00',
        termsUrl: 'javascript:alert(1)',
        privacyUrl: 'data:text/html,x',
      },
    })
    response.assertStatus(422)
    const errors = response.body().errors as Array<{ field: string; rule: string; message: string }>
    const byField = Object.fromEntries(errors.map((error) => [error.field, error]))
    assert.equal(
      byField['brand.logoUrl'].message,
      'Informe o endereço de uma imagem que comece com https://'
    )
    assert.equal(
      byField['brand.primaryColor'].message,
      'Use uma cor no formato #RRGGBB (ex.: #1d4ed8)'
    )
    assert.equal(byField['brand.backgroundColor'].rule, 'regex')
    assert.equal(byField['brand.font'].message, 'Escolha uma das fontes da lista')
    assert.equal(byField['consent.sellerDocument'].message, 'Informe um CNPJ (ou CPF) válido')
    assert.equal(byField['consent.termsUrl'].rule, 'url')
    assert.equal(byField['consent.privacyUrl'].rule, 'url')
    const stored = (await Workspace.findOrFail(workspace.id)).settings as Record<string, any>
    assert.notExists(stored?.brand)
  })

  test('viewers get 403; another workspace (or one the user cannot open) is a 404', async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    ;(await put(client, workspace.slug, viewer, BRAND)).assertStatus(403)
    ;(await put(client, other.workspace.slug, owner, BRAND)).assertStatus(404)
  })

  test('every step type (capture, VSL, checkout, upsell, thank-you) renders the brand on the public host', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'doces' })
    const slugs = await funnelWithEveryStep(workspace)
    ;(await put(client, workspace.slug, owner, BRAND)).assertStatus(302)
    TtlCache.clearAll()

    for (const slug of slugs) {
      const page = await siteRequest('doces.localhost', `/loja/${slug}`)
      assert.equal(page.status, 200, slug)
      assert.include(page.body, 'src="https://cdn.doces.com.br/logo.png"', slug)
      assert.include(page.body, '--primary: #aa3366;', slug)
      assert.include(page.body, `font: 16px/1.55 ${SERIF};`, slug)
      assert.include(page.body, 'Doces da Ana LTDA · CNPJ 11.222.333/0001-81', slug)
      assert.include(page.body, 'href="https://doces.com.br/termos"', slug)
      assert.include(page.body, 'href="https://doces.com.br/privacidade"', slug)
      assert.notInclude(page.body, 'Funil Digital', slug)
      if (slug !== 'checkout') assert.include(page.body, '--bg: #fdf2f8;', slug)
    }
  })

  test('the PIX page of a payment uses the workspace font too', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'doces-pix' })
    ;(await put(client, workspace.slug, owner, BRAND)).assertStatus(302)
    TtlCache.clearAll()
    const payment = await aPayment(workspace, {
      status: 'pending',
      publicToken: randomBytes(16).toString('hex'),
    })
    const page = await siteRequest('doces-pix.localhost', `/_funil/pay/${payment.publicToken}`)
    assert.equal(page.status, 200)
    assert.include(page.body, `font: 16px/1.55 ${SERIF};`)
  })

  test('a colour chosen on the step wins over the brand; the checkout default colour does not', async ({
    assert,
  }) => {
    const workspace = { name: 'Doces', slug: 'doces', settings: BRAND }
    const funnel = { id: 1, name: 'Loja', slug: 'loja', settings: {} }
    const own = await renderStep({
      workspace,
      funnel,
      step: {
        id: 1,
        name: 'Captura',
        slug: 'captura',
        stepType: 'capture',
        content: { fields: ['email'] },
        settings: { primaryColor: '#123456' },
      },
      mode: 'public',
      urls: {},
      locale: 'pt-BR',
    })
    assert.include(own, '--primary: #123456;')
    const checkout = await renderStep({
      workspace: { ...workspace, settings: { brand: { primaryColor: '#aa3366' } } },
      funnel,
      step: { id: 2, name: 'Checkout', slug: 'checkout', stepType: 'checkout', content: {} },
      checkoutConfig: { designConfig: { primaryColor: '#15803d' } } as any,
      mode: 'public',
      urls: {},
      locale: 'pt-BR',
    })
    assert.include(checkout, '--primary: #aa3366;')
  })

  test('stored brand values are escaped or dropped, never executed (logo, colour, font, seller, links)', async ({
    assert,
  }) => {
    const hostile = {
      brand: {
        logoUrl: 'https://x.test/a.png"><script>alert(1)</script>',
        primaryColor: 'red;}</style><script>alert(2)</script>',
        backgroundColor: 'url(javascript:alert(3))',
        font: '"></style><script>alert(4)</script>',
      },
      consent: {
        sellerName: '<img src=x onerror=alert(5)>',
        sellerDocument: '"><b>',
        termsUrl: 'javascript:alert(6)',
        privacyUrl: 'https://ok.test/p"onmouseover="alert(7)',
      },
    }
    for (const stepType of ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']) {
      const html = await renderStep({
        workspace: { name: 'Doces', slug: 'doces', settings: hostile },
        funnel: { id: 1, name: 'Loja', slug: 'loja', settings: {} },
        step: { id: 1, name: 'Etapa', slug: 'etapa', stepType, content: {} },
        mode: 'public',
        urls: {},
        locale: 'pt-BR',
      })
      /** Printed as text (escaped) or percent-encoded inside a URL: no tag, no attribute. */
      assert.notMatch(html, /<script>alert|<img src=x|"onmouseover=|<b>/, stepType)
      assert.include(html, '&lt;img src=x onerror=alert(5)&gt;', stepType)
      assert.notInclude(html, 'javascript:', stepType)
      assert.include(html, '--primary: #15803d;', stepType)
      assert.include(html, `font: 16px/1.55 ${BRAND_FONTS[0].stack};`, stepType)
    }
  })
})
