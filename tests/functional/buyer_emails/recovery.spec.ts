import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import SweepAbandonedCheckouts from '#actions/checkout_sessions/sweep_abandoned_checkouts'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }
const SID = 'abcdefghijklmnopqrstuvwx'
const CONSENT = {
  termsUrl: 'https://doces.com.br/termos',
  privacyUrl: 'https://doces.com.br/privacidade',
  sellerName: 'Doces da Ana LTDA',
  sellerDocument: '11.222.333/0001-81',
}

async function shop(slug = 'acme', settings: Record<string, unknown> = {}) {
  const tenant = await createTenant({ workspaceSlug: slug })
  tenant.workspace.settings = { ...(tenant.workspace.settings ?? {}), ...settings }
  await tenant.workspace.save()
  const made = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...made, host: `${slug}.localhost` }
}

function saveSession(host: string, stepId: number, body: unknown, sid = SID) {
  return siteRequest(host, `/_funil/checkout/${stepId}/session`, {
    method: 'POST',
    headers: { ...json, cookie: `fd_sid=${sid}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function sessions(workspaceId: number) {
  return db.from('checkout_sessions').where('workspace_id', workspaceId).orderBy('id')
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000)

test.group('Consent (LGPD) on capture and checkout', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the forms show the terms/privacy links and the seller; submitting records what was agreed to and when', async ({
    assert,
  }) => {
    const { host, workspace, funnel, steps, checkout } = await shop('acme', { consent: CONSENT })
    for (const step of [steps.capture, checkout]) {
      const page = await siteRequest(host, `/${funnel.slug}/${step.slug}`)
      assert.include(page.body, 'href="https://doces.com.br/termos"')
      assert.include(page.body, 'href="https://doces.com.br/privacidade"')
      assert.include(page.body, 'Doces da Ana LTDA · CNPJ 11.222.333/0001-81')
      assert.include(page.body, 'name="consent" value="1"')
    }
    const capture = await siteRequest(host, `/${funnel.slug}/${steps.capture.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': `fd_sid=${SID}` },
      body: 'name=Ana&email=ana%40exemplo.com&consent=1',
    })
    assert.equal(capture.status, 303)
    const bought = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { ...json, cookie: `fd_sid=${SID}` },
      body: JSON.stringify({ ...BUYER, consent: '1' }),
    })
    assert.equal(bought.status, 201)
    const rows = await db.from('consents').where('workspace_id', workspace.id).orderBy('id')
    assert.deepEqual(
      rows.map((r) => [r.context, r.email, r.session_id, r.terms.termsUrl, r.terms.sellerDocument]),
      [
        ['capture', 'ana@exemplo.com', SID, CONSENT.termsUrl, CONSENT.sellerDocument],
        ['checkout', BUYER.email, SID, CONSENT.termsUrl, CONSENT.sellerDocument],
      ]
    )
    assert.isNotNull(rows[0].consented_at)
  })

  test('no links set: no notice on the page and nothing recorded', async ({ assert }) => {
    const { host, workspace, funnel, checkout } = await shop()
    const page = await siteRequest(host, `/${funnel.slug}/${checkout.slug}`)
    assert.notInclude(page.body, 'data-consent')
    await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...BUYER, consent: '1' }),
    })
    assert.lengthOf(await db.from('consents').where('workspace_id', workspace.id), 0)
  })
})

