import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { Worker } from 'bullmq'
import { QUEUES, type QueueName } from '#queues/definitions'
import { processJob } from '#workers/processors'
import { ScheduleKeeper } from '#workers/schedules'
import env from '#start/env'
import logger from '@adonisjs/core/services/logger'

/**
 * Jobs at once per queue unless `WORKER_CONCURRENCY_<QUEUE>` says otherwise. Postbacks mostly
 * wait on other companies' servers and hold no database connection meanwhile (leases), so they
 * run wider than the database-bound queues. Webhooks are the live path (postback → paid on the
 * admin's screen): a burst of payments paid at once waited in line behind 5 slots (bench:live
 * saw 3.3 s of queue wait at p50 for 50 postbacks); each job is a few short statements and a
 * gateway read, so 25 run at once and share the pool's connections instead of queueing.
 */
const DEFAULT_CONCURRENCY: Partial<Record<QueueName, number>> = {
  postbacks: 20,
  webhooks: 25,
  exports: 2,
}

/**
 * Starts the BullMQ workers inside the booted application (models, Transmit, config) without
 * the HTTP server. Run as many processes as needed: Redis and PostgreSQL are the only shared
 * state. On SIGTERM the workers stop taking jobs, finish the current ones, then exit.
 */
export default class WorkerRun extends BaseCommand {
  static commandName = 'worker:run'
  static description = 'Start the background workers (payments, webhooks, postbacks, tracking)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ description: 'Queues to process (default: all)' })
  declare queues?: string[]

  @flags.boolean({
    description: 'Assert the repeatable jobs, at start and every minute (--no-schedules to skip)',
    default: true,
    showNegatedVariantInHelp: true,
  })
  declare schedules: boolean

  async run() {
    /**
     * A SIGTERM that arrived while the app was booting (`npm start` stopped right after it
     * started) already ran the terminating hooks: starting the workers now would leave a
     * process nobody stops.
     */
    if (this.app.isTerminating || this.app.isTerminated) return this.terminate()
    const manager = await this.app.container.make('queue')
    const names = (this.queues?.length ? this.queues : Object.values(QUEUES)) as QueueName[]
    const unknown = names.filter((name) => !Object.values(QUEUES).includes(name))
    if (unknown.length) {
      this.logger.error(`Unknown queues: ${unknown.join(', ')}`)
      this.exitCode = 1
      return this.terminate()
    }

    const workers = names.map((name) => {
      const worker = new Worker(name, (job, token) => processJob(name, job, token), {
        connection: manager.workerConnectionOptions(),
        prefix: manager.prefix,
        concurrency:
          env.get(`WORKER_CONCURRENCY_${name.toUpperCase() as Uppercase<QueueName>}`) ??
          DEFAULT_CONCURRENCY[name] ??
          5,
        /** A killed worker's jobs come back after the lock expires (stalled-job recovery). */
        lockDuration: env.get('WORKER_LOCK_DURATION_MS') ?? 30_000,
        stalledInterval: env.get('WORKER_STALLED_INTERVAL_MS') ?? 30_000,
      })
      /**
       * One structured line per failed attempt, searchable by job, queue and workspace; the
       * stack is kept (pino's `err` serializer; the CLI logger would print a string) and `final` says whether BullMQ will retry.
       */
      worker.on('completed', (job) => void manager.recordOutcome(name, job, 'completed'))
      worker.on('failed', (job, error) => {
        if (job) void manager.recordOutcome(name, job, 'failed')
        const attempts = job?.opts.attempts ?? 1
        logger.error(
          {
            queue: name,
            job: job?.name,
            jobId: job?.id,
            workspaceId: (job?.data as { workspaceId?: number } | undefined)?.workspaceId ?? null,
            attempt: job?.attemptsMade,
            attempts,
            final: (job?.attemptsMade ?? 0) >= attempts,
            err: error,
          },
          `job ${name}/${job?.name} failed`
        )
      })
      worker.on('error', (error) => this.logger.error(`[${name}] ${error.message}`))
      return worker
    })

    /** Schedules live in Redis only: asserted now and kept asserted (see ScheduleKeeper). */
    const keeper = this.schedules ? new ScheduleKeeper(manager) : undefined
    const stop = async () => {
      keeper?.stop()
      await Promise.all(workers.map((worker) => worker.close()))
    }
    this.app.terminating(stop)
    /**
     * A SIGTERM that arrived while the queue manager was being resolved (above) ran the
     * terminating hooks before this one existed: stop what was just opened, and exit.
     */
    if (this.app.isTerminating || this.app.isTerminated) {
      await stop()
      await manager.close()
      return this.terminate()
    }

    await keeper?.start()
    await Promise.all(workers.map((worker) => worker.waitUntilReady()))
    if (this.app.isTerminating || this.app.isTerminated) return
    this.logger.info(`worker ready: ${names.join(', ')} (prefix ${manager.prefix})`)
  }
}
