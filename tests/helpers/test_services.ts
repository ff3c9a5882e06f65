import pg from 'pg'
import { Redis } from 'ioredis'
import { parseRedisUrl } from '#config/redis'

/**
 * What `node ace test` needs before its first migration: PostgreSQL answering, the test
 * database present (created when missing, so a fresh clone or a new DATABASE_URL just works)
 * and Redis answering. Each check gives up after a few seconds with a message that says which
 * service, where, and what to do — the suite never hangs on a missing service.
 */
export class TestServiceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TestServiceError'
  }
}

export interface TestServicesInput {
  /** A `postgres://` URL; when absent, the DB_* parts (as config/database.ts reads them). */
  databaseUrl?: string
  db?: { host?: string; port?: number; user?: string; password?: string; database?: string }
  redisUrl: string
  timeoutMs?: number
}

interface PgTarget {
  host: string
  port: number
  user: string
  password?: string
  database: string
}

function pgTarget(input: TestServicesInput): PgTarget {
  if (input.databaseUrl) {
    const url = new URL(input.databaseUrl)
    return {
      host: url.hostname || '127.0.0.1',
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'postgres'),
      password: url.password ? decodeURIComponent(url.password) : undefined,
      database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
    }
  }
  return {
    host: input.db?.host ?? '127.0.0.1',
    port: input.db?.port ?? 5432,
    user: input.db?.user ?? 'postgres',
    password: input.db?.password || undefined,
    database: input.db?.database ?? 'funil',
  }
}

/** Rejects after `ms` (so a hung socket never blocks the suite). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms (${what})`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/**
 * Connects to the `postgres` maintenance database of the server and creates the test database
 * when it is missing. Returns whether it was created.
 */
export async function ensureTestDatabase(input: TestServicesInput): Promise<boolean> {
  const target = pgTarget(input)
  const timeoutMs = input.timeoutMs ?? 3000
  const where = `${target.host}:${target.port}`
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: 'postgres',
    connectionTimeoutMillis: timeoutMs,
  })
  /** A socket error after a failed connect must not crash the process. */
  client.on('error', () => {})
  try {
    await within(client.connect(), timeoutMs + 500, 'connect')
  } catch (error) {
    await client.end().catch(() => {})
    throw new TestServiceError(
      `PostgreSQL is unreachable at ${where} (${(error as Error).message}). ` +
        `Start PostgreSQL or point DATABASE_URL at a running server.`
    )
  }
  try {
    const found = await within(
      client.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.database]),
      timeoutMs,
      'query'
    )
    if (found.rowCount) return false
    const quoted = `"${target.database.replace(/"/g, '""')}"`
    try {
      await within(client.query(`CREATE DATABASE ${quoted}`), 30_000, 'CREATE DATABASE')
    } catch (error: any) {
      /** Another runner created it meanwhile: fine. */
      if (error?.code === '42P04') return false
      throw new TestServiceError(
        `Could not create the test database "${target.database}" on ${where}: ${error.message}`
      )
    }
    return true
  } finally {
    await client.end().catch(() => {})
  }
}

/** PINGs Redis once, without retries. */
export async function pingRedis(input: TestServicesInput): Promise<void> {
  const timeoutMs = input.timeoutMs ?? 3000
  const options = parseRedisUrl(input.redisUrl)
  const redis = new Redis({
    ...options,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
  let lastError: Error | null = null
  redis.on('error', (error) => {
    lastError = error
  })
  try {
    await within(
      redis.connect().then(() => redis.ping()),
      timeoutMs + 500,
      'PING'
    )
  } catch (error) {
    throw new TestServiceError(
      `Redis is unreachable at ${options.host}:${options.port} ` +
        `(${(lastError ?? (error as Error)).message}). ` +
        `Start Redis or point REDIS_URL at a running server.`
    )
  } finally {
    redis.disconnect()
  }
}

/** Both checks; the first failure wins. */
export async function prepareTestServices(input: TestServicesInput) {
  const created = await ensureTestDatabase(input)
  await pingRedis(input)
  return { created, database: pgTarget(input).database }
}