test.group('Abandoned checkouts: sessions, timer, recovery', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('saved on blur: one session per browser and step, normalised, with the consent; junk input is a 204, never a 5xx', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await shop('acme', { consent: CONSENT })
    assert.equal((await saveSession(host, checkout.id, { name: 'Ana\u0000 Souza' })).status, 204)
    assert.equal(
      (
        await saveSession(host, checkout.id, {
          email: 'ANA@Exemplo.com',
          phone: '11 91234-5678',
          bumps: [1, 'x', 99],
          consent: '1',
        })
      ).status,
      204
    )
    for (const junk of [
      { name: { toString: 1 }, email: ['a'] },
      '[1,2,3]',
      { email: 'x'.repeat(100_000) },
      { bumps: 'nope' },
    ]) {
      const response = await saveSession(host, checkout.id, junk)
      assert.isBelow(response.status, 500)
    }
    const [row, ...others] = await sessions(workspace.id)
    assert.lengthOf(others, 0)
    assert.equal(row.name, 'Ana Souza')
    assert.equal(row.email, 'ana@exemplo.com')
    assert.equal(row.phone, '11 91234-5678')
    assert.deepEqual(row.bumps, [1])
    assert.equal(row.consent.sellerDocument, CONSENT.sellerDocument)
    assert.isNotNull(row.consented_at)
    assert.equal(row.status, 'open')
  })

  test("another workspace's checkout step is a 404 on this host", async ({ assert }) => {
    const a = await shop('acme')
    const b = await shop('beta')
    const response = await saveSession(a.host, b.checkout.id, { name: 'Ana' })
    assert.equal(response.status, 404)
    assert.lengthOf(await sessions(b.workspace.id), 0)
  })

  test("the timer (fake clock): abandoned only after the workspace's delay (default 30 min), once, with a checkout.abandoned webhook", async ({
    assert,
  }) => {
    const a = await shop('acme')
    const b = await shop('beta', { recovery: { abandonAfterMinutes: 90 } })
    const endpoint = await WebhookEndpointFactory.merge({
      workspaceId: a.workspace.id,
      events: ['checkout.abandoned'],
    }).create()
    await saveSession(a.host, a.checkout.id, { name: 'Ana', email: 'ana@exemplo.com' })
    await saveSession(b.host, b.checkout.id, { name: 'Bia', email: 'bia@exemplo.com' })

    assert.deepEqual(await SweepAbandonedCheckouts.handle({ now: minutesFromNow(29) }), {
      abandoned: 0,
    })
    assert.deepEqual(await SweepAbandonedCheckouts.handle({ now: minutesFromNow(31) }), {
      abandoned: 1,
    })
    assert.equal((await sessions(a.workspace.id))[0].status, 'abandoned')
    assert.equal((await sessions(b.workspace.id))[0].status, 'open')
    assert.deepEqual(await SweepAbandonedCheckouts.handle({ now: minutesFromNow(60) }), {
      abandoned: 0,
    })
    assert.deepEqual(await SweepAbandonedCheckouts.handle({ now: minutesFromNow(91) }), {
      abandoned: 1,
    })

    const deliveries = await db.from('postback_deliveries').where('workspace_id', a.workspace.id)
    assert.lengthOf(deliveries, 1)
    assert.equal(deliveries[0].event, 'checkout.abandoned')
    assert.equal(deliveries[0].webhook_endpoint_id, endpoint.id)
    const body = deliveries[0].request.body
    assert.equal(body.data.customer.email, 'ana@exemplo.com')
    assert.match(
      body.data.checkout.recoveryUrl,
      /^http:\/\/acme\.localhost:\d+\/.+\?recover=[0-9a-f]{32}$/
    )
  })

  test('recovery link → pre-filled → PIX → paid: "recuperado" with the revenue, payment.recovered webhook, the list and CSV', async ({
    assert,
    client,
  }) => {
    const { host, workspace, owner, checkout } = await shop()
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      events: ['payment.recovered'],
    }).create()
    await saveSession(host, checkout.id, {
      name: BUYER.name,
      email: BUYER.email,
      phone: BUYER.phone,
    })
    await SweepAbandonedCheckouts.handle({ now: minutesFromNow(31) })
    const [session] = await sessions(workspace.id)

    const list = await asInertia(
      client.get(route('w.recovery.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    list.assertStatus(200)
    const [row] = list.body().props.rows
    assert.equal(row.status, 'abandoned')
    assert.equal(row.email, BUYER.email)
    const link = new URL(row.recoveryUrl)
    assert.equal(link.searchParams.get('recover'), session.token)

    /** Another browser opens the link: the form is pre-filled from the saved session. */
    const prefill = await siteRequest(
      host,
      `/_funil/checkout/${checkout.id}/prefill${link.search}`,
      {
        headers: { accept: 'application/json', cookie: 'fd_sid=zzzzzzzzzzzzzzzzzzzzzzzz' },
      }
    )
    assert.deepEqual(JSON.parse(prefill.body), {
      name: BUYER.name,
      email: BUYER.email,
      phone: BUYER.phone,
      source: 'recovery',
    })
    const bought = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { ...json, cookie: 'fd_sid=zzzzzzzzzzzzzzzzzzzzzzzz' },
      body: JSON.stringify({ ...BUYER, recover: session.token }),
    })
    const payment = await Payment.query()
      .where('public_token', JSON.parse(bought.body).payment.token)
      .firstOrFail()
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })

    const [recovered] = await sessions(workspace.id)
    assert.equal(recovered.status, 'recovered')
    assert.equal(recovered.recovered_cents, payment.amountCents)
    const webhooks = await db
      .from('postback_deliveries')
      .where('workspace_id', workspace.id)
      .where('event', 'payment.recovered')
    assert.lengthOf(webhooks, 1)

    const after = await asInertia(
      client
        .get(
          route(
            'w.recovery.index',
            { workspaceSlug: workspace.slug },
            { qs: { status: 'recovered' } }
          )
        )
        .loginAs(owner)
    )
    assert.equal(after.body().props.totals.recovered, 1)
    assert.equal(after.body().props.totals.recoveredCents, payment.amountCents)
    assert.lengthOf(after.body().props.rows, 1)
    const none = await asInertia(
      client
        .get(
          route(
            'w.recovery.index',
            { workspaceSlug: workspace.slug },
            { qs: { status: 'abandoned' } }
          )
        )
        .loginAs(owner)
    )
    assert.lengthOf(none.body().props.rows, 0)

    const csv = await client
      .get(route('w.recovery.export', { workspaceSlug: workspace.slug }))
      .loginAs(owner)
    csv.assertStatus(200)
    assert.include(csv.text(), `"recovered","${BUYER.name}","${BUYER.email}"`)

    const dashboard = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    assert.deepEqual(dashboard.body().props.recovered, { cents: payment.amountCents, count: 1 })
  })

  test('a PIX left to expire makes the session "PIX expirado"; paying it later still counts as recovered', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await shop()
    await saveSession(host, checkout.id, { name: BUYER.name, email: BUYER.email })
    const bought = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { ...json, cookie: `fd_sid=${SID}` },
      body: JSON.stringify(BUYER),
    })
    const payment = await Payment.query()
      .where('public_token', JSON.parse(bought.body).payment.token)
      .firstOrFail()
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'expired',
      source: 'expiry',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'expired',
    })
    assert.equal((await sessions(workspace.id))[0].status, 'pix_expired')
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    assert.equal((await sessions(workspace.id))[0].status, 'recovered')
  })

  test('a checkout paid at once is "pago", never listed; another workspace\'s Recuperação is a 404', async ({
    assert,
    client,
  }) => {
    const { host, workspace, owner, checkout } = await shop()
    await saveSession(host, checkout.id, { name: BUYER.name, email: BUYER.email })
    const bought = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { ...json, cookie: `fd_sid=${SID}` },
      body: JSON.stringify(BUYER),
    })
    const payment = await Payment.query()
      .where('public_token', JSON.parse(bought.body).payment.token)
      .firstOrFail()
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    assert.equal((await sessions(workspace.id))[0].status, 'paid')
    assert.deepEqual(await SweepAbandonedCheckouts.handle({ now: minutesFromNow(120) }), {
      abandoned: 0,
    })
    const list = await asInertia(
      client.get(route('w.recovery.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    assert.lengthOf(list.body().props.rows, 0)

    const other = await createTenant()
    const cross = await asInertia(
      client.get(route('w.recovery.index', { workspaceSlug: workspace.slug })).loginAs(other.owner)
    )
    cross.assertStatus(404)
    const crossCsv = await client
      .get(route('w.recovery.export', { workspaceSlug: workspace.slug }))
      .loginAs(other.owner)
    crossCsv.assertStatus(404)
  })
})
