import { test } from '@japa/runner'
import { Worker } from 'bullmq'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import DataExport from '#models/data_export'
import RunExport, { exportJobSettings } from '#actions/exports/run_export'
import { exportLimits } from '#actions/exports/export_sources'
import { processJob } from '#workers/processors'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { waitUntil } from '#tests/helpers/wait_until'
import { asInertia } from '#tests/helpers/inertia'
import { aPayment, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { deliveryLog } from '#tests/functional/deliveries/fixtures'
import { route } from '#tests/helpers/routes'

const BOM = '\uFEFF'

/** The CSV's records (CRLF between records; a quoted value may hold a bare LF). */
function records(text: string) {
  return text.replace(/\r\n$/, '').split('\r\n')
}

/** A tricky buyer: `;`, quotes and a line break in the name, a formula in the e-mail. */
const TRICKY = {
  name: 'Silva; "Zé"\nJúnior',
  email: '=HYPERLINK("http://x")',
  phone: '11912345678',
  cpf: '52998224725',
}

test.group('CSV exports: streamed in the request', (group) => {
  freshDatabase(group)
  group.each.setup(() => {
    exportLimits.syncMaxRows = 20_000
  })

  test('payments: BOM, `;`, decimal comma, escaping, filters and only this workspace', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await sellingFunnel(workspace)
    await aPayment(workspace, {
      status: 'paid',
      amountCents: 123456,
      funnelId: funnel.id,
      customerData: TRICKY,
    })
    await aPayment(workspace, { status: 'pending', amountCents: 500, funnelId: funnel.id })
    await aPayment((await createTenant()).workspace, {
      status: 'paid',
      amountCents: 99999,
      customerData: { name: 'Outro Workspace', email: 'outro@exemplo.com' },
    })

    const response = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'payments' },
          { qs: { status: 'paid' } }
        )
      )
      .loginAs(owner)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv; charset=utf-8/)
    assert.match(
      response.header('content-disposition') ?? '',
      /attachment; filename=".*pagamentos.*\.csv"/
    )
    const text = response.text()
    assert.isTrue(text.startsWith(BOM), 'UTF-8 BOM for Excel')
    const [header, ...rows] = records(text.slice(1))
    assert.equal(header.split(';')[0], 'ID')
    assert.include(header, 'Valor (R$);Moeda')
    assert.lengthOf(rows, 1, 'the status filter applies; the other workspace is absent')
    const row = rows[0]
    assert.include(row, ';1234,56;BRL;', 'money with a decimal comma')
    assert.include(row, ';"Silva; ""Zé""\nJúnior";', '; quotes and line break escaped')
    assert.include(row, `;"'=HYPERLINK(""http://x"")";`, 'a formula is neutralised')
    assert.include(row, ';(11) 91234-5678;529.982.247-25;', 'owners see the whole CPF')
    assert.include(row, `;${funnel.name};`)
    assert.notInclude(text, 'Outro Workspace')
  })

  test('an editor gets the CPF masked as the admin shows it', async ({ client, assert }) => {
    const { workspace } = await createTenant()
    await aPayment(workspace, { status: 'paid', customerData: TRICKY })
    const editor = await workspaceMember(workspace, 'editor')
    const text = (
      await client
        .get(route('w.exports.csv', { workspaceSlug: workspace.slug, kind: 'payments' }))
        .loginAs(editor)
    ).text()
    assert.include(text, '***.982.247-**')
    assert.notInclude(text, '52998224725')
    assert.notInclude(text, '529.982.247-25')
  })

  test('leads, visitors and deliveries with their list filters', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    await VisitorFactory.merge({
      workspaceId: workspace.id,
      isOnline: false,
      lead: { name: 'Lead Capturado', email: 'lead@exemplo.com', phone: '11987654321' },
      utmSource: 'facebook',
    }).create()
    await VisitorFactory.merge({ workspaceId: workspace.id, isOnline: true, lead: {} }).create()
    await deliveryLog(workspace)

    const leads = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'leads' },
          { qs: { status: 'all' } }
        )
      )
      .loginAs(owner)
    const leadRows = records(leads.text().slice(1))
    assert.lengthOf(leadRows, 2, 'header + the one visitor who filled a form')
    assert.include(leadRows[1], 'Lead Capturado;lead@exemplo.com;(11) 98765-4321')

    const online = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'visitors' },
          { qs: { status: 'online' } }
        )
      )
      .loginAs(owner)
    assert.lengthOf(records(online.text().slice(1)), 2, 'header + the online visitor')
    const all = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'visitors' },
          { qs: { status: 'all' } }
        )
      )
      .loginAs(owner)
    assert.lengthOf(records(all.text().slice(1)), 3)

    const dead = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'deliveries' },
          { qs: { status: 'dead', from: '2026-01-11', to: '2026-01-12' } }
        )
      )
      .loginAs(owner)
    const deadRows = records(dead.text().slice(1))
    assert.lengthOf(deadRows, 3, 'header + rows 3 and 4 of the fixture')
    assert.include(deadRows.join('\n'), 'Webhook “CRM”')
    assert.include(deadRows.join('\n'), 'Falha definitiva')
  })

  test('bad filters are a 422 with the field, an unknown kind a 404', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const bad = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'payments' },
          { qs: { status: 'nope' } }
        )
      )
      .header('accept', 'application/json')
      .loginAs(owner)
    bad.assertStatus(422)
    const unknown = await client.get(`/w/${workspace.slug}/exports/csv/users`).loginAs(owner)
    unknown.assertStatus(404)
  })

  test("another workspace's export route is a 404", async ({ client }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    const response = await client
      .get(route('w.exports.csv', { workspaceSlug: other.workspace.slug, kind: 'payments' }))
      .loginAs(owner)
    response.assertStatus(404)
  })
})

