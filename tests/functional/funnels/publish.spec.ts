import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import FunnelPublication from '#models/funnel_publication'
import Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, apiToken } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { publish } from '#tests/helpers/publish'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import { BUYER, emptyQueues } from '#tests/functional/payments/helpers'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

/** An admin POST as the browser sends it: session, CSRF token, no redirect following. */
function adminPost(client: ApiClient, user: User, url: string, body: Record<string, unknown> = {}) {
  return client
    .post(url)
    .loginAs(user)
    .redirects(0)
    .withCsrfToken()
    .header('referer', url)
    .json(body)
}

function changesOf(client: ApiClient, user: User, slug: string, funnelId: number) {
  return client
    .get(`/w/${slug}/funnels/${funnelId}/changes`)
    .loginAs(user)
    .header('accept', 'application/json')
}

function checkoutPost(host: string, stepId: number) {
  return siteRequest(host, `/_funil/checkout/${stepId}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(BUYER),
  })
}

async function paymentOf(response: { body: string }) {
  const token = JSON.parse(response.body).payment.token as string
  return Payment.query().where('public_token', token).firstOrFail()
}

async function setPrice(configId: number, cents: number) {
  await CheckoutConfig.query().where('id', configId).update({ product_price_cents: cents })
}

async function setHeadline(step: FunnelStep, headline: string) {
  await FunnelStep.query()
    .where('id', step.id)
    .update({
      content: JSON.stringify({ ...step.content, headline }),
      version: step.version + 1,
    })
}

test.group('Funnels: draft and publish', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('a new funnel is a draft (404 in public) until "Publicar" puts it live', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'rascunho' })
    const created = await adminPost(client, owner, `/w/${workspace.slug}/funnels`, {
      name: 'Lançamento',
    })
    created.assertStatus(302)
    const funnel = await Funnel.query().where('workspace_id', workspace.id).firstOrFail()
    assert.isNull(funnel.publishedPublicationId)
    await adminPost(client, owner, `/w/${workspace.slug}/funnels/${funnel.id}/steps`, {
      name: 'Captura',
      stepType: 'capture',
    }).then((r) => r.assertStatus(302))

    const api = await client
      .get(`/api/funnels/${funnel.id}`)
      .bearerToken(await apiToken(owner, workspace))
    assert.equal(api.body().funnel.status, 'draft')
    assert.isNull(api.body().funnel.publishedAt)

    const host = 'rascunho.localhost'
    assert.equal((await siteRequest(host, `/${funnel.slug}`)).status, 404)
    const diff = await changesOf(client, owner, workspace.slug, funnel.id)
    diff.assertStatus(200)
    assert.isNull(diff.body().published)
    assert.deepEqual(
      diff.body().changes.map((c: { kind: string }) => c.kind),
      ['first_publish']
    )

    const published = await adminPost(
      client,
      owner,
      `/w/${workspace.slug}/funnels/${funnel.id}/publish`
    )
    published.assertStatus(302)
    published.assertFlashMessage(
      'success',
      'Funil publicado (versão 1). A página pública já mostra esta versão.'
    )
    const page = await siteRequest(host, `/${funnel.slug}`)
    assert.equal(page.status, 200)
    await funnel.refresh()
    assert.isNotNull(funnel.publishedAt)
    const after = await client
      .get(`/api/funnels/${funnel.id}`)
      .bearerToken(await apiToken(owner, workspace))
    assert.equal(after.body().funnel.status, 'active')
  })

  test('an edit stays in the draft until republished: page, checkout price and upsell price', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja' })
    const host = 'loja.localhost'
    const made = await checkoutFunnel(workspace, { withConfig: true })
    const { funnel, steps, config } = made

    /** The draft changes: a new headline, the product at R$ 297,00, the upsell at R$ 997,00. */
    await setHeadline(steps.checkout, 'Nova chamada do rascunho')
    await setPrice(config!.id, 29700)
    await FunnelStep.query()
      .where('id', steps.upsell.id)
      .update({
        content: JSON.stringify({
          ...steps.upsell.content,
          offer: { name: 'Mentoria VIP', priceCents: 99700 },
        }),
      })

    const page = await siteRequest(host, `/${funnel.slug}/${steps.checkout.slug}`)
    assert.equal(page.status, 200)
    assert.include(page.body, 'Falta pouco!')
    assert.notInclude(page.body, 'Nova chamada do rascunho')
    assert.include(page.body, '197,00')
    assert.notInclude(page.body, '297,00')

    /** What the visitor pays is what the published page showed. */
    const bought = await checkoutPost(host, steps.checkout.id)
    assert.equal(bought.status, 201, bought.body)
    const parent = await paymentOf(bought)
    assert.equal(parent.amountCents, 19700)
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: parent.id,
      to: 'paid',
      source: 'admin',
    })
    const upsell = await siteRequest(host, `/_funil/upsell/${steps.upsell.id}/accept`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ payment: parent.publicToken }),
    })
    assert.equal(upsell.status, 201, upsell.body)
    assert.equal((await paymentOf(upsell)).amountCents, 49700)

    /** The dialog lists what publishing would change, in pt-BR. */
    const diff = await changesOf(client, owner, workspace.slug, funnel.id)
    diff.assertStatus(200)
    assert.equal(diff.body().published.version, 1)
    const labels = diff.body().changes.map((c: { label: string }) => c.label)
    assert.includeMembers(labels, [
      'Etapa checkout: título alterado',
      'Etapa checkout: preço R$ 197,00 → R$ 297,00',
      'Etapa upsell: preço da oferta R$ 497,00 → R$ 997,00',
    ])

    /** Republished: the page, the checkout and the upsell switch to the new version. */
    await adminPost(client, owner, `/w/${workspace.slug}/funnels/${funnel.id}/publish`).then((r) =>
      r.assertStatus(302)
    )
    const live = await siteRequest(host, `/${funnel.slug}/${steps.checkout.slug}`)
    assert.include(live.body, 'Nova chamada do rascunho')
    assert.include(live.body, '297,00')
    const again = await checkoutPost(host, steps.checkout.id)
    assert.equal((await paymentOf(again)).amountCents, 29700)
    const paid = await paymentOf(again)
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: paid.id,
      to: 'paid',
      source: 'admin',
    })
    const upsell2 = await siteRequest(host, `/_funil/upsell/${steps.upsell.id}/accept`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ payment: paid.publicToken }),
    })
    assert.equal((await paymentOf(upsell2)).amountCents, 99700)
    const nothing = await changesOf(client, owner, workspace.slug, funnel.id)
    assert.deepEqual(nothing.body().changes, [])
    assert.equal(nothing.body().published.version, 2)
  })

  test('the API payment of a published funnel is priced from the published checkout', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, config } = await checkoutFunnel(workspace, { withConfig: true })
    await setPrice(config!.id, 29700)
    const response = await client
      .post('/api/payments/create')
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    response.assertStatus(201)
    assert.equal(response.body().payment.amountCents, 19700)
  })

  test('a step added to the draft is not public; one deleted from it goes offline', async ({
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'etapas' })
    const host = 'etapas.localhost'
    const { funnel, steps } = await checkoutFunnel(workspace, { withConfig: true })
    const extra = await FunnelStep.create({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      name: 'Nova',
      slug: 'nova',
      stepType: 'thankyou',
      orderIndex: 4,
      isActive: true,
      settings: {},
      content: { message: 'Nova etapa', links: [] },
      version: 1,
    })
    assert.equal((await siteRequest(host, `/${funnel.slug}/nova`)).status, 404)
    await FunnelStep.query().where('id', steps.thankyou.id).delete()
    assert.equal((await siteRequest(host, `/${funnel.slug}/${steps.thankyou.slug}`)).status, 404)
    await publish(funnel)
    assert.equal((await siteRequest(host, `/${funnel.slug}/${extra.slug}`)).status, 200)
  })

  test('publishing without changes is a no-op that says so', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace, { withConfig: true })
    /** A save that changes nothing still bumps the step's version: not a change to publish. */
    await FunnelStep.query().where('id', steps.capture.id).update({ version: 7 })
    const again = await adminPost(
      client,
      owner,
      `/w/${workspace.slug}/funnels/${funnel.id}/publish`
    )
    again.assertStatus(302)
    again.assertFlashMessage(
      'success',
      'Nada mudou desde a última publicação (versão 1 continua no ar).'
    )
    const api = await client
      .post(`/api/funnels/${funnel.id}/publish`)
      .bearerToken(await apiToken(owner, workspace))
    api.assertStatus(200)
    assert.equal(api.body().publication.version, 1)
    assert.isFalse(api.body().publication.changed)
    const versions = await FunnelPublication.query().where('funnel_id', funnel.id)
    assert.lengthOf(versions, 1)
  })

  test('a funnel without an active step cannot be published (422, field error)', async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await Funnel.create({
      workspaceId: workspace.id,
      name: 'Vazio',
      slug: 'vazio',
      isActive: true,
      settings: {},
    })
    const response = await client
      .post(`/api/funnels/${funnel.id}/publish`)
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ rule: 'funnel_empty' }] })
  })

  test("another workspace's funnel is a 404 on publish and changes", async ({ client, assert }) => {
    const mine = await createTenant()
    const theirs = await createTenant()
    const { funnel } = await checkoutFunnel(theirs.workspace)
    const slug = mine.workspace.slug
    const publishing = await adminPost(
      client,
      mine.owner,
      `/w/${slug}/funnels/${funnel.id}/publish`
    )
    publishing.assertStatus(404)
    const diff = await changesOf(client, mine.owner, slug, funnel.id)
    diff.assertStatus(404)
    const token = await apiToken(mine.owner, mine.workspace)
    ;(await client.post(`/api/funnels/${funnel.id}/publish`).bearerToken(token)).assertStatus(404)
    ;(await client.get(`/api/funnels/${funnel.id}/changes`).bearerToken(token)).assertStatus(404)
    const versions = await FunnelPublication.query().where('funnel_id', funnel.id)
    assert.lengthOf(versions, 1)
  })
})
