import { HealthChecks, MemoryHeapCheck } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { RedisCheck } from '@adonisjs/redis'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { QueueDepthCheck } from '#services/queue_depth_check'

export const healthChecks = new HealthChecks().register([
  new MemoryHeapCheck(),
  new DbCheck(db.connection()),
  new RedisCheck(redis.connection()),
  new QueueDepthCheck(),
])
