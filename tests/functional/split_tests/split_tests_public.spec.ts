import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { siteRequest, type SiteResponse } from '#tests/helpers/site_client'
import { funnelWithSteps, VALID_CONTENT } from '#tests/functional/funnels/helpers'
import { BUYER } from '#tests/functional/payments/helpers'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import queue from '#services/queue'
import { TtlCache } from '#services/ttl_cache'
import { publish } from '#tests/helpers/publish'

/** Cookies a response sets, as `name=value` pairs a browser would send back. */
function setCookies(response: SiteResponse) {
  const header = response.headers['set-cookie'] ?? []
  return Object.fromEntries(
    header.map((line) => {
      const [pair] = line.split(';')
      const at = pair.indexOf('=')
      return [pair.slice(0, at), pair.slice(at + 1)]
    })
  )
}

function cookieHeader(jar: Record<string, string>) {
  return Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ')
}

/** The tracking config the page embeds (what its beacons send). */
function pageConfig(html: string) {
  const match = /<script id="fd-config" type="application\/json">(.*?)<\/script>/.exec(html)
  return JSON.parse(match![1])
}

async function testedCapture(client: any) {
  const tenant = await createTenant({ workspaceSlug: 'acme' })
  const token = await apiToken(tenant.owner, tenant.workspace)
  const built = await funnelWithSteps(tenant.workspace, ['capture', 'checkout', 'thankyou'], {
    slug: 'lancamento',
  })
  const created = await client
    .post(`/api/funnels/${built.funnel.id}/steps/${built.steps[0].id}/split-tests`)
    .bearerToken(token)
    .json({})
  const splitTest = created.body().splitTest
  await client
    .put(`/api/split-tests/${splitTest.id}/variants/${splitTest.variants[1].id}`)
    .bearerToken(token)
    .json({ content: { ...VALID_CONTENT.capture, headline: 'Headline da variante B' } })
  /** The public site serves the published funnel only (a draft is a 404). */
  await publish(built.funnel)
  TtlCache.clearAll()
  return { ...tenant, ...built, token, splitTest }
}

/** Which variant a page is: B shows its own headline. */
const isB = (html: string) => html.includes('Headline da variante B')

