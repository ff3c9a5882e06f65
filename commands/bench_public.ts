import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import http from 'node:http'
import { randomBytes, randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import Workspace from '#models/workspace'
import { EventBuffer } from '#services/event_buffer'
import PublishFunnel from '#actions/funnels/publish_funnel'
import env from '#start/env'

interface Result {
  name: string
  rps: number
  p99: number
  errors: number
  load: string
}

/** Event ids the app answered 204 for (what must be stored), and how many were sent. */
interface Tally {
  accepted: Set<string>
  sent: number
}

interface Verdict {
  target: string
  pass: boolean
  detail: string
}

/**
 * A bare node:http server in its own process, answering GET with the page's exact bytes and
 * headers and POST with 204: the floor the app is compared against (own process, as the app:
 * neither shares the load generator's event loop).
 */
const BARE_SERVER = `
const http = require('node:http')
// The page and port come over IPC (not the environment: only start/env.ts reads that).
process.once('message', ({ port, page: { body, headers } }) => {
  const page = Buffer.from(body, 'base64')
  http.createServer((request, response) => {
    if (request.method === 'POST') {
      request.resume()
      request.on('end', () => response.writeHead(204).end())
      return
    }
    response.writeHead(200, headers)
    response.end(page)
  }).listen(port, '127.0.0.1', () => process.send('ready'))
})
`

/**
 * `npm run bench:public` (issue 19): the public edge against its targets, each measured next to
 * a bare node:http server in the same run (ratios are what hold on a shared machine).
 *
 * - P1: the public step page (page-cache hit) at 100 connections: ≥ 50 % of bare req/s and
 *   p99 ≤ 25 ms.
 * - The beacon with batched events against bare (reported, no target of its own).
 * - P2: beacon requests with batched events offered at `--rate` events/s for `--duration` s
 *   (60 by default) with the flush worker running as in production, until every accepted event
 *   is a row of `visitor_events`: ≥ 5,000 events/s end to end, zero loss (rows = events the
 *   app answered 204 for), zero duplicates (every 50th request re-sends the previous batch).
 *
 * Prints PASS/FAIL per target and the 1-minute load average with each figure; exits 1 on a
 * FAIL. `--cpu-prof <dir>` profiles the app process and prints its top self-time frames.
 */
export default class BenchPublic extends BaseCommand {
  static commandName = 'bench:public'
  static description = 'Benchmark the public edge: step page (P1) and beacon ingestion (P2)'
  static options: CommandOptions = { startApp: true }

  @flags.number({
    description: 'Seconds of the P2 ingestion run (page runs: at most 10)',
    default: 60,
  })
  declare duration: number

  @flags.number({ description: 'Concurrent connections', default: 100 })
  declare connections: number

  @flags.number({ description: 'Events per beacon request (P2 and beacon runs)', default: 10 })
  declare batch: number

  @flags.number({ description: 'Events per second offered in P2', default: 6000 })
  declare rate: number

  @flags.string({
    description: 'Only one part: p1 (pages and beacon), page (P1 alone) or p2 (ingestion)',
  })
  declare only?: string

  @flags.string({ description: 'Directory for a CPU profile of the app process (--cpu-prof)' })
  declare cpuProf?: string

  @flags.number({ description: 'First of the three ports used (app, bare, worker health)' })
  declare port?: number

  #children: ChildProcess[] = []

  async run() {
    const appPort = this.port ?? Number(env.get('PORT', 3333)) + 7
    const barePort = appPort + 1
    await this.kernel.exec('migration:run', ['--force', '--no-schema-generate'])
    const { host, workspace } = await this.#seed()
    this.logger.info(`seeded workspace host ${host}`)

    const verdicts: Verdict[] = []
    const results: Result[] = []
    const app = await this.#startServer(appPort)
    try {
      if (this.only !== 'p2') {
        const page = await this.#fetch(appPort, host, '/bench-funnel')
        if (page.status !== 200) throw new Error(`step page answered ${page.status}`)
        const bare = await this.#bareServer(barePort, page.body, page.headers)
        const seconds = Math.min(this.duration, 10)

        /** Warm-up: the page cache, the JIT and the connection pool, not measured. */
        await this.#load('warm-up', appPort, { headers: { host } }, 2)
        const [pageApp, pageBare] = await this.#interleaved(
          ['step page (app)', appPort],
          ['step page (bare node:http)', barePort],
          { headers: { host } },
          seconds
        )
        results.push(pageApp, pageBare)
        const ratio = pageApp.rps / pageBare.rps
        verdicts.push({
          target: 'P1 step page ≥ 50 % of bare req/s, p99 ≤ 25 ms',
          pass: ratio >= 0.5 && pageApp.p99 <= 25 && pageApp.errors === 0,
          detail: `${(ratio * 100).toFixed(1)} % of bare (${pageApp.rps} vs ${pageBare.rps} req/s), p99 ${pageApp.p99} ms, ${pageApp.errors} errors, load ${pageApp.load}`,
        })

        if (this.only !== 'page') {
          const beaconOptions = this.#beaconRequest(host, workspace.id, {
            accepted: new Set(),
            sent: 0,
          })
          results.push(
            ...(await this.#interleaved(
              ['beacon (app)', appPort],
              ['beacon (bare node:http)', barePort],
              beaconOptions,
              seconds
            ))
          )
        }
        bare.kill('SIGTERM')
        /** What the beacon runs buffered is not P2's: drained before it starts. */
        await new EventBuffer().clear()
      }

      if (this.only !== 'p1' && this.only !== 'page')
        verdicts.push(await this.#ingestion(appPort, host, workspace.id))
    } finally {
      await this.#stop(app)
      for (const child of this.#children) child.kill('SIGKILL')
    }

    this.#report(results, verdicts)
    if (this.cpuProf) this.#printProfile(this.cpuProf)
    if (verdicts.some((v) => !v.pass)) this.exitCode = 1
  }

  /**
   * P2: batched beacons at a fixed offered rate, the flush worker running as in production,
   * then waiting until every accepted event is a row. End to end = accepted events / (first
   * request → last row written).
   */
  async #ingestion(appPort: number, host: string, workspaceId: number): Promise<Verdict> {
    const worker = await this.#startWorker()
    try {
      const tally: Tally = { accepted: new Set(), sent: 0 }
      const requestsPerSecond = Math.max(1, Math.round(this.rate / this.batch))
      const started = performance.now()
      const run = await this.#load(
        `P2 ingestion (${this.rate} events/s offered, ${this.batch} per request)`,
        appPort,
        this.#beaconRequest(host, workspaceId, tally),
        this.duration,
        requestsPerSecond
      )
      const loadAfterRun = loadavg()[0].toFixed(2)
      const accepted = tally.accepted.size
      let rows = 0
      let lastChange = performance.now()
      let finished = performance.now()
      /**
       * Waits for the flush to catch up with every accepted event (requests still in flight when
       * the load stopped may add a few more); 60 s without progress ends the wait.
       */
      while (performance.now() - lastChange < 60_000) {
        const count = await this.#storedEvents(workspaceId)
        if (count !== rows) {
          rows = count
          lastChange = finished = performance.now()
        }
        this.logger.logUpdate(`rows ${rows}/${accepted}`)
        if (rows >= accepted) {
          /** One more look: in-flight requests the client gave up on may still land. */
          await new Promise((resolve) => setTimeout(resolve, 2000))
          const settled = await this.#storedEvents(workspaceId)
          if (settled === rows) break
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      this.logger.logUpdatePersist()
      const stored = await db
        .from('visitor_events')
        .where('workspace_id', workspaceId)
        .select('event_id')
      const ids = new Set<string>(stored.map((row) => row.event_id))
      const lost = [...tally.accepted].filter((id) => !ids.has(id)).length
      const duplicates = stored.length - ids.size
      const seconds = (finished - started) / 1000
      const perSecond = Math.round((accepted - lost) / seconds)
      return {
        target: 'P2 ≥ 5,000 events/s end to end, zero loss, zero duplicates',
        pass: perSecond >= 5000 && lost === 0 && duplicates === 0 && run.errors === 0,
        detail: `${perSecond} events/s (${accepted} events answered 204 in ${this.duration} s, all ${accepted - lost} stored ${seconds.toFixed(1)} s after the first request; ${stored.length - (accepted - lost)} more from requests still in flight at the end; beacon ${run.rps} req/s, p99 ${run.p99} ms, ${run.errors} errors), lost ${lost}, duplicates ${duplicates}, load ${run.load} → ${loadAfterRun}`,
      }
    } finally {
      await this.#stop(worker)
    }
  }

  #storedEvents(workspaceId: number) {
    return db
      .from('visitor_events')
      .where('workspace_id', workspaceId)
      .count('* as n')
      .then((rows) => Number(rows[0].n))
  }

  /**
   * One beacon request per call: `--batch` stored events (page_view, checkout_view, leave) of
   * one visitor from a pool of 5,000, behind a trusted proxy (198.18.0.0/15, the benchmarking
   * range) so the per-IP throttle sees many visitors, as it does behind CGNAT. Every 50th
   * request re-sends the previous body: those events must not be stored twice.
   */
  #beaconRequest(host: string, _workspaceId: number, tally: Tally) {
    const visitors = Array.from({ length: 5000 }, () => randomBytes(18).toString('base64url'))
    const types = ['page_view', 'checkout_view', 'leave']
    let previous: { body: string; cookie: string } | null = null
    let sent = 0
    return {
      method: 'POST',
      path: '/_funil/e',
      headers: { 'host': host, 'content-type': 'text/plain;charset=UTF-8' },
      setupRequest: (request: any, context: any) => {
        sent++
        const replay = previous !== null && sent % 50 === 0
        let body: string
        let cookie: string
        if (replay) {
          ;({ body, cookie } = previous!)
          context.ids = []
        } else {
          cookie = visitors[sent % visitors.length]
          const events = Array.from({ length: this.batch }, (_, i) => ({
            id: randomUUID(),
            type: types[i % types.length],
            url: `https://${host}/bench-funnel`,
          }))
          body = JSON.stringify(events)
          context.ids = events.map((e) => e.id)
          tally.sent += events.length
          previous = { body, cookie }
        }
        return {
          ...request,
          headers: {
            ...request.headers,
            'cookie': `fd_sid=${cookie}`,
            'x-forwarded-for': `198.18.${sent % 256}.${Math.floor(sent / 256) % 256}`,
          },
          body,
        }
      },
      onResponse: (status: number, _body: string, context: any) => {
        if (status === 204) for (const id of context.ids ?? []) tally.accepted.add(id)
      },
    }
  }

  /** A bench workspace with a one-step funnel (recreated on every run). */
  async #seed() {
    await Workspace.query().where('slug', 'bench').delete()
    const agency =
      (await Agency.findBy('slug', 'bench')) ??
      (await Agency.create({ name: 'Bench', slug: 'bench' }))
    const workspace = await Workspace.create({
      agencyId: agency.id,
      name: 'Bench',
      slug: 'bench',
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
    await funnel.related('steps').create({
      workspaceId: workspace.id,
      name: 'Captura',
      slug: 'captura',
      stepType: 'capture',
      orderIndex: 0,
      isActive: true,
      settings: {},
      content: {
        headline: 'Aula gratuita: sua primeira venda em 7 dias',
        text: 'Deixe seu nome e e-mail para receber o acesso.',
        fields: ['name', 'email'],
        buttonLabel: 'Quero assistir',
      },
    })
    /** Visitors see the published funnel only (issue 18). */
    await PublishFunnel.handle({ funnel })
    await db.from('visitors').where('workspace_id', workspace.id).delete()
    await new EventBuffer().clear()
    return { host: `bench.${env.get('APP_DOMAIN') ?? 'localhost'}`, workspace }
  }

  #productionEnv(extra: Record<string, string> = {}) {
    return {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      /** The load generator plays the proxy in front of the app (see the beacon requests). */
      TRUSTED_PROXIES: '127.0.0.1',
      ...extra,
    }
  }

  /** The app as its own production process, so client and server do not share an event loop. */
  async #startServer(port: number) {
    const profile = this.cpuProf
      ? (mkdirSync(this.cpuProf, { recursive: true }),
        ['--cpu-prof', `--cpu-prof-dir=${this.cpuProf}`])
      : []
    const child = spawn(
      process.execPath,
      [...profile, '--import=@poppinss/ts-exec', 'bin/server.ts'],
      {
        cwd: this.app.makePath(),
        env: this.#productionEnv({ PORT: String(port), HOST: '127.0.0.1' }),
        stdio: ['ignore', 'inherit', 'inherit'],
      }
    )
    this.#children.push(child)
    for (let attempt = 0; attempt < 150; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      try {
        if ((await this.#fetch(port, '127.0.0.1', '/health/live')).status === 200) return child
      } catch {}
    }
    throw new Error('the app server did not start')
  }

  /** The tracking worker (the flush every second), as `node ace worker:run` runs it. */
  async #startWorker() {
    const child = spawn(
      process.execPath,
      ['--import=@poppinss/ts-exec', 'bin/console.ts', 'worker:run', '--queues=tracking'],
      { cwd: this.app.makePath(), env: this.#productionEnv(), stdio: ['ignore', 'pipe', 'inherit'] }
    )
    this.#children.push(child)
    /** Its log says when the queue is consumed; the load starts then, not while it boots. */
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not start')), 120_000)
      child.stdout!.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk)
        if (chunk.toString().includes('worker ready')) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.once('exit', () => reject(new Error('the worker exited')))
    })
    return child
  }

  /** SIGTERM and wait for the exit (a CPU profile is written then). */
  #stop(child: ChildProcess) {
    if (child.exitCode !== null) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill('SIGTERM')
    })
  }

  #fetch(port: number, host: string, path: string) {
    return new Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }>(
      (resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk) => chunks.push(chunk))
            response.on('end', () =>
              resolve({
                status: response.statusCode!,
                body: Buffer.concat(chunks),
                headers: response.headers,
              })
            )
          })
          .on('error', reject)
      }
    )
  }

  async #bareServer(port: number, body: Buffer, headers: http.IncomingHttpHeaders) {
    const kept: Record<string, string> = {}
    for (const name of [
      'content-type',
      'etag',
      'cache-control',
      'vary',
      'x-content-type-options',
    ]) {
      const value = headers[name]
      if (typeof value === 'string') kept[name] = value
    }
    const child = spawn(process.execPath, ['-e', BARE_SERVER], {
      env: {},
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.#children.push(child)
    child.send({ port, page: { body: body.toString('base64'), headers: kept } })
    await new Promise((resolve) => child.once('message', resolve))
    return child
  }

  /**
   * App and bare in alternating rounds (three each, `seconds` in all per side): the machine's
   * load changes over a run, and alternating gives both sides the same share of it. req/s over
   * all rounds; p99 the worst round's.
   */
  async #interleaved(
    app: [string, number],
    bare: [string, number],
    request: Record<string, any>,
    seconds: number
  ): Promise<[Result, Result]> {
    const rounds = 3
    const runs: Record<'app' | 'bare', Result[]> = { app: [], bare: [] }
    for (let round = 0; round < rounds; round++) {
      runs.app.push(await this.#load(app[0], app[1], request, seconds / rounds))
      runs.bare.push(await this.#load(bare[0], bare[1], request, seconds / rounds))
    }
    const merge = (name: string, list: Result[]): Result => ({
      name,
      rps: Math.round(list.reduce((sum, r) => sum + r.rps, 0) / list.length),
      p99: Math.max(...list.map((r) => r.p99)),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
      load: list.map((r) => r.load).join('/'),
    })
    return [merge(app[0], runs.app), merge(bare[0], runs.bare)]
  }

  async #load(
    name: string,
    port: number,
    request: Record<string, any>,
    seconds: number,
    overallRate?: number
  ): Promise<Result> {
    this.logger.info(`${name}: ${this.connections} connections, ${seconds}s`)
    let instance!: autocannon.Instance
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: `http://127.0.0.1:${port}${request.path ?? '/bench-funnel'}`,
          connections: this.connections,
          duration: seconds,
          ...(overallRate ? { overallRate } : {}),
          requests: [request as any],
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
    return {
      name,
      rps: Math.round(result.requests.average),
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
      load: loadavg()[0].toFixed(2),
    }
  }

  #report(results: Result[], verdicts: Verdict[]) {
    if (results.length) {
      const table = this.ui.table()
      table.head(['run', 'req/s', 'p99', 'errors', 'load avg (1 min)'])
      for (const r of results) {
        table.row([r.name, String(r.rps), `${r.p99} ms`, String(r.errors), r.load])
      }
      table.render()
      const beacon = results.find((r) => r.name === 'beacon (app)')
      const bare = results.find((r) => r.name === 'beacon (bare node:http)')
      if (beacon && bare) {
        this.logger.log(
          `beacon: ${((beacon.rps / bare.rps) * 100).toFixed(1)} % of bare req/s, ${beacon.rps * this.batch} events/s accepted at ${this.batch} per request`
        )
      }
    }
    for (const verdict of verdicts) {
      this.logger.log(`${verdict.pass ? 'PASS' : 'FAIL'} ${verdict.target}: ${verdict.detail}`)
    }
  }

  /** The app's top 15 frames by self time, from the profile its exit wrote. */
  #printProfile(dir: string) {
    /** `CPU.<date>.<time>.<pid>.<thread>.<seq>`: thread 0 is the main one (1 is the TS loader). */
    const files = readdirSync(dir)
      .filter((file) => /\.0\.\d+\.cpuprofile$/.test(file))
      .sort()
    if (!files.length) return this.logger.warning('no CPU profile was written')
    const file = join(dir, files[files.length - 1])
    const profile = JSON.parse(readFileSync(file, 'utf8')) as {
      nodes: Array<{
        id: number
        callFrame: { functionName: string; url: string; lineNumber: number }
      }>
      samples: number[]
      timeDeltas: number[]
    }
    const self = new Map<number, number>()
    profile.samples.forEach((id, index) => {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
    })
    const byFrame = new Map<string, number>()
    let total = 0
    for (const node of profile.nodes) {
      const time = self.get(node.id) ?? 0
      total += time
      const { functionName, url, lineNumber } = node.callFrame
      const where = url
        ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(app|start|commands)\//, '$1/')}:${lineNumber + 1}`
        : ''
      const key = `${functionName || '(anonymous)'} ${where}`.trim()
      byFrame.set(key, (byFrame.get(key) ?? 0) + time)
    }
    this.logger.log(`CPU profile ${file}: top self time`)
    for (const [frame, time] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      this.logger.log(`  ${((time / total) * 100).toFixed(1).padStart(5)} %  ${frame}`)
    }
  }
}
