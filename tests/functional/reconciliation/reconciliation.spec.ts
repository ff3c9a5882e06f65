import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import PostbackDelivery from '#models/postback_delivery'
import type Workspace from '#models/workspace'
import ReconcilePayments from '#actions/reconciliation/reconcile_payments'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { asInertia } from '#tests/helpers/inertia'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import queue from '#services/queue'
import { route } from '#tests/helpers/routes'

const FIVE_HOURS_AGO = () => DateTime.now().minus({ hours: 5 })

/**
 * A SkalePay + UTMify workspace with six payments made five hours ago, one per case:
 * - expiredButPaid: we expired it, the gateway took the money → corrected to paid;
 * - failedUtmify: paid, its UTMify `paid` delivery failed → sent again;
 * - neverAnnounced: paid, no UTMify delivery at all → planned now;
 * - announced: paid, UTMify said 2xx → nothing to do;
 * - unknown: expired here, the gateway does not know the transaction → reported;
 * - waiting: pending on both sides → nothing to do.
 */
async function shop(skalepay: SkalePayStub, utmify: StubServer) {
  const tenant = await createTenant()
  const { workspace } = tenant
  await CredentialFactory.merge({
    workspaceId: workspace.id,
    service: 'skalepay',
    apiKey: 'sk_test_valid',
    apiUrl: skalepay.apiUrl,
  }).create()
  await CredentialFactory.merge({
    workspaceId: workspace.id,
    service: 'utmify',
    name: 'UTMify',
    apiKey: 'utm-token',
    apiUrl: utmify.url,
  }).create()

  const at = FIVE_HOURS_AGO()
  const make = async (
    name: string,
    ours: 'pending' | 'paid' | 'expired',
    theirs: string | null
  ) => {
    const externalId = `tx_${name}`
    if (theirs) {
      skalepay.transactions.set(externalId, {
        id: externalId,
        status: theirs,
        amount: 19700,
        paidAt: theirs === 'paid' ? at.plus({ minutes: 40 }).toISO() : undefined,
        pix: { qrcode: '000201', expirationDate: at.plus({ days: 1 }).toISO() },
      })
    }
    const payment = await aPayment(workspace, {
      gateway: 'skalepay',
      externalId,
      status: ours,
      pixCode: '000201',
      paidAt: ours === 'paid' ? at.plus({ minutes: 2 }) : null,
      expiresAt:
        ours === 'pending' ? DateTime.now().plus({ minutes: 10 }) : at.plus({ minutes: 30 }),
    })
    await Payment.query().where('id', payment.id).update({ created_at: at.toSQL() })
    if (ours !== 'pending') {
      const transition = await PaymentTransition.create({
        workspaceId: workspace.id,
        paymentId: payment.id,
        fromStatus: 'pending',
        toStatus: ours,
        source: 'poll',
        details: {},
      })
      await PaymentTransition.query()
        .where('id', transition.id)
        .update({ created_at: at.plus({ minutes: 2 }).toSQL(), postbacks_planned_at: at.toSQL() })
    }
    return payment
  }
  const payments = {
    expiredButPaid: await make('expired_paid', 'expired', 'paid'),
    failedUtmify: await make('failed_utmify', 'paid', 'paid'),
    neverAnnounced: await make('never_announced', 'paid', 'paid'),
    announced: await make('announced', 'paid', 'paid'),
    unknown: await make('unknown', 'expired', null),
    waiting: await make('waiting', 'pending', 'waiting_payment'),
  }
  const delivery = (paymentId: number, status: 'failed' | 'succeeded') =>
    PostbackDelivery.create({
      workspaceId: workspace.id,
      target: 'utmify',
      event: 'order.paid',
      paymentId,
      dedupeKey: `utmify:${paymentId}:paid`,
      status,
      request: { body: {} },
      attempts: 1,
      lastError: status === 'failed' ? 'HTTP 500' : null,
    })
  await delivery(payments.failedUtmify.id, 'failed')
  await delivery(payments.announced.id, 'succeeded')
  await PostbackDelivery.query()
    .where('workspace_id', workspace.id)
    .update({ created_at: at.plus({ minutes: 3 }).toSQL() })
  return { ...tenant, payments }
}

function mismatchesOf(workspace: Workspace) {
  return db
    .from('reconciliation_mismatches')
    .where('workspace_id', workspace.id)
    .orderBy('payment_id')
    .orderBy('kind')
    .select('payment_id', 'kind', 'ours', 'theirs', 'action', 'details')
}

