import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import RunExport from '#actions/exports/run_export'

/** Writes one background CSV export to its file (the row keeps the progress). */
export default async function runExportJob(job: Job<JobPayload<'run_export'>>) {
  return RunExport.handle(job.data)
}
