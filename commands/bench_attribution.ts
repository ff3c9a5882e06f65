import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { appendFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { randomBytes, randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import Workspace from '#models/workspace'
import Payment from '#models/payment'
import Visitor from '#models/visitor'
import CheckoutConfig from '#models/checkout_config'
import Credential from '#models/credential'
import { paymentTouch } from '#integrations/conversions'
import env from '#start/env'

interface Buyer {
  index: number
  sid: string
  campaign: string
  delayMs: number
  /** The browser could not keep the landing (storage disabled): the checkout sends its own URL. */
  noStorage: boolean
  token?: string
  status?: number
  /** The visitor row did not exist yet when the checkout answered. */
  beforeVisitor?: boolean
  error?: string
}

const SLUG = 'bench-attr'

/** A valid CPF (check digits computed), different per buyer. */
function cpf(seed: number) {
  const base = String(100_000_000 + ((seed * 7_919) % 899_999_999)).padStart(9, '0')
  const digits = base.split('').map(Number)
  for (const length of [9, 10]) {
    const sum = digits.slice(0, length).reduce((acc, d, i) => acc + d * (length + 1 - i), 0)
    const rest = (sum * 10) % 11
    digits.push(rest === 10 ? 0 : rest)
  }
  return digits.join('')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `node ace bench:attribution`: N buyers land with their own UTMs (the tracking script's beacon)
 * and submit the checkout 0–2 s later (with the landing the script remembered), against the app
 * as its own process and a real worker that is stopped at first, then started, frozen (SIGSTOP)
 * for a while and killed (SIGKILL) and restarted mid-run. Then it waits for the worker to catch
 * up and reports the orders whose attribution was lost: on the payment, on its visitor link and
 * in the UTMify order (a local stub of UTMify's orders API). Must print 0 unattributed.
 */
export default class BenchAttribution extends BaseCommand {
  static commandName = 'bench:attribution'
  static description = 'Checkouts with random timing and a lagging worker: unattributed orders'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Buyers', default: 100 })
  declare buyers: number

  @flags.number({ description: 'Port of the app process', default: 3396 })
  declare port: number

  @flags.number({
    description: 'Share of buyers whose browser cannot keep the landing (storage disabled)',
    default: 0.1,
  })
  declare noStorage: number

  @flags.number({ description: 'Milliseconds between two buyers arriving', default: 120 })
  declare spacing: number

  /**
   * A killed worker's jobs and stream entries come back after 30 s (lock, stall check, claim)
   * and a delivery whose job was lost is re-enqueued by the minute sweep after 2 min.
   */
  @flags.number({ description: 'Seconds to wait for the worker to catch up', default: 240 })
  declare settle: number

  #server?: ChildProcess
  #worker?: ChildProcess
  #log: string[] = []

  async run() {
    await this.kernel.exec('migration:run', ['--force', '--no-schema-generate'])
    const orders: any[] = []
    const utmify = await this.#utmifyStub(orders)
    const { workspace, stepId, funnelId } = await this.#seed(
      `http://127.0.0.1:${(utmify.address() as AddressInfo).port}`
    )
    const host = `${SLUG}.${env.get('APP_DOMAIN') ?? 'localhost'}`
    this.logger.info(`seeded ${host}: checkout step ${stepId}`)

    const started = Date.now()
    try {
      this.#server = await this.#startServer()
      /**
       * The worker boots before the buyers (a boot takes seconds on a busy machine) and is
       * frozen at once: stopped, as far as the buyers can tell, until it is resumed.
       */
      await this.#startWorker()
      this.#worker?.kill('SIGSTOP')
      const buyers: Buyer[] = Array.from({ length: this.buyers }, (_, index) => ({
        index,
        sid: randomBytes(18).toString('base64url'),
        campaign: `camp-${index}`,
        delayMs: Math.floor(Math.random() * 2000),
        noStorage: Math.random() < this.noStorage,
      }))

      /** The worker's life during the run, keyed on how many checkouts are done. */
      let done = 0
      const chaos = (async () => {
        const when = async (fraction: number) => {
          while (done < this.buyers * fraction) await sleep(20)
        }
        this.#note('worker stopped (SIGSTOP)')
        await when(0.3)
        this.#worker?.kill('SIGCONT')
        this.#note('worker resumed (SIGCONT)')
        await when(0.55)
        this.#worker?.kill('SIGSTOP')
        this.#note('worker frozen (SIGSTOP, lagging)')
        await sleep(1500 + Math.random() * 1500)
        this.#worker?.kill('SIGCONT')
        this.#note('worker resumed (SIGCONT)')
        await when(0.8)
        this.#worker?.kill('SIGKILL')
        this.#note('worker killed (SIGKILL)')
        await sleep(1000)
        await this.#startWorker()
      })()

      /** Buyers arrive `spacing` ms apart; each lands, then checks out 0–2 s later. */
      await Promise.all(
        buyers.map(async (buyer) => {
          await sleep(buyer.index * this.spacing)
          const landing =
            `http://${host}/bench-attr/oferta?utm_source=facebook&utm_medium=cpc` +
            `&utm_campaign=${buyer.campaign}&utm_content=ad-${buyer.index % 7}&src=bench` +
            `&fbclid=IwAR-bench-${buyer.index}`
          const beacon = await this.#post(host, '/_funil/e', buyer, {
            events: [
              {
                id: randomUUID(),
                type: 'checkout_view',
                funnelId,
                stepId,
                url: landing,
                referrer: 'https://l.facebook.com/',
              },
            ],
          })
          if (beacon.status !== 204) buyer.error = `beacon ${beacon.status}`
          await sleep(buyer.delayMs)
          const response = await this.#post(host, `/_funil/checkout/${stepId}`, buyer, {
            name: `Comprador ${buyer.index}`,
            email: `comprador${buyer.index}@exemplo.com.br`,
            cpf: cpf(buyer.index + 1),
            bumps: [],
            tracking: buyer.noStorage
              ? { landingUrl: `http://${host}/bench-attr/oferta`, referrer: '' }
              : { landingUrl: landing, referrer: 'https://l.facebook.com/' },
          })
          buyer.status = response.status
          if (response.status === 201) {
            buyer.token = JSON.parse(response.body).payment.token
            const visitor = await db
              .from('visitors')
              .where('workspace_id', workspace.id)
              .where('session_id', buyer.sid)
              .first()
            buyer.beforeVisitor = !visitor
          } else buyer.error = `checkout ${response.status} ${response.body.slice(0, 200)}`
          done++
          this.logger.logUpdate(`checkouts ${done}/${this.buyers}`)
        })
      )
      this.logger.logUpdatePersist()
      await chaos
      const checkoutSeconds = (Date.now() - started) / 1000

      /** The worker catches up: every payment linked and every UTMify order received. */
      const tokens = buyers.filter((b) => b.token).map((b) => b.token!)
      const settleStart = Date.now()
      let linked = 0
      while (Date.now() - settleStart < this.settle * 1000) {
        const row = await db
          .from('payments')
          .where('workspace_id', workspace.id)
          .whereNotNull('visitor_id')
          .count('* as n')
          .first()
        linked = Number(row?.n ?? 0)
        const received = new Set(orders.map((o) => o.orderId)).size
        this.logger.logUpdate(
          `settling: ${linked}/${tokens.length} linked, ${received}/${tokens.length} UTMify orders`
        )
        if (linked >= tokens.length && received >= tokens.length) break
        await sleep(250)
      }
      this.logger.logUpdatePersist()
      const settleSeconds = (Date.now() - settleStart) / 1000

      await this.#report(workspace, buyers, orders, { checkoutSeconds, settleSeconds })
    } finally {
      this.#worker?.kill('SIGCONT')
      this.#worker?.kill('SIGTERM')
      this.#server?.kill('SIGTERM')
      utmify.close()
    }
  }

  async #report(
    workspace: Workspace,
    buyers: Buyer[],
    orders: any[],
    times: { checkoutSeconds: number; settleSeconds: number }
  ) {
    const payments = await Payment.query().where('workspace_id', workspace.id)
    const visitors = await Visitor.query().where('workspace_id', workspace.id)
    const visitorById = new Map(visitors.map((v) => [v.id, v]))
    const byToken = new Map(payments.map((p) => [p.publicToken, p]))
    const ordersByToken = new Map<string, any[]>()
    for (const order of orders) {
      ordersByToken.set(order.orderId, [...(ordersByToken.get(order.orderId) ?? []), order])
    }

    let unattributed = 0
    let wrongCampaign = 0
    let unlinked = 0
    let wrongVisitor = 0
    let ordersMissing = 0
    let ordersWithoutUtms = 0
    let beforeVisitor = 0
    for (const buyer of buyers.filter((b) => b.token)) {
      const payment = byToken.get(buyer.token!)!
      const visitor = payment.visitorId ? (visitorById.get(payment.visitorId) ?? null) : null
      const touch = paymentTouch(payment, visitor)
      if (!touch?.utmCampaign) unattributed++
      else if (touch.utmCampaign !== buyer.campaign) wrongCampaign++
      if (!visitor) unlinked++
      else if (visitor.sessionId !== buyer.sid) wrongVisitor++
      if (buyer.beforeVisitor) beforeVisitor++
      const sent = ordersByToken.get(buyer.token!) ?? []
      if (!sent.length) ordersMissing++
      if (sent.some((o) => o.trackingParameters?.utm_campaign !== buyer.campaign)) {
        ordersWithoutUtms++
      }
    }
    const failed = buyers.filter((b) => !b.token)
    const delays = buyers.map((b) => b.delayMs).sort((a, b) => a - b)

    const rows: Array<[string, string | number]> = [
      ['buyers', buyers.length],
      [
        'landing → checkout delay (ms), min / median / max',
        `${delays[0]} / ${delays[Math.floor(delays.length / 2)]} / ${delays[delays.length - 1]}`,
      ],
      ['worker timeline', this.#log.join(' → ')],
      ['checkouts answered 201', buyers.length - failed.length],
      [
        'of which without the landing (storage disabled: UTMs only via the visitor link)',
        buyers.filter((b) => b.noStorage && b.token).length,
      ],
      ['payments created before their visitor row existed', beforeVisitor],
      [
        'payments linked to their visitor (after settling)',
        `${payments.length - unlinked}/${payments.length}`,
      ],
      ['payments linked to another visitor', wrongVisitor],
      ['UNATTRIBUTED orders (no UTMs on the payment nor its visitor)', unattributed],
      ['orders credited to the wrong campaign', wrongCampaign],
      [
        'UTMify orders received (distinct)',
        `${ordersByToken.size}/${buyers.length - failed.length}`,
      ],
      ['UTMify orders missing', ordersMissing],
      ["UTMify updates without the buyer's UTMs", ordersWithoutUtms],
      ['checkout phase (s)', times.checkoutSeconds.toFixed(1)],
      ['worker catch-up after the last checkout (s)', times.settleSeconds.toFixed(1)],
    ]
    const width = Math.max(...rows.map(([label]) => label.length))
    this.logger.log('')
    for (const [label, value] of rows) this.logger.log(`${label.padEnd(width)}  ${value}`)
    for (const buyer of failed.slice(0, 5))
      this.logger.warning(`buyer ${buyer.index}: ${buyer.error}`)
    const ok =
      failed.length === 0 &&
      unattributed === 0 &&
      wrongCampaign === 0 &&
      unlinked === 0 &&
      wrongVisitor === 0 &&
      ordersMissing === 0 &&
      ordersWithoutUtms === 0
    if (ok) this.logger.success('0 unattributed orders')
    else {
      this.logger.error('attribution lost')
      this.exitCode = 1
    }
  }

  #note(what: string) {
    this.#log.push(what)
  }

  /** A bench workspace with a one-product checkout and UTMify pointed at the stub (recreated). */
  async #seed(utmifyUrl: string) {
    const old = db.from('workspaces').where('slug', SLUG).select('id')
    await db.from('payments').whereIn('workspace_id', old).delete()
    await Workspace.query().where('slug', SLUG).delete()
    const agency =
      (await Agency.findBy('slug', SLUG)) ?? (await Agency.create({ name: 'Bench', slug: SLUG }))
    const workspace = await Workspace.create({
      agencyId: agency.id,
      name: 'Bench atribuição',
      slug: SLUG,
      timezone: 'America/Sao_Paulo',
      settings: {},
      webhookToken: randomBytes(24).toString('base64url'),
    })
    const funnel = await workspace.related('funnels').create({
      name: 'Bench',
      slug: 'bench-attr',
      isActive: true,
      settings: {},
    })
    const step = await funnel.related('steps').create({
      workspaceId: workspace.id,
      name: 'Checkout',
      slug: 'oferta',
      stepType: 'checkout',
      orderIndex: 0,
      isActive: true,
      settings: {},
      content: { headline: 'Falta pouco!' },
    })
    await CheckoutConfig.create({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: step.id,
      productName: 'Curso de Confeitaria',
      productPriceCents: 19700,
      currency: 'BRL',
      paymentMethods: ['pix'],
      fieldsConfig: { name: true, email: true, phone: false, cpf: true },
      designConfig: {},
      upsellConfig: {},
      orderBumps: [],
    })
    await Credential.create({
      workspaceId: workspace.id,
      service: 'utmify',
      name: 'UTMify',
      apiKey: 'bench-token',
      apiSecret: null,
      apiUrl: utmifyUrl,
      settings: {},
      isActive: true,
    })
    return { workspace, funnelId: funnel.id, stepId: step.id }
  }

  /** UTMify's orders API, locally: records each order body, answers 200. */
  #utmifyStub(orders: any[]) {
    const server = http.createServer((request, response) => {
      let body = ''
      request.setEncoding('utf8')
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        try {
          if (request.method === 'POST' && request.url?.endsWith('/orders')) {
            orders.push(JSON.parse(body))
          }
        } catch {}
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
      })
    })
    return new Promise<http.Server>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(server))
    )
  }

  /** Environment of the app and worker processes: this command's, plus what the bench needs. */
  #env(extra: Record<string, string> = {}) {
    return {
      ...process.env,
      /** Each buyer has its own address (X-Forwarded-For from the loopback "proxy"). */
      TRUSTED_PROXIES: 'loopback',
      /** The UTMify stub listens on 127.0.0.1. */
      ALLOW_PRIVATE_INTEGRATION_URLS: 'true',
      LOG_LEVEL: 'warn',
      ...extra,
    }
  }

  async #startWorker() {
    const child = spawn(
      process.execPath,
      ['ace', 'worker:run', '--queues', 'tracking', '--queues', 'postbacks'],
      {
        cwd: this.app.makePath(),
        /** Production's lock and stall settings: a killed worker's jobs come back in ≤ 60 s. */
        env: this.#env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    this.#worker = child
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`worker not ready:\n${output}`)), 60_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const workerLog = env.get('BENCH_WORKER_LOG')
        if (workerLog) appendFileSync(workerLog, chunk)
        if (output.includes('worker ready')) {
          clearTimeout(timer)
          resolve()
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
    })
    this.#note('worker started')
  }

  /** The app as its own process, as in production. */
  async #startServer() {
    const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: this.app.makePath(),
      env: this.#env({ PORT: String(this.port), HOST: '127.0.0.1', NODE_ENV: 'production' }),
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    for (let attempt = 0; attempt < 150; attempt++) {
      await sleep(200)
      try {
        const response = await this.#request('127.0.0.1', '/health/live', 'GET')
        if (response.status === 200) return child
      } catch {}
    }
    child.kill('SIGKILL')
    throw new Error('the app server did not start')
  }

  #post(host: string, path: string, buyer: Buyer, body: unknown) {
    return this.#request(host, path, 'POST', JSON.stringify(body), {
      'content-type': path === '/_funil/e' ? 'text/plain' : 'application/json',
      'accept': 'application/json',
      'cookie': `fd_sid=${buyer.sid}`,
      'user-agent': `Mozilla/5.0 (bench buyer ${buyer.index})`,
      'x-forwarded-for': `203.0.${Math.floor(buyer.index / 250)}.${(buyer.index % 250) + 1}`,
    })
  }

  #request(
    host: string,
    path: string,
    method: string,
    body?: string,
    headers: Record<string, string> = {}
  ) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          method,
          /** The bench plays the TLS-terminating proxy in front of the production process. */
          headers: { host, 'x-forwarded-proto': 'https', ...headers },
        },
        (response) => {
          let text = ''
          response.setEncoding('utf8')
          response.on('data', (chunk) => (text += chunk))
          response.on('end', () => resolve({ status: response.statusCode!, body: text }))
        }
      )
      request.on('error', reject)
      request.end(body)
    })
  }
}
