import { healthChecks } from '#start/health'
import type { HttpContext } from '@adonisjs/core/http'

/** Liveness (the process answers) and readiness (PostgreSQL and Redis answer). */
export default class HealthController {
  async live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  async ready({ response }: HttpContext) {
    const report = await healthChecks.run()
    return report.isHealthy ? response.ok(report) : response.serviceUnavailable(report)
  }
}
