import { step } from './console.js'
import type { StartPaths } from './paths.js'
import { findFreePort } from './processes.js'
import type { Supervisor } from './supervisor.js'

/**
 * Without SMTP_HOST, development mail stays on this machine: a local SMTP server (the same
 * catcher the tests use) on a free port from 2525 keeps every message under tmp/outbox.
 */
export async function startMailCatcher(paths: StartPaths, supervisor: Supervisor) {
  const done = step('Iniciando o SMTP local (caixa de saída de desenvolvimento)…')
  const { startSmtpCatcher, saveToOutbox } = await import('../smtp_catcher.js')
  const port = await findFreePort(2525)
  const catcher = await startSmtpCatcher({
    host: '127.0.0.1',
    port,
    onMessage: (message) => saveToOutbox(paths.outbox, message),
  })
  supervisor.addResource({ name: 'smtp', stop: () => catcher.close() })
  done(`SMTP em 127.0.0.1:${port}, mensagens em tmp/outbox`)
  return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), MAIL_OUTBOX_DIR: paths.outbox }
}
