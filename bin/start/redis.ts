import childProcess from 'node:child_process'
import fs from 'node:fs'
import readline from 'node:readline'
import { StartError, info, redactUrl, step, warn } from './console.js'
import type { StartPaths } from './paths.js'
import { findOnPath, isAlive, sleep, waitForExit } from './processes.js'
import type { Supervisor } from './supervisor.js'

/** 'ok', 'down' (nothing answers) or an error message (something answered, but not well). */
export async function pingRedis(url: string) {
  const { Redis } = await import('ioredis')
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
    return (error as Error).message
  } finally {
    client.disconnect()
  }
}

/** The Redis's `appendonly` setting ('yes' / 'no'), or null when CONFIG is not allowed. */
export async function redisAppendOnly(url: string) {
  const { Redis } = await import('ioredis')
  const client = new Redis(url, {
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    const [, value] = (await client.config('GET', 'appendonly')) as string[]
    return value ?? null
  } catch {
    return null
  } finally {
    client.disconnect()
  }
}

/** Whether a Redis URL points at this machine (only then may `npm start` start one). */
export function isLocalRedis(url: string) {
  const { hostname } = new URL(url)
  return ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(hostname)
}

/**
 * The Redis at `url`, or a local `redis-server` started here when nothing answers there (AOF
 * on, data under tmp/redis), registered with the supervisor so it stops after the worker.
 */
export async function ensureRedis(url: string, paths: StartPaths, supervisor: Supervisor) {
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

  const port = Number(new URL(url).port || 6379)
  const binary = isLocalRedis(url) ? findOnPath('redis-server') : null
  if (!binary) {
    throw new StartError(
      `nenhum Redis respondeu em ${redactUrl(url)}: suba um com \`docker compose up -d redis\` ` +
        `ou \`apt-get install redis-server\` (ou aponte REDIS_URL para um Redis)`
    )
  }

  info(`nenhum Redis respondeu; iniciando ${binary} na porta ${port}`)
  fs.mkdirSync(paths.redisData, { recursive: true })
  const output: string[] = []
  const child = childProcess.spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '-::1',
      /**
       * Append-only file, fsync'd every second: a 204 from the beacon means "in Redis's AOF",
       * so a crash of Redis loses nothing it acknowledged and a crash of the machine at most
       * about a second (README, "Durability"). Data under tmp/redis, kept between starts.
       */
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--dir',
      paths.redisData,
      '--daemonize',
      'no',
    ],
    /** Own process group: Ctrl-C must not stop Redis before the worker has finished with it. */
    { cwd: paths.tmp, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  supervisor.addResource({
    name: 'redis-server',
    pid: () => (isAlive(child) ? child.pid : undefined),
    stop: async () => {
      if (!isAlive(child)) return
      child.kill('SIGTERM')
      if (!(await waitForExit(child, 5000))) child.kill('SIGKILL')
    },
    kill: () => {
      if (isAlive(child)) child.kill('SIGKILL')
    },
  })
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      output.push(line)
      if (output.length > 100) output.shift()
    })
  }
  child.on('exit', (code, signal) => {
    if (!supervisor.stopping)
      void supervisor.shutdown(
        1,
        `o redis-server parou inesperadamente (${signal ?? `código ${code}`})`
      )
  })

  for (let i = 0; i < 50; i++) {
    if (!isAlive(child)) break
    if ((await pingRedis(url)) === 'ok')
      return done(`redis-server iniciado (pid ${child.pid}, AOF em ${paths.redisData})`)
    await sleep(200)
  }
  throw new StartError(`o redis-server não respondeu na porta ${port}`, output.join('\n'))
}
