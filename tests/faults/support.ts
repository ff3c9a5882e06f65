import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, chownSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import pg from 'pg'

/**
 * What the fault suite runs the application against: its own redis-server and its own
 * PostgreSQL cluster (both under /tmp, on their own ports), so it can kill, wipe and stop them
 * without touching the machine's shared services, and real web and worker processes.
 */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The first port from `preferred` up that nothing listens on. */
export async function freePort(preferred: number) {
  for (let port = preferred; port < preferred + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer()
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`no free port from ${preferred}`)
}

function waitForExit(child: ChildProcess | undefined, timeoutMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve()
    }, timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** A redis-server of the suite's own: killed, restarted with its AOF, or wiped. */
export class OwnRedis {
  #child?: ChildProcess
  output = ''

  constructor(
    readonly port: number,
    readonly dir: string
  ) {}

  get url() {
    return `redis://127.0.0.1:${this.port}/0`
  }

  /** Starts it (AOF fsync'd every second when `appendOnly`) and waits until it answers. */
  async start({ appendOnly }: { appendOnly: boolean }) {
    mkdirSync(this.dir, { recursive: true })
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir]
    args.push('--save', '', '--appendonly', appendOnly ? 'yes' : 'no', '--appendfsync', 'everysec')
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    this.#child = child
    child.stdout!.on('data', (chunk) => (this.output = (this.output + chunk).slice(-4000)))
    child.stderr!.on('data', (chunk) => (this.output = (this.output + chunk).slice(-4000)))
    for (let i = 0; i < 100; i++) {
      if ((await this.ping()) === 'PONG') return
      if (child.exitCode !== null) break
      await sleep(100)
    }
    throw new Error(`redis-server did not start on ${this.port}:\n${this.output}`)
  }

  /** PING over a raw socket (no client library state to reset between restarts). */
  ping() {
    return new Promise<string | null>((resolve) => {
      const socket = net.connect(this.port, '127.0.0.1')
      socket.setTimeout(500)
      socket.once('connect', () => socket.write('PING\r\n'))
      socket.once('data', (data) => {
        resolve(data.toString().trim().replace(/^\+/, ''))
        socket.destroy()
      })
      socket.once('error', () => resolve(null))
      socket.once('timeout', () => {
        socket.destroy()
        resolve(null)
      })
    })
  }

  /** Kills the process (SIGKILL: no shutdown save, no goodbye to clients). */
  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    this.#child?.kill(signal)
    await waitForExit(this.#child)
  }

  /** SIGSTOP: the process hangs with its connections open (a frozen or unreachable Redis). */
  pause() {
    this.#child?.kill('SIGSTOP')
  }

  resume() {
    this.#child?.kill('SIGCONT')
  }

  /** Removes its data (the AOF): the next start is an empty Redis. */
  wipe() {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

function findPgBinary(name: string) {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  if (onPath) return onPath
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', name)
    if (existsSync(candidate)) return candidate
  }
  return null
}

/**
 * A PostgreSQL cluster of the suite's own (initdb under /tmp, its own port), stopped and started
 * with pg_ctl: "PostgreSQL down" exactly as the application meets it. As root it runs as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */
export class OwnPostgres {
  readonly database = 'funil_faults'
  readonly kind = 'own cluster (initdb + pg_ctl)'
  readonly dataDir: string
  #asUser: string[] = []

  constructor(
    readonly port: number,
    readonly dir: string
  ) {
    this.dataDir = path.join(dir, 'data')
  }

  static binaries() {
    const initdb = findPgBinary('initdb')
    const pgCtl = findPgBinary('pg_ctl')
    return initdb && pgCtl ? { initdb, pgCtl } : null
  }

