import { Worker } from 'bullmq'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { processJob } from '#workers/processors'
import {
  startSmtpCatcher,
  saveToOutbox,
  type CaughtMessage,
  type RunningCatcher,
} from '../../bin/smtp_catcher.js'

export type { CaughtMessage }

/**
 * A real SMTP server on loopback (the same catcher `npm start` runs), on SMTP_PORT so that the
 * application's mailer reaches it, plus a BullMQ worker for the `mail` queue in this process:
 * a request enqueues, the worker renders and sends over SMTP, the test reads what arrived.
 */
export class SmtpCatcher {
  messages: CaughtMessage[] = []
  #catcher?: RunningCatcher
  #worker?: Worker
  #waiters: Array<() => void> = []

  constructor(private options: { outboxDir?: string } = {}) {}

  /** Starts the SMTP server and the mail worker; clears the mail queue of earlier runs. */
  async start() {
    const manager = await app.container.make('queue')
    await manager.queue('mail').obliterate({ force: true })
    await this.startSmtp()
    this.#worker = new Worker('mail', (job, token) => processJob('mail', job, token), {
      connection: manager.workerConnectionOptions(),
      prefix: manager.prefix,
      concurrency: 2,
    })
    await this.#worker.waitUntilReady()
    return this
  }

  /** (Re)opens the SMTP server alone: with `stopSmtp`, simulates a relay that is down. */
  async startSmtp() {
    this.#catcher = await startSmtpCatcher({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 2525),
      onMessage: (message) => {
        this.messages.push(message)
        if (this.options.outboxDir) saveToOutbox(this.options.outboxDir, message)
        for (const wake of this.#waiters.splice(0)) wake()
      },
    })
  }

  async stopSmtp() {
    await this.#catcher?.close()
    this.#catcher = undefined
  }

  /** Messages received by an address. */
  to(address: string) {
    return this.messages.filter((message) => message.to.includes(address.toLowerCase()))
  }

  /** Waits for the n-th message to an address (1 = first), failing after `timeoutMs`. */
  async waitFor(address: string, { count = 1, timeoutMs = 10_000 } = {}) {
    const deadline = Date.now() + timeoutMs
    while (this.to(address).length < count) {
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new Error(
          `no e-mail #${count} to ${address} within ${timeoutMs} ms (got: ${this.messages
            .map((m) => `${m.to.join(',')}: ${m.subject}`)
            .join(' | ')})`
        )
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250))
        this.#waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.to(address)[count - 1]
  }

  /** Waits until the mail queue has nothing waiting, active or delayed (nothing more to come). */
  async settle(timeoutMs = 10_000) {
    const manager = await app.container.make('queue')
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const counts = await manager.queue('mail').getJobCounts('waiting', 'active', 'delayed')
      if (!counts.waiting && !counts.active && !counts.delayed) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('mail queue did not drain')
  }

  async close() {
    await this.#worker?.close()
    await this.#catcher?.close()
  }
}

/** The first link of a message's text body whose path starts with `pathPrefix`. */
export function linkIn(message: CaughtMessage, pathPrefix: string) {
  const links = message.text.match(/https?:\/\/[^\s<>"]+/g) ?? []
  const link = links.find((url) => new URL(url).pathname.startsWith(pathPrefix))
  if (!link) throw new Error(`no ${pathPrefix} link in "${message.subject}":\n${message.text}`)
  return link
}

/** The path (and query) of a link, for the API client which talks to the test server. */
export function pathOf(link: string) {
  const url = new URL(link)
  return `${url.pathname}${url.search}`
}
