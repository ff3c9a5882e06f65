import transmit from '@adonisjs/transmit/services/main'
import { middleware } from '#start/kernel'

/**
 * Transmit's SSE endpoints (`/__transmit/events`, `subscribe`, `unsubscribe`), each for the
 * stream's owner only (stream_owner_middleware). Channel authorization (workspace members
 * only) lives in start/transmit.ts.
 */
transmit.registerRoutes((route) => route.use(middleware.streamOwner()))
