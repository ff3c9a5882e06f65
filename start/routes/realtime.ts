import transmit from '@adonisjs/transmit/services/main'

/**
 * Transmit's SSE endpoints (`/__transmit/events`, `subscribe`, `unsubscribe`). Channel
 * authorization (workspace members only) lives in start/transmit.ts.
 */
transmit.registerRoutes()
