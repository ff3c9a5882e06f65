import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import IssueApiToken from '#actions/auth/issue_api_token'
import { cpfLookupHash } from '#actions/lgpd/find_data_subject'
import { ANONYMISED_NAME } from '#actions/lgpd/erase_data_subject'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { aPayment, sellingFunnel } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

/** The data subject: stored in the shapes the app writes (digits, as typed, mixed case). */
const SUBJECT = {
  name: 'Joana Titular',
  email: 'joana.titular@exemplo.com',
  cpf: '52998224725',
  cpfFormatted: '529.982.247-25',
  phone: '21998765432',
  phoneFormatted: '(21) 99876-5432',
}

/** Every way the subject's identifiers may appear in a column. */
const NEEDLES = [
  `%${SUBJECT.email}%`,
  `%${encodeURIComponent(SUBJECT.email)}%`,
  `%${SUBJECT.cpf}%`,
  `%${SUBJECT.cpfFormatted}%`,
  `%${SUBJECT.phone}%`,
  `%99876-5432%`,
  `%${SUBJECT.name}%`,
]

/**
 * Where a data subject's data lands in a workspace: a capture lead with its events, a paid PIX
 * (gateway answer, transition, webhook body, buyer e-mail, two postbacks — one delivered), the
 * checkout session, the consent and the CPF lookup; plus another buyer who must stay intact.
 */
async function subjectEverywhere(workspace: Workspace) {
  const { funnel, steps } = await sellingFunnel(workspace)
  const checkoutStep = steps.checkout
  const sessionId = randomUUID()
  const visitor = await VisitorFactory.merge({
    workspaceId: workspace.id,
    sessionId,
    funnelId: funnel.id,
    isOnline: false,
    fbclid: 'fbclid-da-joana',
    landingUrl: `https://loja.exemplo.com/oferta?email=${encodeURIComponent(SUBJECT.email)}&utm_source=facebook`,
    lead: { name: SUBJECT.name, email: SUBJECT.email, phone: SUBJECT.phoneFormatted },
  }).create()
  await db.table('visitor_events').multiInsert([
    {
      workspace_id: workspace.id,
      visitor_id: visitor.id,
      funnel_id: funnel.id,
      event_type: 'form_submit',
      event_id: randomUUID(),
      event_data: JSON.stringify({
        lead: { name: SUBJECT.name, email: SUBJECT.email, phone: SUBJECT.phoneFormatted },
      }),
    },
    {
      workspace_id: workspace.id,
      visitor_id: visitor.id,
      funnel_id: funnel.id,
      event_type: 'page_view',
      event_id: randomUUID(),
      event_data: JSON.stringify({ url: '/oferta' }),
    },
  ])
  const payment = await aPayment(workspace, {
    status: 'paid',
    amountCents: 19700,
    funnelId: funnel.id,
    visitorId: visitor.id,
    visitorSessionId: sessionId,
    customerData: {
      name: SUBJECT.name,
      email: 'Joana.Titular@Exemplo.com',
      phone: SUBJECT.phone,
      cpf: SUBJECT.cpf,
    },
    gatewayResponse: {
      id: 'tx_123',
      customer: { name: SUBJECT.name, email: SUBJECT.email, document: SUBJECT.cpfFormatted },
    },
    attribution: { utm_source: 'facebook', fbclid: 'fbclid-da-joana' },
  })
  await db.table('payment_transitions').insert({
    workspace_id: workspace.id,
    payment_id: payment.id,
    from_status: 'pending',
    to_status: 'paid',
    source: 'webhook',
    details: JSON.stringify({ payer: SUBJECT.email }),
  })
  await db.table('webhook_events').insert({
    workspace_id: workspace.id,
    gateway: 'sandbox',
    event_key: `paid-${payment.id}`,
    payment_id: payment.id,
    raw_body: JSON.stringify({
      status: 'paid',
      customer: { name: SUBJECT.name, email: SUBJECT.email, document: SUBJECT.cpf },
    }),
    headers: JSON.stringify({ 'content-type': 'application/json' }),
  })
  await db.table('buyer_emails').insert({
    workspace_id: workspace.id,
    payment_id: payment.id,
    kind: 'payment_approved',
    to_email: SUBJECT.email,
    status: 'sent',
    subject: `${SUBJECT.name}, seu pagamento foi aprovado`,
  })
  const endpoint = await db
    .table('webhook_endpoints')
    .insert({
      workspace_id: workspace.id,
      name: 'CRM',
      url: 'https://crm.exemplo.com/hook',
      secret: 'segredo',
      events: JSON.stringify(['payment.paid']),
    })
    .returning('id')
  await db.table('postback_deliveries').multiInsert([
    {
      workspace_id: workspace.id,
      target: 'utmify',
      event: 'order.paid',
      payment_id: payment.id,
      dedupe_key: `utmify-${payment.id}`,
      status: 'succeeded',
      delivered_at: new Date(),
      request: JSON.stringify({
        body: {
          customer: {
            name: SUBJECT.name,
            email: SUBJECT.email,
            phone: SUBJECT.phone,
            document: SUBJECT.cpf,
          },
          products: [{ name: 'Curso', priceInCents: 19700 }],
        },
      }),
    },
    {
      workspace_id: workspace.id,
      target: 'custom',
      event: 'payment.paid',
      payment_id: payment.id,
      webhook_endpoint_id: endpoint[0].id ?? endpoint[0],
      dedupe_key: `custom-${payment.id}`,
      status: 'failed',
      last_error: `recusado para ${SUBJECT.email}`,
      request: JSON.stringify({ payload: { buyer_email: SUBJECT.email, amount: 19700 } }),
    },
  ])
  await db.table('checkout_sessions').insert({
    workspace_id: workspace.id,
    funnel_id: funnel.id,
    step_id: checkoutStep.id,
    session_id: sessionId,
    token: randomUUID().replace(/-/g, ''),
    name: SUBJECT.name,
    email: SUBJECT.email,
    phone: SUBJECT.phone,
    status: 'paid',
    payment_id: payment.id,
  })
  await db.table('consents').insert({
    workspace_id: workspace.id,
    session_id: sessionId,
    context: 'checkout',
    email: SUBJECT.email,
    terms: JSON.stringify({ termsUrl: 'https://loja.exemplo.com/termos' }),
    ip_address: '203.0.113.9',
  })
  await db.table('cpf_lookups').insert({
    workspace_id: workspace.id,
    cpf_masked: '529.***.***-25',
    cpf_hash: cpfLookupHash(workspace.id, SUBJECT.cpf),
    outcome: 'found',
    session_id: sessionId,
  })
  const other = await aPayment(workspace, {
    status: 'paid',
    amountCents: 4700,
    customerData: { name: 'Outra Pessoa', email: 'outra@exemplo.com', cpf: '11144477735' },
  })
  return { payment, visitor, other }
}

