import type { Job } from 'bullmq'
import type { QueueName } from '#queues/definitions'
import { JOBS, isJobName, type JobName, type Processor } from '#queues/jobs'

/**
 * Runs a job with the processor the registry (app/queues/jobs.ts) declares for it. Processors
 * are thin: they read the payload and call an action from app/actions, the same one the web
 * process uses. An unknown job name, or a job on a queue the registry does not put it on,
 * fails loudly instead of vanishing.
 */
export async function processJob(queue: QueueName, job: Job, token?: string) {
  if (!isJobName(job.name) || JOBS[job.name].queue !== queue) {
    throw new Error(`No processor for job "${job.name}" on queue "${queue}"`)
  }
  const { default: processor } = await (
    JOBS[job.name].processor as () => Promise<{
      default: Processor<JobName>
    }>
  )()
  return processor(job, token)
}
