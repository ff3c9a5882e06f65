import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { randomBytes, randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import Workspace from '#models/workspace'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import env from '#start/env'

interface Result {
  name: string
  rps: number
  p99: number
  errors: number
}

/**
 * `npm run bench:public`: requests/s and p99 of a public step page and of the beacon endpoint at
 * 100 connections, each next to a bare node:http server answering the same bytes in the same
 * run (the ratio is what to watch), then how many beacon events per second the flush persists.
 * The app runs as a separate production process; nothing here is a timed unit test.
 */
export default class BenchPublic extends BaseCommand {
  static commandName = 'bench:public'
  static description = 'Benchmark the public step page and the tracking beacon'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Seconds per run', default: 10 })
  declare duration: number

  @flags.number({ description: 'Concurrent connections', default: 100 })
  declare connections: number

  #server?: ChildProcess

  async run() {
    const appPort = 3390
    const barePort = 3391
    await this.kernel.exec('migration:run', ['--force', '--no-schema-generate'])
    const host = await this.#seed()
    this.logger.info(`seeded workspace host ${host}`)

    this.#server = await this.#startServer(appPort)
    try {
      const page = await this.#fetch(appPort, host, '/bench-funnel')
      if (page.status !== 200) throw new Error(`step page answered ${page.status}`)
      const bare = await this.#bareServer(barePort, page.body, page.headers)

      const results: Result[] = []
      results.push(await this.#load('step page (app)', appPort, { headers: { host } }))
      results.push(await this.#load('step page (bare node:http)', barePort, { headers: { host } }))

      const buffer = new EventBuffer()
      await buffer.backlog()
      const beacon = (port: number, name: string) =>
        this.#load(name, port, {
          method: 'POST',
          headers: { 'host': host, 'content-type': 'text/plain' },
          /**
           * Many visitors behind a trusted proxy (198.18.0.0/15, the benchmarking range): one
           * client IP would be throttled at 600 beacons a minute, which is the point of the throttle.
           */
          setupRequest: (request: any) => ({
            ...request,
            headers: {
              ...request.headers,
              'x-forwarded-for': `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`,
            },
            body: JSON.stringify({
              events: [
                { id: randomUUID(), type: 'page_view', url: `https://${host}/bench-funnel` },
              ],
            }),
          }),
        })
      results.push(await beacon(appPort, 'beacon POST /_funil/e (app)'))
      results.push(await beacon(barePort, 'beacon (bare node:http)'))
      bare.close()

      /**
       * Steady state, as in production: the bench workspace was just recreated, so `visitors`
       * has no statistics yet and the planner may check each event's visitor foreign key
       * through a workspace-prefixed index (a scan per row). One warm-up batch, then ANALYZE —
       * what autovacuum does within a minute on a real database.
       */
      await FlushVisitorEvents.handle({ batchSize: 500, maxBatches: 1 })
      await db.rawQuery('ANALYZE visitors, visitor_events')

      const queued = await buffer.backlog()
      const started = performance.now()
      let persisted = 0
      while ((await buffer.backlog()) > 0) {
        persisted += (await FlushVisitorEvents.handle({ batchSize: 5000, maxBatches: 1 })).flushed
        this.logger.logUpdate(`flushing… ${persisted}/${queued}`)
      }
      this.logger.logUpdatePersist()
      const seconds = (performance.now() - started) / 1000

      this.#report(results, { queued, persisted, seconds })
    } finally {
      this.#server?.kill('SIGTERM')
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
    await db.from('visitors').where('workspace_id', workspace.id).delete()
    return `bench.${env.get('APP_DOMAIN') ?? 'localhost'}`
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
        /** The load generator plays the proxy in front of the app (see the beacon run). */
        TRUSTED_PROXIES: '127.0.0.1',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    for (let attempt = 0; attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      try {
        if ((await this.#fetch(port, '127.0.0.1', '/health/live')).status === 200) return child
      } catch {}
    }
    child.kill('SIGKILL')
    throw new Error('the app server did not start')
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

  /** Answers GET with the page's exact bytes and POST with 204: the floor to compare against. */
  #bareServer(port: number, body: Buffer, headers: http.IncomingHttpHeaders) {
    const server = http.createServer((request, response) => {
      if (request.method === 'POST') {
        request.resume()
        request.on('end', () => response.writeHead(204).end())
        return
      }
      response.writeHead(200, {
        'content-type': headers['content-type'] ?? 'text/html',
        'etag': headers.etag ?? '',
        'cache-control': headers['cache-control'] ?? '',
      })
      response.end(body)
    })
    return new Promise<http.Server>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve(server))
    )
  }

  async #load(name: string, port: number, options: Record<string, unknown>): Promise<Result> {
    this.logger.info(`${name}: ${this.connections} connections, ${this.duration}s`)
    let instance!: autocannon.Instance
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: `http://127.0.0.1:${port}/bench-funnel`,
          connections: this.connections,
          duration: this.duration,
          ...(options.method === 'POST' ? { url: `http://127.0.0.1:${port}/_funil/e` } : {}),
          requests: [options as any],
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
      errors: result.errors + result.non2xx,
    }
  }

  #report(results: Result[], flush: { queued: number; persisted: number; seconds: number }) {
    const rows = results.map((r) => [r.name, String(r.rps), `${r.p99} ms`, String(r.errors)])
    const table = this.ui.table()
    table.head(['run', 'req/s', 'p99', 'errors'])
    rows.forEach((row) => table.row(row))
    table.render()
    const ratio = (app: Result, bare: Result) => ((app.rps / bare.rps) * 100).toFixed(1)
    this.logger.log(`step page: app/bare = ${ratio(results[0], results[1])}% of bare req/s`)
    this.logger.log(`beacon:    app/bare = ${ratio(results[2], results[3])}% of bare req/s`)
    this.logger.log(
      `events persisted: ${flush.persisted}/${flush.queued} in ${flush.seconds.toFixed(2)}s = ${Math.round(
        flush.persisted / flush.seconds
      )} events/s`
    )
  }
}
