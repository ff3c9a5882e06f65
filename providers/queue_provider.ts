import type { ApplicationService } from '@adonisjs/core/types'
import { QueueManager } from '#queues/queue_manager'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    queue: QueueManager
  }
}

/** Registers the BullMQ queue manager and closes every queue when the app terminates. */
export default class QueueProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('queue', () => new QueueManager())
  }

  async shutdown() {
    const manager = await this.app.container.make('queue')
    await manager.close()
  }
}
