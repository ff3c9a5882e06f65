import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import Workspace from '#models/workspace'
import { exportSource } from '#actions/exports/export_sources'
import { csvStream } from '#services/csv'

const BENCH_SLUG = 'bench-export'

/**
 * `npm run bench:export`: seeds `--rows` payments (1 million by default, with a progress bar)
 * in a bench workspace, then exports them as CSV through the same source and stream as
 * "Exportar CSV" (keyset pages → csv-stringify → a byte-counting sink standing in for the HTTP
 * response), sampling the process's RSS every 20 ms. Prints rows/s and the RSS growth, in all
 * and after the first 10 % of the rows (warm-up: JIT, first pages, the heap's first GCs);
 * PASS when the growth after warm-up stays under `--max-growth-mb` (100 MB): the memory of a
 * streamed export does not depend on its size. Exits 1 on FAIL. `--skip-seed` reuses the rows.
 * Run it with a database of its own: the bench workspace is recreated on every seeding run.
 */
export default class BenchExport extends BaseCommand {
  static commandName = 'bench:export'
  static description = 'Seed a million payments and export them as CSV in constant memory'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Payments to seed and export', default: 1_000_000 })
  declare rows: number

  @flags.number({ description: 'RSS growth allowed during the export, in MB', default: 100 })
  declare maxGrowthMb: number

  @flags.boolean({ description: 'Reuse the payments seeded by a previous run' })
  declare skipSeed: boolean

  @flags.number({ description: "Rows per keyset page (default: the exports' own)" })
  declare batch?: number

  async run() {
    const workspace = this.skipSeed
      ? await Workspace.findByOrFail('slug', BENCH_SLUG)
      : await this.#seed()
    const source = exportSource(workspace, 'payments', {}, { fullCpf: true, batchRows: this.batch })
    const expected = await source.count()

    let bytes = 0
    let lines = 0
    /**
     * The first tenth of the rows warms the process up (JIT, the query's first pages, the
     * heap's first major GCs); from there on a streamed export must not grow any more, however
     * many rows remain — what "constant memory" means, measured over the other 90 %.
     */
    const warmUpRows = Math.ceil(expected / 10)
    let warmRss: number | null = null
    let warmPeak = 0
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length
        for (const byte of chunk) if (byte === 0x0a) lines++
        if (warmRss === null && lines > warmUpRows) warmRss = process.memoryUsage().rss
        callback()
      },
    })

    /** The heap of the seeding is collected first when node was started with --expose-gc. */
    ;(globalThis as { gc?: () => void }).gc?.()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    let heapPeak = process.memoryUsage().heapUsed
    const sampler = setInterval(() => {
      const usage = process.memoryUsage()
      peak = Math.max(peak, usage.rss)
      if (warmRss !== null) warmPeak = Math.max(warmPeak, usage.rss)
      heapPeak = Math.max(heapPeak, usage.heapUsed)
    }, 20)
    const started = performance.now()
    await pipeline(csvStream(source.header, source.batches()), sink)
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    warmPeak = Math.max(warmPeak, process.memoryUsage().rss)

    /** Header + one line per payment (a line break inside a quoted value would add one). */
    const exported = lines - 1
    const growthMb = (peak - baseline) / 1024 / 1024
    const steadyGrowthMb = (warmPeak - (warmRss ?? baseline)) / 1024 / 1024
    const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`
    const table = this.ui.table()
    table.head([
      'rows',
      'seconds',
      'rows/s',
      'CSV size',
      'RSS before',
      'RSS peak',
      'growth',
      'growth after 10 %',
      'heap peak',
    ])
    table.row([
      exported.toLocaleString('pt-BR'),
      seconds.toFixed(1),
      Math.round(exported / seconds).toLocaleString('pt-BR'),
      mb(bytes),
      mb(baseline),
      mb(peak),
      `${growthMb.toFixed(1)} MB`,
      `${steadyGrowthMb.toFixed(1)} MB`,
      mb(heapPeak),
    ])
    table.render()

    const complete = exported === expected
    const constant = steadyGrowthMb < this.maxGrowthMb
    if (complete && constant) {
      this.logger.success(
        `PASS: ${exported.toLocaleString('pt-BR')} rows; RSS grew ${steadyGrowthMb.toFixed(1)} MB over the last 90 % of the rows (< ${this.maxGrowthMb} MB), ${growthMb.toFixed(1)} MB in all`
      )
      return
    }
    if (!complete) this.logger.error(`FAIL: exported ${exported} rows, expected ${expected}`)
    if (!constant) {
      this.logger.error(
        `FAIL: RSS grew ${steadyGrowthMb.toFixed(1)} MB over the last 90 % of the rows (limit ${this.maxGrowthMb} MB)`
      )
    }
    this.exitCode = 1
  }

  /**
   * The bench workspace with `--rows` payments: created once, then topped up (deleting a
   * million payments is slow: each one checks the upsell self-reference), in chunks of 100,000.
   */
  async #seed() {
    const agency =
      (await Agency.findBy('slug', 'bench')) ??
      (await Agency.create({ name: 'Bench', slug: 'bench' }))
    const workspace =
      (await Workspace.findBy('slug', BENCH_SLUG)) ??
      (await Workspace.create({
        agencyId: agency.id,
        name: 'Bench export',
        slug: BENCH_SLUG,
        timezone: 'America/Sao_Paulo',
        settings: {},
        webhookToken: randomBytes(24).toString('base64url'),
      }))
    const [{ total }] = await workspace.related('payments').query().count('* as total').pojo<{
      total: string
    }>()
    const existing = Number(total)
    const chunk = 100_000
    const started = performance.now()
    for (let from = existing + 1; from <= this.rows; from += chunk) {
      const to = Math.min(this.rows, from + chunk - 1)
      await db.rawQuery(
        `INSERT INTO payments (workspace_id, public_token, gateway, amount_cents, status, items,
           customer_data, attribution, created_at, paid_at)
         SELECT :ws, 'bench-export-' || :ws || '-' || g, 'sandbox', 990 + g % 50000,
           (ARRAY['paid','pending','expired','refunded'])[1 + g % 4],
           jsonb_build_array(jsonb_build_object('kind','product','name','Curso ' || g % 7,
             'priceCents', 990 + g % 50000, 'quantity', 1)),
           jsonb_build_object('name', 'Comprador; "' || g || '"', 'email', 'c' || g || '@exemplo.com',
             'phone', '119' || lpad((g % 100000000)::text, 8, '0'), 'cpf', lpad(g::text, 11, '0')),
           jsonb_build_object('utm_source', 'facebook', 'utm_campaign', 'bf-' || g % 10),
           now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
         FROM generate_series(:from::int, :to::int) g`,
        { ws: workspace.id, from, to }
      )
      const ratio = to / this.rows
      const filled = Math.round(ratio * 30)
      const rate = to / ((performance.now() - started) / 1000 || 1)
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(ratio * 100).toFixed(1)}% ` +
          `${to.toLocaleString('pt-BR')} / ${this.rows.toLocaleString('pt-BR')} payments ` +
          `(${Math.round(rate).toLocaleString('pt-BR')}/s)   `
      )
    }
    process.stderr.write('\n')
    await db.rawQuery('ANALYZE payments')
    return workspace
  }
}
