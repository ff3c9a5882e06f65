import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import { parseRedisUrl, redisUrl } from '#config/redis'
import env from '#start/env'

/**
 * Broadcasts go through Redis so every web instance and every worker reaches every subscriber.
 * Only processes that live long enough to broadcast open the transport: the web server, the
 * tests and the workers. A short ace command (codegen's `warmup`, `demo:seed`, `user:create`)
 * would otherwise start a SUBSCRIBE at boot and exit before Redis answers it, and ioredis then
 * rejects the pending command with "Connection is closed" as an unhandled error (exit 1).
 */
const broadcasts =
  app.getMode() !== 'warmup' &&
  (['web', 'test'].includes(app.getEnvironment()) ||
    process.argv.includes('worker:run') ||
    process.argv.includes('bench:live'))

/**
 * Redis pub/sub ignores the database number and ioredis' keyPrefix: without a channel of its
 * own, every environment on one Redis (tests, a dev server, a staging) heard every other one's
 * broadcasts on `transmit::broadcast`. The queue prefix already names the environment.
 */
const channel = `${env.get('QUEUE_PREFIX', `funil-${env.get('NODE_ENV')}`)}:transmit::broadcast`

export default defineConfig({
  pingInterval: '30s',
  transport: broadcasts
    ? { driver: redis({ ...parseRedisUrl(redisUrl), keyPrefix: 'transmit' }), channel }
    : null,
})
