import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import User from '#models/user'
import Workspace from '#models/workspace'
import WorkspaceMember from '#models/workspace_member'
import RollupAnalytics from '#actions/analytics/rollup_analytics'
import GetDashboard from '#actions/analytics/get_dashboard'
import IssueApiToken from '#actions/auth/issue_api_token'
import MaintainEventPartitions from '#actions/maintenance/maintain_event_partitions'

const STEPS = ['captura', 'vsl', 'checkout', 'obrigado'] as const
const SOURCES = ['facebook', 'instagram', 'google', 'tiktok', null]
const CAMPAIGNS = ['bf', 'lancamento', 'remarketing', null]
const BENCH_EMAIL = 'bench-dashboard@funil.local'
/** Issue 7's target for the dashboard API over 30-day ranges. */
const TARGET_P95_MS = 200
/** Issue 19's P6: p99 at 10 concurrent connections. */
const TARGET_CONCURRENT_P99_MS = 200

interface Range {
  workspace: Workspace
  from: string
  to: string
  funnelId?: number
}

interface Row {
  name: string
  requests: number
  rps?: number
  p50: number
  p95?: number
  p975?: number
  p99?: number
  max: number
  errors: number
}

type Dashboard = Awaited<ReturnType<typeof GetDashboard.handle>>

/**
 * `npm run bench:dashboard`: seeds `--events` visitor events (10 million by default) over the
 * last 30 days across `--workspaces` bench workspaces (with a progress bar), builds the daily
 * rollups over the whole seeded period, then times the dashboard for random 30-day ranges (half
 * of them filtered by a funnel): the action GetDashboard in-process, then
 * `GET /api/analytics/dashboard` over HTTP against the app started as its own production process
 * (sequential requests for p50 / p95 / max, then autocannon for req/s and tail latency), and
 * prints PASS / FAIL against the p95 target. `--skip-seed` reuses the data already seeded.
 * Run it with a database of its own: the bench workspaces are recreated on every seeding run.
 */
export default class BenchDashboard extends BaseCommand {
  static commandName = 'bench:dashboard'
  static description =
    'Seed millions of visitor events and time the dashboard API for 30-day ranges'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Visitor events to seed', default: 10_000_000 })
  declare events: number

  @flags.number({ description: 'Bench workspaces', default: 20 })
  declare workspaces: number

  @flags.number({ description: 'Timed sequential dashboard requests', default: 300 })
  declare requests: number

  @flags.number({ description: 'Concurrent connections of the autocannon run', default: 10 })
  declare connections: number

  @flags.number({ description: 'Seconds of the autocannon run', default: 10 })
  declare duration: number

  @flags.boolean({ description: 'Reuse the events already seeded (only time the dashboard)' })
  declare skipSeed: boolean

  #server?: ChildProcess