  url(database = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  #run(binary: string, args: string[]) {
    const command = this.#asUser.length ? this.#asUser[0] : binary
    const all = this.#asUser.length ? [...this.#asUser.slice(1), binary, ...args] : args
    const result = spawnSync(command, all, { encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0) {
      throw new Error(`${binary} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
    }
    return result.stdout
  }

  async init() {
    const { initdb } = OwnPostgres.binaries()!
    mkdirSync(this.dir, { recursive: true })
    if (process.getuid?.() === 0) {
      const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
      const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
      if (ids.status !== 0) throw new Error('running as root without a postgres user')
      chownSync(this.dir, Number(ids.stdout), Number(gids.stdout))
      this.#asUser = ['runuser', '-u', 'postgres', '--']
    }
    this.#run(initdb, ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync'])
    await this.start()
  }

  async start() {
    const { pgCtl } = OwnPostgres.binaries()!
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`
    this.#run(pgCtl, [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      path.join(this.dir, 'log'),
      '-w',
      'start',
    ])
  }

  /** `pg_ctl stop -m fast`: sessions are terminated, new connections refused. */
  async stop(mode: 'fast' | 'immediate' = 'fast') {
    const { pgCtl } = OwnPostgres.binaries()!
    this.#run(pgCtl, ['-D', this.dataDir, '-m', mode, '-w', 'stop'])
  }

  async destroy() {
    await this.stop('immediate').catch(() => {})
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Where PostgreSQL's own binaries are missing (no `initdb`), the honest stand-in: a TCP proxy
 * in front of the machine's PostgreSQL, in a database of the suite's own. Cutting the proxy
 * (every connection dropped, new ones refused) is "PostgreSQL down" from the application's
 * point of view; the shared server itself is never stopped.
 */
export class ProxiedPostgres {
  readonly database = `funil_faults_${process.pid}`
  readonly kind = 'TCP proxy in front of the shared PostgreSQL'
  #server?: net.Server
  #sockets = new Set<net.Socket>()
  #upstream: URL

  constructor(
    readonly port: number,
    upstreamUrl: string
  ) {
    this.#upstream = new URL(upstreamUrl)
  }

  url(database = 'postgres') {
    return `postgres://${this.#upstream.username || 'postgres'}@127.0.0.1:${this.port}/${database}`
  }

  async init() {
    await this.start()
  }

  start() {
    return new Promise<void>((resolve, reject) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(Number(this.#upstream.port || 5432), this.#upstream.hostname)
        for (const socket of [client, upstream]) {
          this.#sockets.add(socket)
          socket.on('close', () => this.#sockets.delete(socket))
          socket.on('error', () => {
            client.destroy()
            upstream.destroy()
          })
        }
        client.pipe(upstream).pipe(client)
      })
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
      this.#server = server
    })
  }

  /** Refuses new connections and drops the open ones. */
  async stop(_mode?: string) {
    const server = this.#server
    this.#server = undefined
    for (const socket of this.#sockets) socket.destroy()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  }

  async destroy() {
    await this.stop()
    const admin = new pg.Client({ connectionString: this.#upstream.toString() })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
}

/**
 * The suite's PostgreSQL: its own cluster when the server binaries are installed (and, as
 * root, a `postgres` user exists to run it), else the proxy above. FAULTS_POSTGRES=proxy forces
 * the proxy.
 */
export function postgresUnderTest(port: number, dir: string) {
  const rootWithoutUser =
    process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0
  if (process.env.FAULTS_POSTGRES !== 'proxy' && OwnPostgres.binaries() && !rootWithoutUser) {
    return new OwnPostgres(port, dir)
  }
  return new ProxiedPostgres(port, process.env.DATABASE_URL!)
}

/** `node ace <args>` against the suite's services; resolves with its output, throws on failure. */
export function runAce(args: string[], env: Record<string, string>, timeoutMs = 120_000) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: app.makePath(),
      env: { ...process.env, ...env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`node ace ${args.join(' ')} exited with ${code}:\n${output}`))
    })
  })
}

/** The web server (`bin/server.ts`, environment `web`: the request path's short timeouts). */
export class WebProcess {
  output = ''
  #child?: ChildProcess

  constructor(private env: Record<string, string>) {}

  get port() {
    return Number(this.env.PORT)
  }

  async start(timeoutMs = 60_000) {
    const child = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: { ...process.env, ...this.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child = child
    child.stdout!.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)))
    child.stderr!.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)))
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break
      const answer = await request({ port: this.port, path: '/health/live' }).catch(() => null)
      if (answer?.status === 200) return
      await sleep(250)
    }
    throw new Error(`web server did not start:\n${this.output}`)
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    this.#child?.kill(signal)
    await waitForExit(this.#child)
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  ms: number
}

