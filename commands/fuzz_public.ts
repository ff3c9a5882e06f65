import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import fc from 'fast-check'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import Workspace from '#models/workspace'
import CheckoutConfig from '#models/checkout_config'
import { EventBuffer } from '#services/event_buffer'
import queue from '#services/queue'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import { PaymentFactory } from '#database/factories/payment_factory'
import env from '#start/env'
import {
  fuzzRequest,
  send,
  type FuzzRequest,
  type FuzzResponse,
  type FuzzTarget,
} from '#tests/helpers/public_fuzz'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `node ace fuzz:public --count 10000`: random hostile requests (tests/helpers/public_fuzz.ts)
 * to the six public POST endpoints of the app running as its own production process, with a
 * real worker flushing the beacon stream. Reports the answers per endpoint, every 5xx and hung
 * request (first ones saved to tmp/fuzz-public-failures.json with their bodies), then waits for
 * the stream to drain and reports stuck entries (left in the stream or pending), entries the
 * flush had to set aside (dead letters) and accepted beacon events missing from the database.
 */
export default class FuzzPublic extends BaseCommand {
  static commandName = 'fuzz:public'
  static description = 'Fuzz the public endpoints with random bodies; report 5xx and stuck entries'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Requests to send', default: 10_000 })
  declare count: number

  @flags.number({ description: 'Requests in flight at once', default: 8 })
  declare concurrency: number

  @flags.number({ description: 'fast-check seed (the same seed sends the same requests)' })
  declare seed?: number

  @flags.number({ description: 'Port of the app process', default: 3392 })
  declare port: number

  #children: ChildProcess[] = []