  async run() {
    let workspaces: Workspace[]
    let seedSeconds: number | null = null
    if (this.skipSeed) {
      workspaces = await this.#benchWorkspaces()
    } else {
      const started = performance.now()
      workspaces = await this.#seedTenants()
      await this.#seedEvents(workspaces)
      seedSeconds = (performance.now() - started) / 1000
      /** Past months' rows went to the DEFAULT partition: into their month tables, as the job does. */
      const { created, moved } = await MaintainEventPartitions.handle()
      this.logger.info(
        `month tables: ${created.length} created, ${moved} rows moved out of DEFAULT`
      )
    }
    /** Fresh tables have no statistics yet; the planner needs them for the rollup joins. */
    await db.rawQuery('ANALYZE visitors, visitor_events, analytics_daily')

    const period = await this.#seededPeriod(workspaces)
    this.logger.info(
      `${period.events.toLocaleString('pt-BR')} events from ${period.first.toISODate()} to ` +
        `${period.last.toISODate()} across ${workspaces.length} workspaces`
    )
    let rollupSeconds: number | null = null
    if (!this.skipSeed || !(await this.#rollupsCover(workspaces, period))) {
      const started = performance.now()
      const days = Math.round(period.today.diff(period.first, 'days').days) + 1
      for (const workspace of workspaces) {
        await RollupAnalytics.handle({ days, workspaceId: workspace.id })
      }
      rollupSeconds = (performance.now() - started) / 1000
      await db.rawQuery('ANALYZE analytics_daily')
      if (!(await this.#rollupsCover(workspaces, period))) {
        throw new Error('the rollups do not cover the seeded period')
      }
    }
    this.logger.info(
      rollupSeconds === null
        ? 'rollups already cover the seeded period (not rebuilt)'
        : `rollups built in ${rollupSeconds.toFixed(1)} s`
    )

    const ranges = Array.from({ length: this.requests }, (_, i) =>
      this.#range(workspaces, period.last, i % 2 === 0)
    )
    const rows: Row[] = [await this.#inProcess(ranges)]

    const user = await this.#benchUser(workspaces)
    const port = await this.#freePort()
    this.#server = await this.#startServer(port)
    try {
      const tokens = await this.#issueTokens(user, workspaces)
      await this.#checkAnswers(port, tokens, ranges.slice(0, 2))
      rows.push(await this.#sequential(port, tokens, ranges))
      rows.push(await this.#concurrent(port, tokens, workspaces, period.last))
    } finally {
      await this.#stopServer()
    }

    this.#report(rows, { events: period.events, seedSeconds, rollupSeconds })
  }

  /** The bench workspaces of an earlier run, for `--skip-seed`; fails when none has events. */
  async #benchWorkspaces() {
    const workspaces = await Workspace.query().whereLike('slug', 'bench-dash-%').orderBy('id')
    for (const workspace of workspaces) {
      const funnel = await workspace
        .related('funnels')
        .query()
        .where('slug', 'bench-funnel')
        .firstOrFail()
      workspace.$extras.funnelId = funnel.id
    }
    const seeded =
      workspaces.length > 0 &&
      (await db.from('visitor_events').where('workspace_id', workspaces[0].id).first())
    if (!seeded) {
      throw new Error('--skip-seed: no seeded bench workspace here; run once without --skip-seed')
    }
    return workspaces
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

  /** How many events the bench workspaces hold and their first / last local day. */
  async #seededPeriod(workspaces: Workspace[]) {
    const zone = workspaces[0].timezone || 'America/Sao_Paulo'
    const stats = await db
      .from('visitor_events')
      .whereIn(
        'workspace_id',
        workspaces.map((w) => w.id)
      )
      .count('* as events')
      .min('created_at as first')
      .max('created_at as last')
      .first()
    const events = Number(stats?.events ?? 0)
    if (events === 0) throw new Error('the bench workspaces have no visitor events')
    const day = (value: Date) => DateTime.fromJSDate(value).setZone(zone).startOf('day')
    return {
      events,
      first: day(stats!.first),
      last: day(stats!.last),
      today: DateTime.now().setZone(zone).startOf('day'),
    }
  }

  /**
   * Whether every bench workspace has a rollup row for each closed day of the seeded period
   * (every day has events at this volume), so no range reads a hole.
   */
  async #rollupsCover(
    workspaces: Workspace[],
    period: { first: DateTime; last: DateTime; today: DateTime }
  ) {
    const end = DateTime.min(period.last.plus({ days: 1 }), period.today)
    const expected = Math.round(end.diff(period.first, 'days').days)
    const rows = await db
      .from('analytics_daily')
      .whereIn(
        'workspace_id',
        workspaces.map((w) => w.id)
      )
      .where('step_id', 0)
      .where('day', '>=', period.first.toISODate()!)
      .where('day', '<', end.toISODate()!)
      .groupBy('workspace_id')
      .select('workspace_id')
      .countDistinct('day as days')
    const covered = rows.filter((row) => Number(row.days) === expected).length
    return covered === workspaces.length
  }

  /** A random 30-day range ending on one of the last three seeded days. */
  #range(workspaces: Workspace[], lastDay: DateTime, withFunnel: boolean): Range {
    const workspace = workspaces[Math.floor(Math.random() * workspaces.length)]
    const to = lastDay.minus({ days: Math.floor(Math.random() * 3) })
    return {
      workspace,
      from: to.minus({ days: 29 }).toISODate()!,
      to: to.toISODate()!,
      funnelId: withFunnel ? (workspace.$extras.funnelId as number) : undefined,
    }
  }

  #path(range: Range) {
    const query = new URLSearchParams({ from: range.from, to: range.to })
    if (range.funnelId) query.set('funnelId', String(range.funnelId))
    return `/api/analytics/dashboard?${query}`
  }

  /** GetDashboard called directly: the floor the HTTP figures are compared to. */
  async #inProcess(ranges: Range[]): Promise<Row> {
    const timings: number[] = []
    for (const range of ranges) {
      const started = performance.now()
      await GetDashboard.handle(range)
      timings.push(performance.now() - started)
    }
    return this.#row('GetDashboard in-process (sequential)', timings)
  }

