/**
 * Ace entry point. Commands boot the application only when they set
 * `options.startApp` (migrations, the worker, the seeder).
 */
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { APP_ROOT, importer } from './importer.js'

new Ignitor(APP_ROOT, { importer })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    /**
     * A SIGTERM while the app boots (a worker stopped as it starts, as `npm start` does when
     * stopped right away) is kept until the boot is done: terminating a half-booted app would
     * be undone by the rest of the boot, the signal lost and the worker left running. The
     * command then sees a terminated app (commands/worker_run.ts).
     */
    app.listen('SIGTERM', () =>
      app.isBooted ? app.terminate() : void app.booted(() => app.terminate())
    )
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  /** slice, not splice: config/transmit.ts reads the command name from process.argv. */
  .handle(process.argv.slice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