  async run() {
    const seed = this.seed ?? Math.floor(Math.random() * 2 ** 31)
    await this.kernel.exec('migration:run', ['--force', '--no-schema-generate'])
    const target = await this.#seed()
    const buffer = new EventBuffer()
    const deadBefore = await buffer.deadCount()
    this.logger.info(`seeded ${target.host}; seed ${seed}; ${this.count} requests`)

    try {
      await this.#startServer()
      await this.#startWorker()

      const statuses = new Map<string, number>()
      const failures: Array<{ request: FuzzRequest; response: FuzzResponse }> = []
      const acceptedEventIds = new Set<string>()
      let sent = 0
      let slowest = 0
      const started = performance.now()
      const generator = fuzzRequest(target)

      /** Generated in chunks (bodies reach 200 KB): same sequence for the same seed. */
      const chunk = 500
      for (let offset = 0; offset < this.count; offset += chunk) {
        const requests = fc.sample(generator, {
          numRuns: Math.min(chunk, this.count - offset),
          seed: seed + offset,
        })
        let next = 0
        await Promise.all(
          Array.from({ length: this.concurrency }, async () => {
            while (next < requests.length) {
              const request = requests[next++]
              const response = await send(`http://127.0.0.1:${this.port}`, request)
              sent++
              slowest = Math.max(slowest, response.ms)
              const key = `${request.endpoint} ${response.status}`
              statuses.set(key, (statuses.get(key) ?? 0) + 1)
              if (response.status === 0 || response.status >= 500) {
                failures.push({ request, response })
              } else if (response.status === 204) {
                request.eventIds.forEach((id) => acceptedEventIds.add(id))
              }
            }
          })
        )
        this.logger.logUpdate(`sent ${sent}/${this.count}, 5xx or hung: ${failures.length}`)
        if (failures.length) this.#saveFailures(failures)
      }
      this.logger.logUpdatePersist()
      const seconds = (performance.now() - started) / 1000

      /** The worker flushes every second: give the stream a minute to drain. */
      let backlog = await buffer.backlog()
      for (let waited = 0; backlog > 0 && waited < 60_000; waited += 500) {
        await sleep(500)
        backlog = await buffer.backlog()
      }
      const pending = ((await queue.connection().xpending(buffer.key, 'flushers')) as [number])[0]
      const dead = (await buffer.deadCount()) - deadBefore
      const stored = await this.#storedCount([...acceptedEventIds])

      this.#report({
        statuses,
        failures,
        sent,
        seconds,
        slowest,
        backlog,
        pending,
        dead,
        accepted: acceptedEventIds.size,
        stored,
        seed,
      })
      if (failures.length || backlog || pending || dead || stored < acceptedEventIds.size) {
        this.exitCode = 1
      }
    } finally {
      for (const child of this.#children) child.kill('SIGTERM')
    }
  }

  /** A fuzz workspace (recreated on every run) with capture → checkout → upsell → thank-you. */
  async #seed(): Promise<FuzzTarget> {
    await Workspace.query().where('slug', 'fuzz').delete()
    const agency =
      (await Agency.findBy('slug', 'fuzz')) ?? (await Agency.create({ name: 'Fuzz', slug: 'fuzz' }))
    const workspace = await Workspace.create({
      agencyId: agency.id,
      name: 'Fuzz',
      slug: 'fuzz',
      timezone: 'America/Sao_Paulo',
      settings: {},
      webhookToken: randomBytes(24).toString('base64url'),
    })
    const { funnel, steps, config } = await checkoutFunnel(workspace, { withConfig: true })
    await CheckoutConfig.query()
      .where('id', config!.id)
      .update({
        fields_config: JSON.stringify({ name: true, email: true, phone: true, cpf: true }),
        order_bumps: JSON.stringify([
          { name: 'Apostila', priceCents: 2990, description: null, imageUrl: null },
        ]),
      })
    await steps.capture
      .merge({ content: { ...steps.capture.content, fields: ['name', 'email', 'phone'] } })
      .save()
    const parent = await PaymentFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps.checkout.id,
      publicToken: randomBytes(16).toString('hex'),
    })
      .apply('paid')
      .create()
    return {
      upsellToken: parent.publicToken,
      host: `fuzz.${env.get('APP_DOMAIN') ?? 'localhost'}`,
      funnelSlug: funnel.slug,
      captureSlug: steps.capture.slug,
      captureStepId: steps.capture.id,
      checkoutStepId: steps.checkout.id,
      upsellStepId: steps.upsell.id,
      funnelId: funnel.id,
      webhookToken: workspace.webhookToken,
    }
  }

  async #storedCount(eventIds: string[]) {
    let stored = 0
    for (let i = 0; i < eventIds.length; i += 1000) {
      const [row] = await db
        .from('visitor_events')
        .whereIn('event_id', eventIds.slice(i, i + 1000))
        .count('* as n')
      stored += Number(row.n)
    }
    return stored
  }

  #env(extra: Record<string, string> = {}) {
    return {
      ...process.env,
      /** Each request comes from its own address (X-Forwarded-For from the loopback "proxy"). */
      TRUSTED_PROXIES: 'loopback',
      LOG_LEVEL: 'fatal',
      ...extra,
    }
  }

  /** The app as its own production process, as bench:public runs it. */
  async #startServer() {
    const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: this.app.makePath(),
      env: this.#env({ PORT: String(this.port), HOST: '127.0.0.1', NODE_ENV: 'production' }),
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    this.#children.push(child)
    for (let attempt = 0; attempt < 150; attempt++) {
      await sleep(200)
      const live = await new Promise<boolean>((resolve) =>
        http
          .get({ host: '127.0.0.1', port: this.port, path: '/health/live' }, (response) => {
            response.resume()
            resolve(response.statusCode === 200)
          })
          .on('error', () => resolve(false))
      )
      if (live) return
    }
    throw new Error('the app server did not start')
  }

  /** A real worker (tracking queue: the flush schedule) in its own process. */
  async #startWorker() {
    const child = spawn(process.execPath, ['ace', 'worker:run', '--queues', 'tracking'], {
      cwd: this.app.makePath(),
      env: this.#env({ LOG_LEVEL: 'warn' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#children.push(child)
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`worker not ready:\n${output}`)), 60_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('worker ready')) {
          clearTimeout(timer)
          resolve()
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
    })
  }

  #report(result: {
    statuses: Map<string, number>
    failures: Array<{ request: FuzzRequest; response: FuzzResponse }>
    sent: number
    seconds: number
    slowest: number
    backlog: number
    pending: number
    dead: number
    accepted: number
    stored: number
    seed: number
  }) {
    const byEndpoint = new Map<string, Map<string, number>>()
    for (const [key, n] of result.statuses) {
      const [endpoint, status] = key.split(' ')
      const row = byEndpoint.get(endpoint) ?? new Map<string, number>()
      const klass = status === '0' ? 'hung' : `${status[0]}xx`
      row.set(klass, (row.get(klass) ?? 0) + n)
      byEndpoint.set(endpoint, row)
    }
    const table = this.ui.table()
    table.head(['endpoint', 'requests', '2xx', '3xx', '4xx', '5xx', 'hung', 'answers'])
    for (const [endpoint, row] of [...byEndpoint].sort()) {
      const total = [...row.values()].reduce((a, b) => a + b, 0)
      table.row([
        endpoint,
        String(total),
        ...['2xx', '3xx', '4xx', '5xx', 'hung'].map((k) => String(row.get(k) ?? 0)),
        [...result.statuses]
          .filter(([key]) => key.startsWith(`${endpoint} `))
          .sort((a, b) => b[1] - a[1])
          .map(([key, n]) => `${key.split(' ')[1]}×${n}`)
          .join(' '),
      ])
    }
    table.render()
    const fiveXx = result.failures.filter((f) => f.response.status >= 500).length
    const hung = result.failures.length - fiveXx
    this.logger.log(
      `${result.sent} requests in ${result.seconds.toFixed(1)} s (seed ${result.seed}); slowest ${Math.round(result.slowest)} ms`
    )
    this.logger.log(`5xx: ${fiveXx}   hung: ${hung}`)
    this.logger.log(
      `stuck entries: ${result.backlog} in the stream, ${result.pending} pending; dead letters: ${result.dead}`
    )
    this.logger.log(`accepted beacon events stored: ${result.stored}/${result.accepted}`)
    if (result.failures.length) {
      this.logger.log(`first failures saved to ${this.#saveFailures(result.failures)}`)
    }
  }

  /** The first failures with their requests (body in base64), to replay one by hand. */
  #saveFailures(failures: Array<{ request: FuzzRequest; response: FuzzResponse }>) {
    const file = this.app.tmpPath('fuzz-public-failures.json')
    writeFileSync(
      file,
      JSON.stringify(
        failures.slice(0, 50).map(({ request, response }) => ({
          endpoint: request.endpoint,
          path: request.path,
          headers: request.headers,
          body: request.body.toString('base64'),
          status: response.status,
          answer: response.body,
        })),
        null,
        2
      )
    )
    return file
  }
}