  /** A client login of all the bench workspaces (role viewer: the dashboard only reads). */
  async #benchUser(workspaces: Workspace[]) {
    const user = await User.firstOrCreate(
      { email: BENCH_EMAIL },
      { name: 'Bench dashboard', password: randomBytes(24).toString('base64url') }
    )
    for (const workspace of workspaces) {
      await WorkspaceMember.firstOrCreate(
        { workspaceId: workspace.id, userId: user.id },
        { role: 'viewer' }
      )
    }
    return user
  }

  /** One API token per bench workspace (the earlier runs' tokens are dropped). */
  async #issueTokens(user: User, workspaces: Workspace[]) {
    await db.from('auth_access_tokens').where('tokenable_id', user.id).delete()
    const tokens = new Map<number, string>()
    for (const workspace of workspaces) {
      const token = await IssueApiToken.handle({ user, workspace, name: 'bench:dashboard' })
      tokens.set(workspace.id, token.value!.release())
    }
    return tokens
  }

  /**
   * The API answers 200 with the same numbers as the action, and they are not zero: a fast
   * 401 / 404 or an empty dashboard would make the timings meaningless.
   */
  async #checkAnswers(port: number, tokens: Map<number, string>, ranges: Range[]) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      for (const range of ranges) {
        const response = await this.#get(agent, port, range, tokens)
        const label = `GET ${this.#path(range)} (workspace ${range.workspace.slug})`
        if (response.status !== 200) {
          throw new Error(`${label} answered ${response.status}: ${response.body.slice(0, 300)}`)
        }
        const body = JSON.parse(response.body) as Dashboard
        const expected = await GetDashboard.handle(range)
        if (body.kpis.visitors === 0 || !body.series.some((day) => day.visitors > 0)) {
          throw new Error(`${label} answered an empty dashboard: ${response.body.slice(0, 300)}`)
        }
        if (range.funnelId && !(body.steps?.length === STEPS.length && body.steps[0].visitors)) {
          throw new Error(`${label} answered no step conversion: ${JSON.stringify(body.steps)}`)
        }
        if (JSON.stringify(body.kpis) !== JSON.stringify(expected.kpis)) {
          throw new Error(
            `${label} disagrees with GetDashboard: ${JSON.stringify(body.kpis)} vs ` +
              JSON.stringify(expected.kpis)
          )
        }
        this.logger.info(
          `${label}: 200, ${body.kpis.visitors.toLocaleString('pt-BR')} visitors, ` +
            `${body.kpis.leads.toLocaleString('pt-BR')} leads`
        )
      }
    } finally {
      agent.destroy()
    }
  }

  /** One request at a time over a keep-alive connection: the latency a dashboard user sees. */
  async #sequential(port: number, tokens: Map<number, string>, ranges: Range[]): Promise<Row> {
    this.logger.info(`HTTP sequential: ${ranges.length} requests`)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const timings: number[] = []
    try {
      for (const range of ranges) {
        const started = performance.now()
        const response = await this.#get(agent, port, range, tokens)
        timings.push(performance.now() - started)
        if (response.status !== 200) {
          throw new Error(`GET ${this.#path(range)} answered ${response.status}`)
        }
      }
    } finally {
      agent.destroy()
    }
    return this.#row('GET /api/analytics/dashboard (sequential)', timings)
  }

  /** Autocannon, each request a random workspace and range, every other one with the funnel. */
  async #concurrent(
    port: number,
    tokens: Map<number, string>,
    workspaces: Workspace[],
    lastDay: DateTime
  ): Promise<Row> {
    this.logger.info(`HTTP concurrent: ${this.connections} connections, ${this.duration} s`)
    let sent = 0
    let instance!: autocannon.Instance
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: `http://127.0.0.1:${port}/api/analytics/dashboard`,
          connections: this.connections,
          duration: this.duration,
          requests: [
            {
              setupRequest: (request: any) => {
                const range = this.#range(workspaces, lastDay, sent++ % 2 === 0)
                return {
                  ...request,
                  method: 'GET',
                  path: this.#path(range),
                  headers: {
                    ...request.headers,
                    accept: 'application/json',
                    authorization: `Bearer ${tokens.get(range.workspace.id)}`,
                  },
                }
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result))
      )
    })
    autocannon.track(instance, {
      renderProgressBar: true,
      renderResultsTable: false,
      renderLatencyTable: false,
    })
    const result = await finished
    /** Autocannon stops with requests still in flight: let them finish before the server stops. */
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const errors = result.errors + result.timeouts + result.non2xx
    if (result.requests.total === 0 || errors > 0) {
      throw new Error(
        `autocannon: ${result.requests.total} requests, ${result.non2xx} non-2xx, ` +
          `${result.errors} errors, ${result.timeouts} timeouts`
      )
    }
    return {
      name: `GET /api/analytics/dashboard (${this.connections} connections)`,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p975: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      errors,
    }
  }

  #row(name: string, timings: number[]): Row {
    const sorted = [...timings].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
    return {
      name,
      requests: sorted.length,
      p50: at(0.5),
      p95: at(0.95),
      max: sorted[sorted.length - 1],
      errors: 0,
    }
  }

  /** The dashboard for a range, with the token of the range's workspace. */
  #get(agent: http.Agent, port: number, range: Range, tokens: Map<number, string>) {
    return this.#fetch(port, this.#path(range), { agent, token: tokens.get(range.workspace.id) })
  }

  /** A port nobody listens on, so the readiness check cannot be answered by another server. */
  #freePort() {
    return new Promise<number>((resolve, reject) => {
      const probe = net.createServer()
      probe.on('error', reject)
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo
        probe.close(() => resolve(port))
      })
    })
  }

  /** The app as its own production process, so client and server do not share a core's event loop. */
  async #startServer(port: number) {
    const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: this.app.makePath(),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    let exited = false
    child.once('exit', () => (exited = true))
    for (let attempt = 0; attempt < 100 && !exited; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      try {
        const health = await this.#fetch(port, '/health/live')
        if (health.status === 200) {
          this.logger.info(`app started on 127.0.0.1:${port} (production, pid ${child.pid})`)
          return child
        }
      } catch {}
    }
    child.kill('SIGKILL')
    throw new Error(exited ? 'the app server exited at start' : 'the app server did not start')
  }

  async #stopServer() {
    const child = this.#server
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }

  #fetch(port: number, path: string, options: { agent?: http.Agent; token?: string } = {}) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port,
            path,
            agent: options.agent,
            headers: {
              accept: 'application/json',
              ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            },
          },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk) => chunks.push(chunk))
            response.on('end', () =>
              resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString() })
            )
          }
        )
        .on('error', reject)
    })
  }

  #report(
    rows: Row[],
    summary: { events: number; seedSeconds: number | null; rollupSeconds: number | null }
  ) {
    const ms = (value?: number) => (value === undefined ? '—' : `${value.toFixed(1)} ms`)
    const table = this.ui.table()
    table.head(['run', 'requests', 'req/s', 'p50', 'p95', 'p97.5', 'p99', 'max', 'errors'])
    for (const row of rows) {
      table.row([
        row.name,
        String(row.requests),
        row.rps === undefined ? '—' : row.rps.toFixed(1),
        ms(row.p50),
        ms(row.p95),
        ms(row.p975),
        ms(row.p99),
        ms(row.max),
        String(row.errors),
      ])
    }
    table.render()
    const seconds = (value: number | null) => (value === null ? 'skipped' : `${value.toFixed(1)} s`)
    this.logger.log(
      `${summary.events.toLocaleString('pt-BR')} events, random 30-day ranges (half filtered ` +
        `by funnel); seeding ${seconds(summary.seedSeconds)}, rollups ${seconds(summary.rollupSeconds)}`
    )
    const [, sequential, concurrent] = rows
    const verdicts: Array<[string, boolean]> = [
      [
        `HTTP p95 ${ms(sequential.p95)} sequential (target ≤ ${TARGET_P95_MS} ms)`,
        sequential.p95! <= TARGET_P95_MS,
      ],
      [
        `P6 HTTP p99 ${ms(concurrent.p99)} at ${this.connections} connections (target ≤ ${TARGET_CONCURRENT_P99_MS} ms)`,
        concurrent.p99! <= TARGET_CONCURRENT_P99_MS,
      ],
    ]
    for (const [verdict, passed] of verdicts) {
      if (passed) {
        this.logger.success(`PASS: ${verdict}`)
      } else {
        this.logger.error(`FAIL: ${verdict}`)
        this.exitCode = 1
      }
    }
  }
}
