import app from '@adonisjs/core/services/app'
import type { QueueManager } from '#queues/queue_manager'

/** The application's queue manager (registered by providers/queue_provider.ts). */
let queue: QueueManager

await app.booted(async () => {
  queue = await app.container.make('queue')
})

export { queue as default }
