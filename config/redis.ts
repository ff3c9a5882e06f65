import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/** One Redis for cache-like state, the rate limiter and Transmit; BullMQ opens its own connections. */
export const redisUrl = env.get('REDIS_URL', 'redis://127.0.0.1:6379')

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      ...parseRedisUrl(redisUrl),
      keyPrefix: '',
      retryStrategy(times) {
        return times > 10 ? null : times * 50
      },
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
