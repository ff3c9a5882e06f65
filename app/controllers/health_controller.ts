import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { healthChecks } from '#start/health'
import type { HttpContext } from '@adonisjs/core/http'

const packageVersion: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
).version

/**
 * Liveness (the process answers) and readiness (PostgreSQL, Redis and the queues answer). Both
 * are public but say only `ok`/`error`: pid, versions, memory and queue depths tell an
 * attacker what runs and how loaded it is, so they need HEALTH_TOKEN (`Authorization: Bearer`
 * or `X-Health-Token`). Without HEALTH_TOKEN set, nobody gets the details.
 */
export default class HealthController {
  async live({ response }: HttpContext) {
    response.header('Cache-Control', 'no-store')
    return response.ok({ status: 'ok' })
  }

  async ready({ request, response }: HttpContext) {
    response.header('Cache-Control', 'no-store')
    const report = await healthChecks.run()
    response.status(report.isHealthy ? 200 : 503)
    if (!hasHealthToken(request.header('authorization'), request.header('x-health-token'))) {
      return { status: report.isHealthy ? 'ok' : 'error' }
    }
    const memory = process.memoryUsage()
    return {
      ...report,
      status: report.isHealthy ? 'ok' : 'error',
      app: { version: packageVersion, environment: app.nodeEnvironment },
      process: {
        pid: process.pid,
        node: process.version,
        uptimeSeconds: Math.round(process.uptime()),
        memory: { rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal },
      },
    }
  }
}

/** Whether the request carries HEALTH_TOKEN, compared in constant time. */
function hasHealthToken(authorization: string | undefined, headerToken: string | undefined) {
  const expected = env.get('HEALTH_TOKEN')
  if (!expected) return false
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]
  const given = headerToken ?? bearer
  if (!given) return false
  const digest = (value: string) => createHash('sha256').update(value.trim()).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
