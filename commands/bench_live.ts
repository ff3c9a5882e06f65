import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { randomBytes, randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import transmit from '@adonisjs/transmit/services/main'
import { AgencyFactory } from '#database/factories/agency_factory'
import { UserFactory } from '#database/factories/user_factory'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import Payment from '#models/payment'
import IssueApiToken from '#actions/auth/issue_api_token'
import env from '#start/env'

/** P3: gateway postback → `payment_status_change` on an SSE client, p99 at most this. */
const P3_P99_MS = 250
/** P5: one web process holding every SSE client stays under this resident size. */
const P5_RSS_MIB = 1024

type Message = { channel: string; payload: any }

/**
 * `npm run bench:live`: the live path measured from outside, against a production web process
 * and a production worker started here (same PostgreSQL and Redis as the command's env).
 *
 * - P3: a sandbox payment's postback is POSTed to the webhook endpoint, the clock stops when an
 *   SSE client subscribed to the workspace receives its `payment_status_change` (paid): one
 *   payment at a time, then bursts of 50 postbacks at once. The worker logs where each
 *   delivery's time went (queue wait, reads, gateway, transition) and the hops are summarised.
 * - P5: N SSE clients (default 5,000) open streams and subscribe to the workspace channel with a
 *   bearer token, then broadcasts go out through Redis: every client must receive every
 *   broadcast, the web process must stay under 1 GiB RSS, and the fan-out latency is printed
 *   next to a bare node:http SSE server's (a child process) fed the same clients in this run.
 *
 * Prints PASS/FAIL per target and exits 1 on a FAIL. Shrink it for a local run with
 * `--clients 500 --singles 10 --bursts 1`. Nothing here is a timed unit test.
 */
export default class BenchLive extends BaseCommand {
  static commandName = 'bench:live'
  static description = 'Benchmark live updates: postback → SSE latency (P3) and SSE fan-out (P5)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'SSE clients for P5', default: 5000 })
  declare clients: number

  @flags.number({ description: 'Broadcasts sent to every P5 client', default: 20 })
  declare broadcasts: number

  @flags.number({ description: 'Single payments (one at a time) for P3', default: 30 })
  declare singles: number

  @flags.number({ description: 'Bursts of concurrent payments for P3', default: 3 })
  declare bursts: number

  @flags.number({ description: 'Payments per burst', default: 50 })
  declare burstSize: number

  @flags.string({ description: 'Run only one part: p3 or p5' })
  declare only?: string

  #children: ChildProcess[] = []
  #hops: Array<Record<string, number>> = []

  async run() {
    if (this.only && !['p3', 'p5'].includes(this.only)) {
      this.logger.error(`--only takes p3 or p5, not "${this.only}"`)
      this.exitCode = 1
      return
    }
    const base = Number(env.get('PORT', 3333))
    const appPort = base + 5
    const barePort = base + 6
    await this.kernel.exec('migration:run', ['--force', '--no-schema-generate'])
    const limits = fdLimits()
    this.logger.info(
      `open files: soft ${limits.soft}, hard ${limits.hard} (children get the hard limit); ` +
        `load average ${loadAverage()}`
    )
    const tenant = await this.#seed()

    const results: Array<{ target: string; pass: boolean; detail: string }> = []
    try {
      const web = await this.#startWeb(appPort, limits.hard)
      await this.#startWorker()
      const appUrl = `http://127.0.0.1:${appPort}`

      if (this.only !== 'p5') results.push(...(await this.#p3(appUrl, tenant)))
      if (this.only !== 'p3') {
        results.push(...(await this.#p5(appUrl, web, barePort, limits.hard, tenant)))
      }
    } finally {
      for (const child of this.#children) child.kill('SIGTERM')
    }

    this.logger.log('')
    for (const result of results) {
      const label = result.pass ? this.colors.green('PASS') : this.colors.red('FAIL')
      this.logger.log(`${label} ${result.target}: ${result.detail}`)
    }
    this.logger.log(`load average at the end: ${loadAverage()}`)
    if (results.some((result) => !result.pass)) this.exitCode = 1
  }

  /** A workspace of its own (a fresh one per run), its owner and a bearer token. */
  async #seed() {
    const agency = await AgencyFactory.create()
    const owner = await UserFactory.create()
    await agency.related('members').create({ userId: owner.id, role: 'owner' })
    const workspace = await WorkspaceFactory.merge({
      agencyId: agency.id,
      slug: `bench-live-${randomBytes(4).toString('hex')}`,
    }).create()
    const token = await IssueApiToken.handle({ user: owner, workspace: null, name: 'bench:live' })
    return { workspace, token: token.value!.release() }
  }

  // ---------------------------------------------------------------- P3

  async #p3(appUrl: string, tenant: { workspace: any; token: string }) {
    const headers = { authorization: `Bearer ${tenant.token}` }
    const channel = `workspaces/${tenant.workspace.id}`
    const arrivals = new Map<number, number>()
    const waiters = new Map<number, () => void>()
    const clients = new SseLoad(appUrl, headers, (_index, message, at) => {
      const payload = message.payload
      if (payload?.event !== 'payment_status_change' || payload.status !== 'paid') return
      if (!arrivals.has(payload.paymentId)) arrivals.set(payload.paymentId, at)
      waiters.get(payload.paymentId)?.()
    })
    await clients.open(1, channel)

    let answered: number[] = []
    const postback = async (payment: Payment) => {
      const record = payment.gatewayResponse
      const started = performance.now()
      const response = await fetch(
        `${appUrl}/api/payments/webhook/${tenant.workspace.webhookToken}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: `evt_${record.id}`, type: 'transaction', data: record }),
        }
      )
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`)
      /** The web process's share: token lookup, inbox insert, enqueue, answer. */
      answered.push(performance.now() - started)
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`payment ${payment.id}: no event`)), 30_000)
        const done = () => {
          clearTimeout(timer)
          waiters.delete(payment.id)
          resolve()
        }
        if (arrivals.has(payment.id)) done()
        else waiters.set(payment.id, done)
      })
      await arrived
      return arrivals.get(payment.id)! - started
    }

    /** Warm-up: the first payment pays for lazy imports and cold caches on both processes. */
    await postback((await this.#paidPayments(tenant.workspace.id, 1))[0])
    this.#hops = []
    answered = []

    const singles: number[] = []
    for (let i = 0; i < this.singles; i++) {
      const [payment] = await this.#paidPayments(tenant.workspace.id, 1)
      singles.push(await postback(payment))
      this.logger.logUpdate(`P3 single payments: ${i + 1}/${this.singles}`)
    }
    this.logger.logUpdatePersist()
    const singleHops = this.#hops.splice(0)
    const singleAnswered = answered
    answered = []

    const burst: number[] = []
    for (let b = 0; b < this.bursts; b++) {
      const payments = await this.#paidPayments(tenant.workspace.id, this.burstSize)
      burst.push(...(await Promise.all(payments.map((payment) => postback(payment)))))
      this.logger.info(`P3 burst ${b + 1}/${this.bursts}: p99 ${p(burst, 99)} ms so far`)
    }
    await waitFor(() => this.#hops.length >= this.bursts * this.burstSize, 5_000)
    const burstHops = this.#hops.splice(0)
    for (const [label, values] of [
      ['single payments', singleAnswered],
      [`bursts of ${this.burstSize}`, answered],
    ] as const) {
      this.logger.info(
        `postback answered (web: lookup, inbox insert, enqueue), ${label}: p50 ${p(values, 50)} ms, p99 ${p(values, 99)} ms`
      )
    }
    clients.close()

    this.#printHops('single payments', singleHops)
    this.#printHops(`bursts of ${this.burstSize}`, burstHops)
    return [
      {
        target: `P3 one payment (n=${singles.length})`,
        pass: p(singles, 99) <= P3_P99_MS,
        detail: `p50 ${p(singles, 50)} ms, p99 ${p(singles, 99)} ms (target ≤ ${P3_P99_MS} ms)`,
      },
      {
        target: `P3 bursts of ${this.burstSize} (n=${burst.length})`,
        pass: p(burst, 99) <= P3_P99_MS,
        detail: `p50 ${p(burst, 50)} ms, p99 ${p(burst, 99)} ms, max ${p(burst, 100)} ms (target ≤ ${P3_P99_MS} ms)`,
      },
    ]
  }

  /**
   * Pending sandbox payments whose gateway-side record already says paid: the postback's
   * re-read at the (sandbox) gateway answers `paid`, as SkalePay would after the buyer paid.
   */
  async #paidPayments(workspaceId: number, count: number) {
    return Payment.createMany(
      Array.from({ length: count }, () => {
        const id = `sbx_${randomBytes(8).toString('hex')}`
        const paidAt = new Date().toISOString()
        return {
          workspaceId,
          publicToken: randomBytes(16).toString('hex'),
          gateway: 'sandbox' as const,
          externalId: id,
          amountCents: 19700,
          currency: 'BRL',
          status: 'pending' as const,
          paymentMethod: 'pix',
          items: [{ kind: 'product' as const, name: 'Bench', priceCents: 19700, quantity: 1 }],
          customerData: { name: 'Bench', email: 'bench@example.com' },
          gatewayResponse: { id, status: 'paid', paidAt, paidAmount: 19700 },
        }
      })
    )
  }

  #printHops(label: string, hops: Array<Record<string, number>>) {
    if (!hops.length) {
      this.logger.warning(`${label}: no hop timings from the worker (LOG_LEVEL debug?)`)
      return
    }
    const names = ['sinceReceivedMs', 'queueWaitMs', 'readMs', 'gatewayMs', 'transitionMs']
    const table = this.ui.table()
    table.head([`hops, ${label} (n=${hops.length})`, 'p50 ms', 'p99 ms', 'max ms'])
    for (const name of names) {
      const values = hops.map((hop) => hop[name]).filter((v) => typeof v === 'number')
      table.row([name, String(p(values, 50)), String(p(values, 99)), String(p(values, 100))])
    }
    table.render()
  }

  // ---------------------------------------------------------------- P5

  async #p5(
    appUrl: string,
    web: ChildProcess,
    barePort: number,
    fdHard: number,
    tenant: { workspace: any; token: string }
  ) {
    const run = randomUUID()
    const channel = `workspaces/${tenant.workspace.id}`
    const headers = { authorization: `Bearer ${tenant.token}` }

    const measure = async (name: string, url: string, pid: number, send: (k: number) => void) => {
      const latencies: number[] = []
      const sentAt: number[] = []
      let delivered = 0
      let wake: (() => void) | undefined
      const clients = new SseLoad(url, headers, (_index, message, at) => {
        const payload = message.payload
        if (payload?.run !== run) return
        latencies.push(at - sentAt[payload.k])
        delivered++
        wake?.()
      })
      const rssBefore = procStatus(pid).rss
      const connectStart = performance.now()
      const opened = await clients.open(this.clients, channel, (done) =>
        this.logger.logUpdate(`${name}: ${done}/${this.clients} clients subscribed`)
      )
      this.logger.logUpdatePersist()
      const connectSeconds = (performance.now() - connectStart) / 1000
      const cpuBefore = procCpuMs(pid)
      for (let k = 0; k < this.broadcasts; k++) {
        const expected = opened * (k + 1)
        sentAt[k] = performance.now()
        send(k)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 15_000)
          wake = () => {
            if (delivered >= expected) {
              clearTimeout(timer)
              resolve()
            }
          }
          wake()
        })
      }
      const cpuMs = (procCpuMs(pid) - cpuBefore) / this.broadcasts
      const status = procStatus(pid)
      clients.close()
      return {
        name,
        opened,
        delivered,
        expected: opened * this.broadcasts,
        connectSeconds,
        rssBeforeMiB: rssBefore,
        peakRssMiB: status.hwm,
        rssMiB: status.rss,
        cpuMsPerBroadcast: cpuMs,
        p50: p(latencies, 50),
        p99: p(latencies, 99),
      }
    }

    const app = await measure('app (Transmit over Redis)', appUrl, web.pid!, (k) =>
      transmit.broadcast(channel, { event: 'bench', run, k })
    )
    const bare = await this.#startBare(barePort, fdHard)
    const bareUrl = `http://127.0.0.1:${barePort}`
    const agent = new http.Agent({ keepAlive: true })
    const bareResult = await measure('bare node:http SSE', bareUrl, bare.pid!, (k) => {
      const body = JSON.stringify({ channel, payload: { event: 'bench', run, k } })
      http
        .request(`${bareUrl}/broadcast`, { method: 'POST', agent }, (response) => response.resume())
        .end(body)
    })
    agent.destroy()
    bare.kill('SIGTERM')

    const table = this.ui.table()
    table.head([
      'P5 run',
      'clients',
      'deliveries',
      'connect',
      'peak RSS',
      'CPU/broadcast',
      'p50',
      'p99',
    ])
    for (const r of [app, bareResult]) {
      table.row([
        r.name,
        String(r.opened),
        `${r.delivered}/${r.expected}`,
        `${r.connectSeconds.toFixed(1)} s`,
        `${r.peakRssMiB} MiB (idle ${r.rssBeforeMiB})`,
        `${r.cpuMsPerBroadcast.toFixed(0)} ms`,
        `${r.p50} ms`,
        `${r.p99} ms`,
      ])
    }
    table.render()
    this.logger.log(
      `fan-out p99: app ${app.p99} ms vs bare ${bareResult.p99} ms (${(app.p99 / Math.max(1, bareResult.p99)).toFixed(2)}×)`
    )
    return [
      {
        target: `P5 ${this.clients} SSE clients, every broadcast delivered`,
        pass: app.opened === this.clients && app.delivered === app.expected,
        detail: `${app.opened} subscribed, ${app.delivered}/${app.expected} deliveries`,
      },
      {
        target: `P5 web process RSS < ${P5_RSS_MIB} MiB`,
        pass: app.peakRssMiB < P5_RSS_MIB,
        detail: `peak ${app.peakRssMiB} MiB with ${app.opened} clients (bare ${bareResult.peakRssMiB} MiB)`,
      },
    ]
  }

  // ---------------------------------------------------------------- processes

  /** Children get the hard open-files limit (a shell's `ulimit -n` before exec). */
  #spawn(command: string[], envOverrides: Record<string, string>, fdHard: number) {
    const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ')
    const child = spawn('sh', ['-c', `ulimit -n ${fdHard} 2>/dev/null; exec ${quoted}`], {
      cwd: this.app.makePath(),
      env: { ...process.env, ...envOverrides },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    this.#children.push(child)
    return child
  }

  async #startWeb(port: number, fdHard: number) {
    const child = this.#spawn(
      [process.execPath, '--import=@poppinss/ts-exec', 'bin/server.ts'],
      { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      fdHard
    )
    child.stdout!.pipe(process.stdout)
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error('the web process exited')
      return (await get(`http://127.0.0.1:${port}/health/live`).catch(() => 0)) === 200
    }, 60_000)
    return child
  }

  /** The worker logs at debug level: its `webhook processed` lines carry the hop timings. */
  async #startWorker() {
    const child = this.#spawn(
      [process.execPath, 'ace', 'worker:run'],
      { NODE_ENV: 'production', LOG_LEVEL: 'debug' },
      fdLimits().hard
    )
    let ready = false
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('worker ready')) ready = true
      if (!line.includes('"webhook processed"')) return
      try {
        const { webhookEventId, queueWaitMs, sinceReceivedMs, ...rest } = JSON.parse(line)
        const hops: Record<string, number> = { queueWaitMs, sinceReceivedMs }
        for (const name of ['readMs', 'gatewayMs', 'transitionMs']) {
          hops[name] = rest[name]
        }
        this.#hops.push(hops)
      } catch {}
    })
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error('the worker exited')
      return ready
    }, 60_000)
  }

  async #startBare(port: number, fdHard: number) {
    const child = this.#spawn([process.execPath, '-e', BARE_SSE_SERVER, String(port)], {}, fdHard)
    let ready = false
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') ready = true
    })
    await waitFor(() => ready, 10_000)
    return child
  }
}