test.group('CSV exports: large ones run as a job', (group) => {
  freshDatabase(group)
  let worker: Worker | undefined
  group.each.setup(async () => {
    await emptyQueues()
    exportLimits.syncMaxRows = 2
    exportJobSettings.progressEveryMs = 500
    exportJobSettings.batchRows = undefined
    return async () => {
      exportLimits.syncMaxRows = 20_000
      exportJobSettings.progressEveryMs = 500
      exportJobSettings.batchRows = undefined
      await worker?.close()
      worker = undefined
    }
  })

  test('above the limit: offer, job, progress, download; others get 404', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    for (let i = 0; i < 4; i++) {
      await aPayment(workspace, { status: 'paid', amountCents: 1000 + i })
    }
    await aPayment(workspace, { status: 'pending', amountCents: 777 })

    /** The list's link: too many rows for the request, so the exports page offers a job. */
    const link = await client
      .get(
        route(
          'w.exports.csv',
          { workspaceSlug: workspace.slug, kind: 'payments' },
          { qs: { status: 'paid' } }
        )
      )
      .redirects(0)
      .loginAs(owner)
    link.assertStatus(303)
    assert.equal(
      link.header('location'),
      route(
        'w.exports.index',
        { workspaceSlug: workspace.slug },
        { qs: { status: 'paid', kind: 'payments' } }
      )
    )

    const created = await client
      .post(route('w.exports.store', { workspaceSlug: workspace.slug }))
      .form({ kind: 'payments', status: 'paid' })
      .redirects(0)
      .withCsrfToken()
      .loginAs(owner)
    created.assertStatus(303)
    const dataExport = await DataExport.forWorkspace(workspace).firstOrFail()
    assert.equal(dataExport.status, 'queued')
    assert.deepEqual(dataExport.filters, { status: 'paid' })

    /** A real BullMQ worker on the exports queue, in this process. */
    const manager = await import('@adonisjs/core/services/app').then((m) =>
      m.default.container.make('queue')
    )
    worker = new Worker('exports', (job, token) => processJob('exports', job, token), {
      connection: manager.workerConnectionOptions(),
      prefix: manager.prefix,
    })
    const status = () =>
      client
        .get(route('w.exports.show', { workspaceSlug: workspace.slug, id: dataExport.id }))
        .loginAs(owner)
    await waitUntil(async () => (await status()).body().status === 'done', {
      timeoutMs: 15_000,
      message: 'export done',
    })
    const done = (await status()).body()
    assert.equal(done.totalRows, 4)
    assert.equal(done.processedRows, 4)
    assert.equal(done.percent, 100)
    assert.equal(
      done.downloadUrl,
      route('w.exports.download', { workspaceSlug: workspace.slug, id: dataExport.id })
    )

    const file = await client.get(done.downloadUrl).loginAs(owner)
    file.assertStatus(200)
    assert.match(file.header('content-disposition') ?? '', /attachment/)
    const text = file.text()
    assert.isTrue(text.startsWith(BOM))
    assert.lengthOf(records(text.slice(1)), 5, 'header + the 4 paid payments (filter kept)')
    assert.notInclude(text, '7,77')

    /** Another workspace (its own owner, its own slug) and another member: 404. */
    const other = await createTenant()
    const foreign = await client
      .get(route('w.exports.download', { workspaceSlug: other.workspace.slug, id: dataExport.id }))
      .loginAs(other.owner)
    foreign.assertStatus(404)
    const foreignStatus = await client
      .get(route('w.exports.show', { workspaceSlug: other.workspace.slug, id: dataExport.id }))
      .loginAs(other.owner)
    foreignStatus.assertStatus(404)
    const colleague = await workspaceMember(workspace, 'admin')
    const notTheirs = await client.get(done.downloadUrl).loginAs(colleague)
    notTheirs.assertStatus(404)

    /** The exports page lists it with its link. */
    const page = await asInertia(
      client.get(route('w.exports.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    assert.equal(page.body().component, 'exports/index')
    assert.equal(page.body().props.exports[0].downloadUrl, done.downloadUrl)

    /** Past its expiry the link answers 410 and the file is purged with the next export. */
    await DataExport.forWorkspace(workspace)
      .where('id', dataExport.id)
      .update({ expires_at: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    const expired = await client.get(done.downloadUrl).loginAs(owner)
    expired.assertStatus(410)
  })

  test('the progress bar moves while the file is written', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    await db.table('payments').multiInsert(
      Array.from({ length: 120 }, (_, i) => ({
        workspace_id: workspace.id,
        public_token: `tok-progress-${i}`,
        gateway: 'sandbox',
        amount_cents: 100 + i,
        status: 'paid',
        customer_data: JSON.stringify({ name: `Comprador ${i}` }),
      }))
    )
    const dataExport = await DataExport.create({
      workspaceId: workspace.id,
      userId: owner.id,
      kind: 'payments',
      filters: {},
      fullCpf: true,
      status: 'queued',
      processedRows: 0,
    })
    exportJobSettings.progressEveryMs = 0
    exportJobSettings.batchRows = 1
    const seen = new Set<number>()
    let running = true
    const watch = (async () => {
      while (running) {
        const row = await DataExport.forWorkspace(workspace).where('id', dataExport.id).first()
        if (row) seen.add(row.processedRows)
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await RunExport.handle({ workspaceId: workspace.id, exportId: Number(dataExport.id) })
    running = false
    await watch
    const intermediate = [...seen].filter((n) => n > 0 && n < 120)
    assert.isAbove(intermediate.length, 0, `progress seen: ${[...seen].sort((a, b) => a - b)}`)
    await dataExport.refresh()
    assert.equal(dataExport.status, 'done')
    assert.equal(dataExport.processedRows, 120)
  })
})
