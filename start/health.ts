import { HealthChecks, MemoryHeapCheck } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { RedisCheck } from '@adonisjs/redis'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { QueueDepthCheck } from '#services/queue_depth_check'
import { bounded } from '#services/bounded_health_check'
import { DeadEventsCheck } from '#services/dead_events_check'

/**
 * The heap is judged against V8's own limit, not the default fixed 350 MB: a busy instance (or
 * the test process, which also runs Vite) legitimately passes 350 MB, and taking it out of the
 * load balancer for that would turn load into an outage. Near the limit it is really in danger.
 */
export const healthChecks = new HealthChecks().register([
  new MemoryHeapCheck().warnWhenExceedsPercentage(80).failWhenExceedsPercentage(92),
  bounded(new DbCheck(db.connection())),
  bounded(new RedisCheck(redis.connection())),
  bounded(new QueueDepthCheck()),
  bounded(new DeadEventsCheck()),
])