/**
 * The floor to compare with: node:http writing one `data:` frame per client per broadcast,
 * nothing else (no auth, no channels, no Redis).
 */
const BARE_SSE_SERVER = `
const http = require('node:http')
const clients = new Set()
http.createServer((request, response) => {
  if (request.method === 'POST') {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const frame = 'data: ' + body + '\\n\\n'
      for (const client of clients) client.write(frame)
      response.writeHead(204).end()
    })
    return
  }
  if (request.url.startsWith('/__transmit/subscribe')) {
    request.resume()
    return response.writeHead(204).end()
  }
  request.socket.setNoDelay(true)
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  response.write(':ok\\n\\n')
  clients.add(response)
  request.on('close', () => clients.delete(response))
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('ready'))
`

/**
 * Many SSE clients in this process: each opens `/__transmit/events` and subscribes to a channel
 * like @adonisjs/transmit-client does; every `data:` frame is handed to `onMessage` with the
 * time it was read.
 */
class SseLoad {
  #requests: http.ClientRequest[] = []
  #agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

  constructor(
    private baseUrl: string,
    private headers: Record<string, string>,
    private onMessage: (index: number, message: Message, at: number) => void
  ) {}

  /** Opens and subscribes `count` clients, 64 at a time; resolves with how many made it. */
  async open(count: number, channel: string, progress?: (done: number) => void) {
    let next = 0
    let opened = 0
    const one = async (index: number) => {
      const uid = randomUUID()
      await this.#stream(index, uid)
      for (let attempt = 0; attempt < 3; attempt++) {
        const status = await this.#subscribe(uid, channel).catch(() => 0)
        if (status === 204) {
          opened++
          return
        }
      }
    }
    await Promise.all(
      Array.from({ length: Math.min(64, count) }, async () => {
        while (next < count) {
          const index = next++
          await one(index).catch(() => {})
          if (index % 100 === 0) progress?.(opened)
        }
      })
    )
    progress?.(opened)
    return opened
  }