test.group('Reconciliation', (group) => {
  freshDatabase(group)
  let skalepay: SkalePayStub
  let utmify: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    skalepay = await SkalePayStub.start()
    utmify = await StubServer.start()
    utmify.on('POST', '/orders', { status: 200, body: { ok: true } })
    return async () => {
      await skalepay.close()
      await utmify.close()
    }
  })

  test('the daily job compares with the gateway and UTMify, acts, and records each mismatch once', async ({
    assert,
  }) => {
    const { workspace, payments } = await shop(skalepay, utmify)
    const other = await shop(skalepay, utmify)

    const results = await ReconcilePayments.handleAll()
    assert.sameDeepMembers(results, [
      { workspaceId: workspace.id, compared: 6, mismatches: 4 },
      { workspaceId: other.workspace.id, compared: 6, mismatches: 4 },
    ])
    const rows = await mismatchesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.payment_id, row.kind, row.ours, row.theirs, row.action]),
      [
        [payments.expiredButPaid.id, 'gateway_status', 'expired', 'paid', 'status_corrected'],
        [payments.failedUtmify.id, 'utmify_unacknowledged', 'paid', 'failed', 'postback_resent'],
        [
          payments.neverAnnounced.id,
          'utmify_unacknowledged',
          'paid',
          'missing',
          'postback_planned',
        ],
        [payments.unknown.id, 'gateway_missing', 'expired', 'not_found', 'none'],
      ]
    )
    assert.equal(rows[0].details.correctedTo, 'paid')

    /** Status corrected through the state machine: paid after expiry, with its transition. */
    const corrected = await Payment.findOrFail(payments.expiredButPaid.id)
    assert.equal(corrected.status, 'paid')
    assert.isTrue(corrected.paidAfterExpiry)
    const transition = await PaymentTransition.query()
      .where('payment_id', corrected.id)
      .where('to_status', 'paid')
      .firstOrFail()
    assert.equal(transition.source, 'reconciliation')

    /** The failed delivery is pending again with a job; the missing one exists now. */
    const resent = await PostbackDelivery.query()
      .where('dedupe_key', `utmify:${payments.failedUtmify.id}:paid`)
      .firstOrFail()
    assert.equal(resent.status, 'pending')
    const planned = await PostbackDelivery.query()
      .where('workspace_id', workspace.id)
      .where('dedupe_key', `utmify:${payments.neverAnnounced.id}:paid`)
      .firstOrFail()
    assert.equal(planned.event, 'order.paid')
    const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed'])
    /** Only who and what: a re-sent row's job also carries its redelivery hint (job registry). */
    const delivered = jobs
      .filter((job) => job.name === 'deliver_postback')
      .map((j) => ({ workspaceId: j.data.workspaceId, deliveryId: j.data.deliveryId }))
    assert.deepInclude(delivered, { workspaceId: workspace.id, deliveryId: Number(resent.id) })
    assert.deepInclude(delivered, { workspaceId: workspace.id, deliveryId: Number(planned.id) })

    /** A second run the same day updates, never duplicates, and keeps the action taken. */
    await ReconcilePayments.handleAll({ workspaceId: workspace.id })
    const again = await mismatchesOf(workspace)
    assert.lengthOf(again, 4)
    assert.deepEqual(
      again.map((row) => row.action),
      rows.map((row) => row.action)
    )
  })

  test('GET /api/reconciliation: figures per day and mismatches of the workspace only; bad dates are 422', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, payments } = await shop(skalepay, utmify)
    const other = await shop(skalepay, utmify)
    await ReconcilePayments.handleAll({ workspaceId: workspace.id })

    const response = await client
      .get(route('api.reconciliation.index'))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(200)
    const report = response.body()
    assert.lengthOf(report.days, 14)
    assert.isTrue(report.utmifyConfigured)
    assert.deepEqual(report.totals, { charges: 6, paid: 4, announced: 1, mismatches: 4 })
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const chargedOn = FIVE_HOURS_AGO().setZone(zone).toISODate()
    const today = DateTime.now().setZone(zone).toISODate()
    const byDay = Object.fromEntries(report.days.map((day: any) => [day.day, day]))
    assert.include(byDay[chargedOn!], { charges: 6, paid: 4, announced: 1 })
    assert.equal(byDay[today!].mismatches, 4)
    assert.sameMembers(
      report.mismatches.map((row: any) => row.payment.id),
      [
        payments.expiredButPaid.id,
        payments.failedUtmify.id,
        payments.neverAnnounced.id,
        payments.unknown.id,
      ]
    )
    const corrected = report.mismatches.find((row: any) => row.kind === 'gateway_status')
    assert.include(corrected.payment, { status: 'paid', paidAfterExpiry: true })

    /** A period filter; the other workspace's token sees its own (nothing reconciled there). */
    const period = await client
      .get(`${route('api.reconciliation.index')}?from=${chargedOn}&to=${chargedOn}`)
      .bearerToken(await apiToken(owner, workspace))
    assert.lengthOf(period.body().days, 1)
    const theirs = await client
      .get(route('api.reconciliation.index'))
      .bearerToken(await apiToken(other.owner, other.workspace))
    assert.deepEqual(theirs.body().totals, { charges: 6, paid: 3, announced: 1, mismatches: 0 })
    assert.lengthOf(theirs.body().mismatches, 0)

    const bad = await client
      .get(route('api.reconciliation.index', {}, { qs: { from: '2026-13-40', to: 'nope' } }))
      .bearerToken(await apiToken(owner, workspace))
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((error: any) => error.field),
      ['from', 'to']
    )
  })

  test("another agency's workspace is a 404, on the API and on the Conciliação page", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await shop(skalepay, utmify)
    const other = await shop(skalepay, utmify)
    await ReconcilePayments.handleAll()

    const api = await client
      .get(route('api.reconciliation.index'))
      .bearerToken(await apiToken(owner, null))
      .header('x-workspace', String(other.workspace.id))
    api.assertStatus(404)

    const foreign = await asInertia(
      client
        .get(route('w.reconciliation.index', { workspaceSlug: other.workspace.slug }))
        .loginAs(owner)
    )
    foreign.assertStatus(404)

    const page = await asInertia(
      client.get(route('w.reconciliation.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    page.assertStatus(200)
    assert.equal(page.body().component, 'reconciliation/index')
    const { report } = page.body().props
    assert.lengthOf(report.mismatches, 4)
    assert.isTrue(
      report.mismatches.every((row: any) => row.payment.id <= 6),
      'only this workspace payments'
    )
    const actions = report.mismatches.map((row: any) => row.action).sort()
    assert.deepEqual(actions, ['none', 'postback_planned', 'postback_resent', 'status_corrected'])
  })
})
