import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/** One Redis for cache-like state, the rate limiter and Transmit; BullMQ opens its own connections. */
export const redisUrl = env.get('REDIS_URL', 'redis://127.0.0.1:6379')

const inWeb = app.getEnvironment() === 'web'

/**
 * How long one Redis command of the queues' connection (the beacon's XADD, enqueues) may take
 * before it fails. Short in the web process, where a visitor waits: a hung Redis answers 503
 * within about a second instead of holding the request; longer elsewhere (workers, tests,
 * commands), where a busy machine must not turn a slow reply into a failure.
 * REDIS_COMMAND_TIMEOUT_MS overrides both.
 */
export const redisCommandTimeoutMs = env.get('REDIS_COMMAND_TIMEOUT_MS') || (inWeb ? 600 : 5000)

/**
 * The same for the main connection, which in a request serves the rate limiter (fails open:
 * a timeout only skips the throttle) before the beacon's own XADD: shorter, so a hung Redis
 * costs a beacon two throttle reads plus one write, about a second in all.
 */
const mainCommandTimeoutMs =
  env.get('REDIS_MAIN_COMMAND_TIMEOUT_MS') || (inWeb ? 200 : redisCommandTimeoutMs)

/**
 * Connection options of every non-blocking connection (requests, queues' producers): reconnect
 * forever, at most a second apart, so Redis coming back is noticed within a second; commands
 * caught by a disconnection fail at once (`maxRetriesPerRequest: 0`) instead of waiting for a
 * Redis that may not come back; none waits longer than the command timeout.
 */
export const failFastRedisOptions = {
  commandTimeout: redisCommandTimeoutMs,
  maxRetriesPerRequest: 0,
  retryStrategy: (times: number) => Math.min(times * 100, 1000),
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      ...parseRedisUrl(redisUrl),
      keyPrefix: '',
      ...failFastRedisOptions,
      commandTimeout: mainCommandTimeoutMs,
    },
  },
})

/** Splits `redis://[:password@]host:port[/db]` into ioredis options. */
export function parseRedisUrl(url: string) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
  }
}

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