  #stream(index: number, uid: string) {
    return new Promise<void>((resolve, reject) => {
      const request = http.get(
        `${this.baseUrl}/__transmit/events?uid=${uid}`,
        { headers: this.headers, agent: false },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume()
            return reject(new Error(`SSE ${response.statusCode}`))
          }
          let buffer = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => {
            const at = performance.now()
            if (buffer === '' && chunk.startsWith(':ok')) resolve()
            buffer += chunk
            let end: number
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, end)
              buffer = buffer.slice(end + 2)
              const start = frame.indexOf('data: ')
              if (start < 0) continue
              try {
                this.onMessage(index, JSON.parse(frame.slice(start + 6)), at)
              } catch {}
            }
          })
          response.on('error', () => {})
        }
      )
      request.on('error', reject)
      this.#requests.push(request)
    })
  }

  #subscribe(uid: string, channel: string) {
    return new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ uid, channel })
      const request = http.request(
        `${this.baseUrl}/__transmit/subscribe`,
        {
          method: 'POST',
          agent: this.#agent,
          headers: { ...this.headers, 'content-type': 'application/json' },
        },
        (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        }
      )
      request.on('error', reject)
      request.end(body)
    })
  }

  close() {
    for (const request of this.#requests.splice(0)) request.destroy()
    this.#agent.destroy()
  }
}

function p(values: number[], percentile: number) {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((percentile / 100) * sorted.length) - 1)
  return Math.round(sorted[Math.max(0, index)])
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function get(url: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      .on('error', reject)
  })
}

/** This process's open-files limits (Node cannot raise its own; children get the hard one). */
function fdLimits() {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'))
  const [soft, hard] = (line?.match(/\d+|unlimited/g) ?? []).map((v) =>
    v === 'unlimited' ? 1_048_576 : Number(v)
  )
  return { soft: soft ?? 1024, hard: hard ?? soft ?? 1024 }
}

function procStatus(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0)
  return { rss: Math.round(kib('VmRSS') / 1024), hwm: Math.round(kib('VmHWM') / 1024) }
}

/** User + system CPU time of a process, in ms (clock ticks are 100 Hz on Linux). */
function procCpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}
