import { HealthChecks, MemoryHeapCheck } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { RedisCheck } from '@adonisjs/redis'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { QueueDepthCheck } from '#services/queue_depth_check'
import { bounded } from '#services/bounded_health_check'
import { DeadEventsCheck } from '#services/dead_events_check'

export const healthChecks = new HealthChecks().register([
  new MemoryHeapCheck(),
  bounded(new DbCheck(db.connection())),
  bounded(new RedisCheck(redis.connection())),
  bounded(new QueueDepthCheck()),
  bounded(new DeadEventsCheck()),
])
