import { BaseCheck, Result } from '@adonisjs/core/health'
import { EventBuffer } from '#services/event_buffer'

/**
 * Beacon events the flush set aside because PostgreSQL refused them (the dead-letter stream,
 * see FlushVisitorEvents). Any is a warning on /health/ready, never an outage: the flush keeps
 * running for everything else. Operators read them on the "Eventos rejeitados" page.
 */
export class DeadEventsCheck extends BaseCheck {
  name = 'Rejected tracking events'

  async run() {
    const count = await new EventBuffer().deadCount()
    const message = `${count} tracking events set aside (refused by PostgreSQL)`
    return (count > 0 ? Result.warning(message) : Result.ok(message)).setMetaData({
      deadEvents: count,
    })
  }
}
