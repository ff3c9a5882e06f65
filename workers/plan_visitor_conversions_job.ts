import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import PlanVisitorConversions from '#actions/postbacks/plan_visitor_conversions'

/** Leads and checkout views → server-side conversions and `lead.created` webhooks. */
export default async function planVisitorConversionsJob(
  job: Job<JobPayload<'plan_visitor_conversions'>>
) {
  return PlanVisitorConversions.handle(job.data)
}
