import { Result, type BaseCheck } from '@adonisjs/core/health'
import env from '#start/env'

/** Per-check budget of /health/ready: the checks run in parallel, so the answer comes in ~1.2 s. */
export const HEALTH_CHECK_TIMEOUT_MS = env.get('HEALTH_CHECK_TIMEOUT_MS') || 1200

/**
 * A check that answers within `timeoutMs` whatever its dependency does: a hung PostgreSQL or
 * Redis (or a queue waiting for one) becomes a failed check in time, so /health/ready says 503
 * before an orchestrator's own probe timeout (docker-compose gives it 5 s) gives up on it.
 */
export function bounded<Check extends BaseCheck>(
  check: Check,
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS
) {
  const run = check.run.bind(check)
  check.run = async () => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<Result>((resolve) => {
      timer = setTimeout(
        () => resolve(Result.failed(`no answer within ${timeoutMs} ms`)),
        timeoutMs
      )
    })
    try {
      return await Promise.race([
        run().catch((error: Error) => Result.failed(error.message, error)),
        timeout,
      ])
    } finally {
      clearTimeout(timer)
    }
  }
  return check
}