/**
 * Every text, varchar, json(b), inet and array column of every table in the database, searched
 * for the subject's identifiers: the table and column of each hit.
 */
async function personalDataLeft(scope?: { workspaceId: number }) {
  const columns = await db
    .from('information_schema.columns')
    .where('table_schema', 'public')
    .whereIn('data_type', [
      'text',
      'character varying',
      'character',
      'json',
      'jsonb',
      'inet',
      'ARRAY',
      'USER-DEFINED',
    ])
    .select('table_name', 'column_name')
  const withWorkspace = new Set(
    (
      await db
        .from('information_schema.columns')
        .where('table_schema', 'public')
        .where('column_name', 'workspace_id')
        .select('table_name')
    ).map((row) => row.table_name)
  )
  const hits: string[] = []
  for (const { table_name: table, column_name: column } of columns) {
    const query = db
      .from(table)
      .whereRaw(`??::text ilike any (?)`, [column, NEEDLES])
      .count('* as total')
    if (scope && withWorkspace.has(table)) query.where('workspace_id', scope.workspaceId)
    const [{ total }] = await query
    if (Number(total) > 0) hits.push(`${table}.${column}`)
  }
  return { hits, tablesScanned: new Set(columns.map((c) => c.table_name)).size }
}

test.group('LGPD requests', (group) => {
  freshDatabase(group)

  test('finds the subject by e-mail, CPF or phone, everywhere their data lives', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await subjectEverywhere(workspace)
    const token = await apiToken(owner, workspace)

    const byEmail = await client
      .post(route('api.lgpd.search'))
      .bearerToken(token)
      .json({ email: ' JOANA.Titular@exemplo.com ' })
    byEmail.assertStatus(200)
    assert.deepInclude(byEmail.body().counts, {
      payments: 1,
      paymentTransitions: 1,
      visitors: 1,
      visitorEvents: 2,
      checkoutSessions: 1,
      consents: 1,
      buyerEmails: 1,
      postbackDeliveries: 2,
      webhookEvents: 1,
      cpfLookups: 1,
    })
    assert.lengthOf(byEmail.body().sentPostbacks, 1, 'only the delivered postback is listed')
    assert.equal(byEmail.body().sentPostbacks[0].target, 'utmify')

    const byCpf = await client
      .post(route('api.lgpd.search'))
      .bearerToken(token)
      .json({ cpf: SUBJECT.cpfFormatted })
    assert.equal(byCpf.body().counts.payments, 1)
    assert.equal(byCpf.body().counts.visitors, 1, 'the payment leads to its visitor')

    const byPhone = await client
      .post(route('api.lgpd.search'))
      .bearerToken(token)
      .json({ phone: '+55 (21) 99876-5432' })
    assert.equal(byPhone.body().counts.payments, 1)
    assert.equal(byPhone.body().counts.checkoutSessions, 1)

    const nobody = await client
      .post(route('api.lgpd.search'))
      .bearerToken(token)
      .json({ email: 'ninguem@exemplo.com' })
    assert.equal(nobody.body().counts.payments, 0)
    assert.equal(nobody.body().counts.consents, 0, 'no identifier match is no rows, not all rows')

    /** The other buyer (CPF only, no browser session): nothing of the subject comes along. */
    const otherBuyer = await client
      .post(route('api.lgpd.search'))
      .bearerToken(token)
      .json({ cpf: '111.444.777-35' })
    assert.equal(otherBuyer.body().counts.payments, 1)
    assert.equal(otherBuyer.body().counts.consents, 0, 'no condition applies: no rows, not all')
    assert.equal(otherBuyer.body().counts.checkoutSessions, 0)

    /** The admin page shows the same, for owners and admins. */
    const page = await asInertia(
      client
        .post(route('w.lgpd.search', { workspaceSlug: workspace.slug }))
        .json({ email: SUBJECT.email })
        .withCsrfToken()
        .loginAs(owner)
    )
    page.assertStatus(200)
    assert.equal(page.body().component, 'lgpd/index')
    assert.equal(page.body().props.result.counts.payments, 1)
  })

  test('exports everything held as JSON and as CSV', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { payment, other } = await subjectEverywhere(workspace)
    const token = await apiToken(owner, workspace)

    const json = await client
      .post(route('api.lgpd.export'))
      .bearerToken(token)
      .json({ email: SUBJECT.email })
    json.assertStatus(200)
    const records = json.body().records
    assert.equal(records.payments[0].id, payment.id)
    assert.equal(records.payments[0].customer_data.cpf, SUBJECT.cpf)
    assert.equal(records.visitors[0].lead.email, SUBJECT.email)
    assert.lengthOf(records.consents, 1)
    assert.lengthOf(records.postback_deliveries, 2)
    assert.notProperty(records.payments[0], 'public_token', 'workspace secrets are withheld')
    assert.notInclude(JSON.stringify(records), 'outra@exemplo.com')
    assert.notInclude(JSON.stringify(records), String(other.publicToken))

    const csv = await client
      .post(route('w.lgpd.export', { workspaceSlug: workspace.slug }))
      .json({ email: SUBJECT.email, format: 'csv' })
      .withCsrfToken()
      .loginAs(owner)
    csv.assertStatus(200)
    assert.match(csv.header('content-disposition') ?? '', /attachment; filename=".*\.csv"/)
    const text = csv.text()
    assert.isTrue(text.startsWith('\uFEFFtabela;id;campo;valor\r\n'))
    assert.include(text, `payments;${payment.id};customer_data.cpf;${SUBJECT.cpf}`)
    assert.include(text, `visitors;`)
  })

  test('erasure leaves none of the subject in any table; payments stay for accounting', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { payment, visitor, other } = await subjectEverywhere(workspace)
    const before = await personalDataLeft()
    assert.isAbove(before.hits.length, 10, `the fixture spreads the subject: ${before.hits}`)

    const wrong = await client
      .post(route('w.lgpd.erase', { workspaceSlug: workspace.slug }))
      .json({ email: SUBJECT.email, confirm: 'sim' })
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    wrong.assertStatus(422)
    assert.equal(wrong.body().errors[0].field, 'confirm')

    const erased = await asInertia(
      client
        .post(route('w.lgpd.erase', { workspaceSlug: workspace.slug }))
        .json({ email: SUBJECT.email, cpf: SUBJECT.cpfFormatted, confirm: 'ANONIMIZAR' })
        .withCsrfToken()
        .loginAs(owner)
    )
    erased.assertStatus(200)
    const result = erased.body().props.erased
    assert.equal(result.counts.payments, 1)
    assert.deepEqual(
      result.sentPostbacks.map((sent: any) => [sent.target, sent.event]),
      [['utmify', 'order.paid']]
    )

    const after = await personalDataLeft()
    assert.isAbove(after.tablesScanned, 20)
    assert.deepEqual(after.hits, [], 'no e-mail, CPF, phone or name left anywhere')

    /** Accounting keeps the payment: amount, status, items, gateway id; the buyer is gone. */
    const kept = await db.from('payments').where('id', payment.id).firstOrFail()
    assert.equal(kept.amount_cents, 19700)
    assert.equal(kept.status, 'paid')
    assert.equal(kept.customer_data.name, ANONYMISED_NAME)
    assert.equal(kept.gateway_response.id, 'tx_123')
    assert.equal(kept.attribution.utm_source, 'facebook')
    const untouched = await db.from('payments').where('id', other.id).firstOrFail()
    assert.equal(untouched.customer_data.email, 'outra@exemplo.com')
    const anonymousVisit = await db.from('visitors').where('id', visitor.id).firstOrFail()
    assert.deepEqual(anonymousVisit.lead, {})
    assert.equal(anonymousVisit.utm_source, 'facebook', 'the campaign stays for the dashboards')

    /** Recorded in the audit log, without the identifiers. */
    const audit = await db
      .from('audit_events')
      .where('workspace_id', workspace.id)
      .where('action', 'w.lgpd.erase')
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].user_id, owner.id)
  })

  test('one workspace never reads or erases another’s; admins only', async ({ client, assert }) => {
    const a = await createTenant()
    const b = await createTenant()
    await subjectEverywhere(a.workspace)
    await subjectEverywhere(b.workspace)

    /** B's owner erases the subject in B: A's copy is untouched. */
    const erase = await client
      .post(route('api.lgpd.erase'))
      .bearerToken(await apiToken(b.owner, b.workspace))
      .json({ email: SUBJECT.email, confirm: 'ANONIMIZAR' })
    erase.assertStatus(200)
    assert.deepEqual((await personalDataLeft({ workspaceId: b.workspace.id })).hits, [])
    assert.isAbove((await personalDataLeft({ workspaceId: a.workspace.id })).hits.length, 10)

    /** A's slug with B's owner: 404 on every admin route; A's id in X-Workspace: 404. */
    for (const [method, path] of [
      ['get', '/lgpd'],
      ['post', '/lgpd/search'],
      ['post', '/lgpd/export'],
      ['post', '/lgpd/erase'],
    ] as const) {
      const response = await client[method](`/w/${a.workspace.slug}${path}`)
        .json({ email: SUBJECT.email, confirm: 'ANONIMIZAR' })
        .header('accept', 'application/json')
        .withCsrfToken()
        .loginAs(b.owner)
      response.assertStatus(404)
    }
    const agencyWide = await IssueApiToken.handle({ user: b.owner, workspace: null })
    for (const action of ['search', 'export', 'erase']) {
      const response = await client
        .post(`/api/lgpd/${action}`)
        .bearerToken(agencyWide.value!.release())
        .header('x-workspace', String(a.workspace.id))
        .json({ email: SUBJECT.email, confirm: 'ANONIMIZAR' })
      response.assertStatus(404)
    }

    /** Editors and viewers cannot: 403 on the page and the API. */
    const editor = await workspaceMember(a.workspace, 'editor')
    const page = await client
      .get(route('w.lgpd.index', { workspaceSlug: a.workspace.slug }))
      .header('accept', 'application/json')
      .loginAs(editor)
    page.assertStatus(403)
    const api = await client
      .post(route('api.lgpd.search'))
      .bearerToken(await apiToken(editor, a.workspace))
      .json({ email: SUBJECT.email })
    api.assertStatus(403)

    /** No identifier: a 422 in Portuguese on the e-mail field. */
    const empty = await client
      .post(route('api.lgpd.search'))
      .bearerToken(await apiToken(a.owner, a.workspace))
      .json({})
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'email')
    assert.equal(empty.body().errors[0].message, 'Informe um e-mail, CPF ou telefone')
  })
})