/** One HTTP request to the web process (Host header of our choosing), with its duration. */
export function request(options: {
  port: number
  path: string
  method?: string
  host?: string
  headers?: Record<string, string>
  body?: string
  timeoutMs?: number
  /** Source address (any 127.x.y.z works on Linux): visitors behind different IPs. */
  localAddress?: string
}) {
  const started = performance.now()
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        agent,
        localAddress: options.localAddress,
        headers: {
          host: options.host ?? `127.0.0.1:${options.port}`,
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body,
            ms: performance.now() - started,
          })
        )
      }
    )
    req.on('timeout', () => req.destroy(new Error('request timed out')))
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/**
 * Visitors sending beacons as fast as the server answers them (`concurrency` at a time, a few
 * events each). Every event id is recorded with its answer: 204 = accepted (it must end in
 * visitor_events exactly once), anything else = refused (the browser may retry it).
 */
export class BeaconLoad {
  accepted: string[] = []
  refused: string[] = []
  statuses: Record<string, number> = {}
  /** Refusals: their durations and whether they said when to retry. */
  refusals: Array<{ status: number; ms: number; retryAfter: boolean }> = []
  /** When each accepted event was accepted (ms since epoch), to time the flush's resumption. */
  acceptedAt = new Map<string, number>()
  #running = false
  #loops: Promise<void>[] = []

  constructor(
    private target: { port: number; host: string; funnelId: number; stepId: number },
    private concurrency = 4,
    private eventsPerBeacon = 5,
    private pauseMs = 40
  ) {}

  start() {
    this.#running = true
    this.#loops = Array.from({ length: this.concurrency }, (_, index) => this.#loop(index))
  }

  async stop() {
    this.#running = false
    await Promise.all(this.#loops)
  }

  /**
   * Each loop is a stream of visitors: a new one (session cookie) every 10 beacons, from one of
   * 32 loopback addresses, so the per-visitor and per-IP throttles of the beacon never apply.
   */
  async #loop(index: number) {
    let session = ''
    for (let sent = 0; this.#running; sent++) {
      if (sent % 10 === 0) session = `faults${index}x${randomUUID().replace(/-/g, '')}`
      const localAddress = `127.0.${1 + index}.${1 + (sent % 32)}`
      const ids = Array.from({ length: this.eventsPerBeacon }, () => randomUUID())
      const body = JSON.stringify({
        events: ids.map((id) => ({
          id,
          type: 'page_view',
          funnelId: this.target.funnelId,
          stepId: this.target.stepId,
          url: `https://${this.target.host}/black-friday?utm_source=faults`,
        })),
      })
      const answer = await request({
        port: this.target.port,
        path: '/_funil/e',
        method: 'POST',
        host: this.target.host,
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'cookie': `fd_sid=${session}` },
        body,
        timeoutMs: 10_000,
        localAddress,
      }).catch(() => null)
      const status = answer ? String(answer.status) : 'error'
      this.statuses[status] = (this.statuses[status] ?? 0) + 1
      if (answer?.status === 204) {
        const now = Date.now()
        for (const id of ids) {
          this.accepted.push(id)
          this.acceptedAt.set(id, now)
        }
      } else {
        this.refused.push(...ids)
        if (answer) {
          this.refusals.push({
            status: answer.status,
            ms: answer.ms,
            retryAfter: Boolean(answer.headers['retry-after']),
          })
        }
        await sleep(50)
      }
      await sleep(this.pauseMs)
    }
  }
}
