import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import { parseRedisUrl, redisUrl } from '#config/redis'

/**
 * Broadcasts go through Redis so every web instance and every worker reaches every subscriber.
 * During `warmup` (codegen) no transport is opened, or the command would never exit.
 */
export default defineConfig({
  pingInterval: '30s',
  transport:
    app.getMode() === 'warmup'
      ? null
      : { driver: redis({ ...parseRedisUrl(redisUrl), keyPrefix: 'transmit' }) },
})
