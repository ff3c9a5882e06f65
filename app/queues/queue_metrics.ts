import type { Job } from 'bullmq'
import type { Redis } from 'ioredis'
import type { QueueName } from '#queues/definitions'

/** Minutes of history the metrics cover (per-minute buckets, each expiring after it). */
export const METRICS_WINDOW_MINUTES = 60

/** What one queue did over the window: the figures /health/ready and "Entregas" show. */
export type QueueMetrics = {
  windowMinutes: number
  /** Jobs that finished well. */
  completed: number
  /** Attempts that threw (a retried job counts once per failed attempt). */
  failed: number
  /** Time between when a job was due (created + delay) and when a worker took it. */
  waitMs: { avg: number | null; max: number | null }
  /** Time a worker spent on one attempt. */
  processMs: { avg: number | null; max: number | null }
}

/**
 * One Redis hash per queue and minute, updated atomically: counters, sums and maxima. Cheap to
 * write from every job and to read in one pipeline, and it forgets by itself (EXPIRE).
 */
const RECORD = `
local key = KEYS[1]
redis.call('HINCRBY', key, ARGV[1], 1)
local wait = tonumber(ARGV[2])
if wait >= 0 then
  redis.call('HINCRBY', key, 'waitCount', 1)
  redis.call('HINCRBY', key, 'waitSum', wait)
  if wait > tonumber(redis.call('HGET', key, 'waitMax') or '-1') then
    redis.call('HSET', key, 'waitMax', wait)
  end
end
local took = tonumber(ARGV[3])
if took >= 0 then
  redis.call('HINCRBY', key, 'processCount', 1)
  redis.call('HINCRBY', key, 'processSum', took)
  if took > tonumber(redis.call('HGET', key, 'processMax') or '-1') then
    redis.call('HSET', key, 'processMax', took)
  end
end
redis.call('EXPIRE', key, ARGV[4])
return 1
`

const bucketKey = (prefix: string, queue: QueueName, minute: number) =>
  `${prefix}:metrics:${queue}:${minute}`

/**
 * Records one finished attempt (called by the worker on `completed` and `failed`). The wait is
 * measured on a job's first attempt only: a retry's start also includes its backoff, which is
 * policy, not a backlog.
 */
export async function recordJobOutcome(
  redis: Redis,
  prefix: string,
  queue: QueueName,
  job: Pick<Job, 'timestamp' | 'delay' | 'processedOn' | 'finishedOn' | 'attemptsStarted'>,
  outcome: 'completed' | 'failed',
  now = Date.now()
) {
  const started = job.processedOn
  const wait =
    started && (job.attemptsStarted ?? 1) <= 1
      ? Math.max(0, started - job.timestamp - (job.delay ?? 0))
      : -1
  const took = started ? Math.max(0, (job.finishedOn ?? now) - started) : -1
  const minute = Math.floor(now / 60_000)
  await redis.eval(
    RECORD,
    1,
    bucketKey(prefix, queue, minute),
    outcome,
    Math.round(wait),
    Math.round(took),
    (METRICS_WINDOW_MINUTES + 1) * 60
  )
}

/** The last `windowMinutes` of every queue given, in one round trip. */
export async function readQueueMetrics(
  redis: Redis,
  prefix: string,
  queues: readonly QueueName[],
  { windowMinutes = METRICS_WINDOW_MINUTES, now = Date.now() } = {}
): Promise<Record<QueueName, QueueMetrics>> {
  const current = Math.floor(now / 60_000)
  const pipeline = redis.pipeline()
  for (const queue of queues) {
    for (let minute = current - windowMinutes + 1; minute <= current; minute++) {
      pipeline.hgetall(bucketKey(prefix, queue, minute))
    }
  }
  const results = (await pipeline.exec()) ?? []
  const result = {} as Record<QueueName, QueueMetrics>
  queues.forEach((queue, index) => {
    const buckets = results
      .slice(index * windowMinutes, (index + 1) * windowMinutes)
      .map(([error, value]) => {
        if (error) throw error
        return value as Record<string, string>
      })
    const sum = (field: string) => buckets.reduce((total, b) => total + Number(b[field] ?? 0), 0)
    const max = (field: string) =>
      buckets.reduce<number | null>(
        (highest, b) =>
          b[field] === undefined ? highest : Math.max(highest ?? 0, Number(b[field])),
        null
      )
    const average = (name: 'wait' | 'process') => {
      const count = sum(`${name}Count`)
      return count ? Math.round(sum(`${name}Sum`) / count) : null
    }
    result[queue] = {
      windowMinutes,
      completed: sum('completed'),
      failed: sum('failed'),
      waitMs: { avg: average('wait'), max: max('waitMax') },
      processMs: { avg: average('process'), max: max('processMax') },
    }
  })
  return result
}