test.group('Split tests on the public site', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('a visitor keeps its first variant across visits, even after the weights change', async ({
    client,
    assert,
  }) => {
    const { splitTest, token } = await testedCapture(client)
    const [control, challenger] = splitTest.variants

    /** Visitors until both variants have been served (50/50: a handful at most). */
    const visitors: Array<{ jar: Record<string, string>; b: boolean }> = []
    while (visitors.length < 40 && new Set(visitors.map((v) => v.b)).size < 2) {
      const first = await siteRequest('acme.localhost', '/lancamento')
      assert.equal(first.status, 200)
      const jar = setCookies(first)
      assert.match(jar.fd_sid, /^[\w-]{16,64}$/)
      const variantId = Number(jar[`fd_ab_${splitTest.id}`])
      assert.include([control.id, challenger.id], variantId)
      assert.equal(isB(first.body), variantId === challenger.id)
      assert.equal(pageConfig(first.body).v, variantId)
      assert.match(first.headers['cache-control']!, /^private/)
      visitors.push({ jar, b: isB(first.body) })
    }
    assert.sameMembers([...new Set(visitors.map((v) => v.b))], [true, false])

    /** Everyone to the control from now on: visitors already assigned keep their variant. */
    await client
      .put(`/api/split-tests/${splitTest.id}`)
      .bearerToken(token)
      .json({
        variants: [
          { id: control.id, weight: 100 },
          { id: challenger.id, weight: 0 },
        ],
      })
    TtlCache.clearAll()
    for (const visitor of visitors) {
      for (let visit = 0; visit < 2; visit++) {
        const again = await siteRequest('acme.localhost', '/lancamento/etapa-1', {
          headers: { cookie: cookieHeader(visitor.jar) },
        })
        assert.equal(again.status, 200)
        assert.equal(isB(again.body), visitor.b)
        /** Nothing to set: the cookie already says it. */
        assert.isUndefined(setCookies(again)[`fd_ab_${splitTest.id}`])
      }
    }
    const newcomer = await siteRequest('acme.localhost', '/lancamento')
    assert.isFalse(isB(newcomer.body))

    /** Without its A/B cookie the visitor id alone gives the same answer (the hash). */
    const b = visitors.find((v) => v.b)!
    const byHash = await siteRequest('acme.localhost', '/lancamento', {
      headers: { cookie: `fd_sid=${b.jar.fd_sid}` },
    })
    await client
      .put(`/api/split-tests/${splitTest.id}`)
      .bearerToken(token)
      .json({
        variants: [
          { id: control.id, weight: 50 },
          { id: challenger.id, weight: 50 },
        ],
      })
    TtlCache.clearAll()
    const byHash5050 = await siteRequest('acme.localhost', '/lancamento', {
      headers: { cookie: `fd_sid=${b.jar.fd_sid}` },
    })
    assert.isFalse(isB(byHash.body), 'weights 100/0 send a new assignment to the control')
    assert.isTrue(isB(byHash5050.body), 'same weights, same visitor id: same variant')
  })

  test('each variant has its own cached page and ETag; after the winner, everyone sees it', async ({
    client,
    assert,
  }) => {
    const { splitTest, token, steps } = await testedCapture(client)
    const [control, challenger] = splitTest.variants
    const asA = await siteRequest('acme.localhost', '/lancamento', {
      headers: { cookie: `fd_ab_${splitTest.id}=${control.id}` },
    })
    const asB = await siteRequest('acme.localhost', '/lancamento', {
      headers: { cookie: `fd_ab_${splitTest.id}=${challenger.id}` },
    })
    assert.isFalse(isB(asA.body))
    assert.isTrue(isB(asB.body))
    assert.notEqual(asA.headers.etag, asB.headers.etag)
    /** The page's beacons carry the variant id, its pixel events the variant's name. */
    assert.equal(pageConfig(asB.body).v, challenger.id)
    assert.deepEqual(pageConfig(asB.body).x, { fd_variant: 'Variante B' })
    assert.include(asB.body, 'variantId:c.v')
    assert.include(asB.body, 'f(e,fd.eventId,c.x)')
    assert.include(asB.headers.vary!, 'Cookie')
    const revalidated = await siteRequest('acme.localhost', '/lancamento', {
      headers: {
        'cookie': `fd_ab_${splitTest.id}=${challenger.id}`,
        'if-none-match': asB.headers.etag!,
      },
    })
    assert.equal(revalidated.status, 304)

    await client
      .post(`/api/split-tests/${splitTest.id}/winner`)
      .bearerToken(token)
      .json({ variantId: challenger.id })
    TtlCache.clearAll()
    const asFormerA = await siteRequest('acme.localhost', '/lancamento', {
      headers: { cookie: `fd_ab_${splitTest.id}=${control.id}` },
    })
    assert.isTrue(isB(asFormerA.body))
    assert.match(asFormerA.headers['cache-control']!, /^public/)
    assert.isUndefined(pageConfig(asFormerA.body).v)
    assert.equal(steps[0].id, pageConfig(asFormerA.body).s)
  })

  test('a winning challenger goes live at once; the funnel’s other draft edits stay unpublished', async ({
    client,
    assert,
  }) => {
    const { splitTest, token, steps, workspace } = await testedCapture(client)
    const [, challenger] = splitTest.variants
    /** An edit of another step, not published. */
    await db
      .from('funnel_steps')
      .where('workspace_id', workspace.id)
      .where('id', steps[2].id)
      .update({ content: JSON.stringify({ message: 'Mensagem ainda em rascunho' }) })
    const declared = await client
      .post(`/api/split-tests/${splitTest.id}/winner`)
      .bearerToken(token)
      .json({ variantId: challenger.id })
    declared.assertStatus(200)
    TtlCache.clearAll()

    const newcomer = await siteRequest('acme.localhost', '/lancamento')
    assert.equal(newcomer.status, 200)
    assert.isTrue(isB(newcomer.body), 'the winner is the published step now')
    const thanks = await siteRequest('acme.localhost', '/lancamento/etapa-3')
    assert.equal(thanks.status, 200)
    assert.notInclude(thanks.body, 'Mensagem ainda em rascunho')
    const publications = await db
      .from('funnel_publications')
      .where('workspace_id', workspace.id)
      .orderBy('version')
      .select('version')
    assert.deepEqual(
      publications.map((row) => row.version),
      [1, 2]
    )
  })

  test('beacons carry the variant into visitor_events; results count conversion and revenue', async ({
    client,
    assert,
  }) => {
    const { splitTest, steps, funnel, workspace, token } = await testedCapture(client)
    const [control, challenger] = splitTest.variants
    const beacon = (sid: string, events: Array<Record<string, unknown>>) =>
      siteRequest('acme.localhost', '/_funil/e', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'cookie': `fd_sid=${sid}` },
        body: JSON.stringify({ events }),
      })
    const view = (stepId: number, variantId?: number) => ({
      id: randomUUID(),
      type: 'page_view',
      funnelId: funnel.id,
      stepId,
      ...(variantId ? { variantId } : {}),
    })
    /** 4 visitors on A (1 goes on), 4 on B (3 go on, 1 pays R$ 197,00). */
    const plan: Array<[number, boolean]> = [
      [control.id, true],
      [control.id, false],
      [control.id, false],
      [control.id, false],
      [challenger.id, true],
      [challenger.id, true],
      [challenger.id, true],
      [challenger.id, false],
    ]
    const sids = plan.map((_, i) => `visitor-split-${i}-xxxxxxxx`)
    for (const [i, [variantId, goesOn]] of plan.entries()) {
      ;(await beacon(sids[i], [view(steps[0].id, variantId)])).status === 204 ||
        assert.fail('beacon refused')
      if (goesOn) await beacon(sids[i], [view(steps[1].id)])
    }
    /** A variant id of another step (or a forged one) is not stored. */
    await beacon('visitor-forger-xxxxxxxxx', [view(steps[2].id, challenger.id)])
    await FlushVisitorEvents.handle()

    const stored = await db
      .from('visitor_events')
      .where('workspace_id', workspace.id)
      .where('step_id', steps[0].id)
      .select('split_variant_id')
    assert.equal(stored.filter((e) => e.split_variant_id === control.id).length, 4)
    assert.equal(stored.filter((e) => e.split_variant_id === challenger.id).length, 4)
    const forged = await db
      .from('visitor_events')
      .where('workspace_id', workspace.id)
      .where('step_id', steps[2].id)
      .first()
    assert.isNull(forged.split_variant_id)

    /** B's first visitor pays through the checkout. */
    await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[1].id,
      productPriceCents: 19700,
      fieldsConfig: { name: true, email: true, phone: true, cpf: true },
    }).create()
    /** The checkout charges the published configuration: publish the one just added. */
    await publish(funnel)
    const paid = await siteRequest('acme.localhost', `/_funil/checkout/${steps[1].id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept': 'application/json',
        'cookie': `fd_sid=${sids[4]}`,
      },
      body: JSON.stringify({ ...BUYER, bumps: [] }),
    })
    assert.equal(paid.status, 201, paid.body)
    await db
      .from('payments')
      .where('workspace_id', workspace.id)
      .update({ status: 'paid', paid_at: new Date() })

    const response = await client.get(`/api/split-tests/${splitTest.id}`).bearerToken(token)
    response.assertStatus(200)
    const { results } = response.body().splitTest
    assert.equal(results.method.primary, 'bayesian_beta')
    assert.equal(results.nextStep.id, steps[1].id)
    const [a, b] = results.variants
    assert.deepInclude(a, {
      variantId: control.id,
      visitors: 4,
      nextStepVisitors: 1,
      nextStepRate: 0.25,
      buyers: 0,
      revenueCents: 0,
    })
    assert.deepInclude(b, {
      variantId: challenger.id,
      visitors: 4,
      nextStepVisitors: 3,
      nextStepRate: 0.75,
      buyers: 1,
      payments: 1,
      revenueCents: 19700,
    })
    assert.isNull(a.nextStep)
    /** Beta(2, 4) vs Beta(4, 2): P = 113/126 = 0.896825… (checked with SciPy), rounded to 4 places. */
    assert.equal(b.nextStep.probabilityToBeatControl, 0.8968)
    assert.isNumber(b.nextStep.pValue)
  })

  test('a checkout under test charges the price of the variant the buyer saw and records it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ workspaceSlug: 'acme' })
    const token = await apiToken(tenant.owner, tenant.workspace)
    const { funnel, steps } = await funnelWithSteps(tenant.workspace, ['checkout', 'thankyou'], {
      slug: 'oferta',
    })
    await CheckoutConfigFactory.merge({
      workspaceId: tenant.workspace.id,
      funnelId: funnel.id,
      stepId: steps[0].id,
      productName: 'Curso',
      productPriceCents: 19700,
      fieldsConfig: { name: true, email: true, phone: true, cpf: true },
    }).create()
    const created = await client
      .post(`/api/funnels/${funnel.id}/steps/${steps[0].id}/split-tests`)
      .bearerToken(token)
      .json({})
    const { id, variants } = created.body().splitTest
    await client
      .put(`/api/split-tests/${id}/variants/${variants[1].id}`)
      .bearerToken(token)
      .json({
        checkoutConfig: {
          productName: 'Curso',
          productPriceCents: 14700,
          fieldsConfig: { name: true, email: true, phone: true, cpf: true },
        },
      })
    await publish(funnel)
    TtlCache.clearAll()

    const pageB = await siteRequest('acme.localhost', '/oferta', {
      headers: { cookie: `fd_sid=buyer-b-xxxxxxxxxxxx; fd_ab_${id}=${variants[1].id}` },
    })
    assert.include(pageB.body, '147,00')
    assert.notInclude(pageB.body, '197,00')

    const pay = (cookie: string) =>
      siteRequest('acme.localhost', `/_funil/checkout/${steps[0].id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept': 'application/json', cookie },
        body: JSON.stringify({ ...BUYER, bumps: [] }),
      })
    assert.equal(
      (await pay(`fd_sid=buyer-b-xxxxxxxxxxxx; fd_ab_${id}=${variants[1].id}`)).status,
      201
    )
    assert.equal(
      (await pay(`fd_sid=buyer-a-xxxxxxxxxxxx; fd_ab_${id}=${variants[0].id}`)).status,
      201
    )
    const payments = await db
      .from('payments')
      .where('workspace_id', tenant.workspace.id)
      .orderBy('id')
      .select('amount_cents', 'split_variant_id')
    assert.deepEqual(
      payments.map((p) => [p.amount_cents, p.split_variant_id]),
      [
        [14700, variants[1].id],
        [19700, variants[0].id],
      ]
    )
  })
})
