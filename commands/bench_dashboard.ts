import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import Workspace from '#models/workspace'
import RollupAnalytics from '#actions/analytics/rollup_analytics'
import GetDashboard from '#actions/analytics/get_dashboard'

const STEPS = ['captura', 'vsl', 'checkout', 'obrigado'] as const
const SOURCES = ['facebook', 'instagram', 'google', 'tiktok', null]
const CAMPAIGNS = ['bf', 'lancamento', 'remarketing', null]

/**
 * `npm run bench:dashboard`: seeds `--events` visitor events (10 million by default) over the
 * last 30 days across `--workspaces` bench workspaces (with a progress bar), builds the daily
 * rollups, then times the dashboard's numbers (GetDashboard, the action behind
 * `GET /api/analytics/dashboard`) for random 30-day ranges and prints p50 / p95.
 * Run it with a database of its own: the bench workspaces are recreated on every run.
 */
export default class BenchDashboard extends BaseCommand {
  static commandName = 'bench:dashboard'
  static description = 'Seed millions of visitor events and time the dashboard for 30-day ranges'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Visitor events to seed', default: 10_000_000 })
  declare events: number

  @flags.number({ description: 'Bench workspaces', default: 20 })
  declare workspaces: number

  @flags.number({ description: 'Timed dashboard requests', default: 200 })
  declare requests: number

  async run() {
    const workspaces = await this.#seedTenants()
    await this.#seedEvents(workspaces)
    /** Fresh tables have no statistics yet; the planner needs them for the rollup joins. */
    await db.rawQuery('ANALYZE visitors, visitor_events')
    const rollupStart = performance.now()
    for (const workspace of workspaces) {
      await RollupAnalytics.handle({ days: 31, workspaceId: workspace.id })
    }
    this.logger.info(`rollups built in ${Math.round(performance.now() - rollupStart)} ms`)

    const timings: number[] = []
    for (let i = 0; i < this.requests; i++) {
      const workspace = workspaces[i % workspaces.length]
      const zone = workspace.timezone
      const to = DateTime.now()
        .setZone(zone)
        .minus({ days: Math.floor(Math.random() * 3) })
      const from = to.minus({ days: 29 })
      const started = performance.now()
      await GetDashboard.handle({
        workspace,
        from: from.toISODate()!,
        to: to.toISODate()!,
        funnelId: i % 2 === 0 ? workspace.$extras.funnelId : undefined,
      })
      timings.push(performance.now() - started)
    }
    timings.sort((a, b) => a - b)
    const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]
    this.logger.success(
      `dashboard, 30-day ranges, ${this.events.toLocaleString('pt-BR')} events: ` +
        `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${timings.length} requests)`
    )
  }

  /** Bench workspaces, each with a four-step funnel (recreated on every run). */
  async #seedTenants() {
    await Workspace.query().whereLike('slug', 'bench-dash-%').delete()
    const agency =
      (await Agency.findBy('slug', 'bench')) ??
      (await Agency.create({ name: 'Bench', slug: 'bench' }))
    const workspaces: Workspace[] = []
    for (let n = 1; n <= this.workspaces; n++) {
      const workspace = await Workspace.create({
        agencyId: agency.id,
        name: `Bench dashboard ${n}`,
        slug: `bench-dash-${n}`,
        timezone: 'America/Sao_Paulo',
        settings: {},
        webhookToken: randomBytes(24).toString('base64url'),
      })
      const funnel = await workspace.related('funnels').create({
        name: 'Bench',
        slug: 'bench-funnel',
        isActive: true,
        settings: {},
      })
      for (const [orderIndex, slug] of STEPS.entries()) {
        await funnel.related('steps').create({
          workspaceId: workspace.id,
          name: slug,
          slug,
          stepType: slug === 'checkout' ? 'checkout' : 'capture',
          orderIndex,
          isActive: true,
          settings: {},
          content: {},
        })
      }
      workspace.$extras.funnelId = funnel.id
      workspaces.push(workspace)
    }
    return workspaces
  }

  /**
   * Visitors (one per ten events) then events in chunks of generate_series inserts, spread
   * over the last 30 days, deeper steps rarer, with a progress bar on stderr.
   */
  async #seedEvents(workspaces: Workspace[]) {
    const perWorkspace = Math.ceil(this.events / workspaces.length)
    const chunk = 200_000
    let done = 0
    const started = performance.now()
    const bar = () => {
      const ratio = Math.min(1, done / this.events)
      const width = 30
      const filled = Math.round(ratio * width)
      const rate = done / ((performance.now() - started) / 1000 || 1)
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}% ` +
          `${done.toLocaleString('pt-BR')} / ${this.events.toLocaleString('pt-BR')} events ` +
          `(${Math.round(rate).toLocaleString('pt-BR')}/s)   `
      )
    }
    for (const workspace of workspaces) {
      const funnelId = workspace.$extras.funnelId as number
      const steps = (
        await db.from('funnel_steps').where('funnel_id', funnelId).orderBy('order_index')
      ).map((s) => s.id as number)
      const visitors = Math.max(1, Math.ceil(perWorkspace / 10))
      await db.rawQuery(
        `INSERT INTO visitors (workspace_id, session_id, funnel_id, current_step_id, utm_source,
           utm_campaign, is_online, first_visit, last_activity, lead)
         SELECT :ws, 'bench-' || g, :funnel, :step, (:sources::text[])[1 + g % 5],
           (:campaigns::text[])[1 + g % 4], false, now() - interval '30 days', now(), '{}'
         FROM generate_series(1, :n) g`,
        {
          ws: workspace.id,
          funnel: funnelId,
          step: steps[0],
          n: visitors,
          sources: `{${SOURCES.map((s) => s ?? 'NULL').join(',')}}`,
          campaigns: `{${CAMPAIGNS.map((s) => s ?? 'NULL').join(',')}}`,
        }
      )
      const range = await db
        .from('visitors')
        .where('workspace_id', workspace.id)
        .min('id as min')
        .max('id as max')
        .first()
      for (let left = perWorkspace; left > 0 && done < this.events; left -= chunk) {
        const n = Math.min(chunk, left, this.events - done)
        /** Seeding only: skip the per-row foreign-key triggers (the ids are valid by construction). */
        await db.transaction(async (trx) => {
          await trx.rawQuery('SET LOCAL session_replication_role = replica')
          await trx.rawQuery(
            `INSERT INTO visitor_events (workspace_id, visitor_id, funnel_id, step_id, event_type,
             event_id, event_data, created_at)
           SELECT :ws, :min::int + (random() * (:max::int - :min::int))::int, :funnel,
             (:steps::int[])[1 + floor(power(random(), 2) * 4)::int],
             (ARRAY['page_view', 'page_view', 'heartbeat', 'heartbeat', 'form_submit', 'checkout_view'])[1 + floor(random() * 6)::int],
             gen_random_uuid(), '{}', now() - random() * interval '30 days'
           FROM generate_series(1, :n)`,
            {
              ws: workspace.id,
              min: Number(range!.min),
              max: Number(range!.max),
              funnel: funnelId,
              steps: `{${steps.join(',')}}`,
              n,
            }
          )
        })
        done += n
        bar()
      }
    }
    process.stderr.write('\n')
    this.logger.info(
      `seeded ${done.toLocaleString('pt-BR')} events in ${Math.round((performance.now() - started) / 1000)} s`
    )
  }
}
