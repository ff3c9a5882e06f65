import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

export interface OutboxMessage {
  id: string
  receivedAt: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

/**
 * The development outbox: what the local SMTP catcher of `npm start` received, one JSON file
 * per message (bin/smtp_catcher.js). Never in production, where mail really leaves.
 */
export default class ReadOutbox {
  /**
   * Only outside production and while mail goes to a local catcher: with a real relay the
   * folder is not being filled, and the page (open without a login) must not exist.
   */
  static get enabled() {
    const host = env.get('SMTP_HOST', '127.0.0.1')
    return !app.inProduction && ['127.0.0.1', 'localhost', '::1'].includes(host)
  }

  static get directory() {
    return app.makePath(env.get('MAIL_OUTBOX_DIR', 'tmp/outbox'))
  }

  /** Newest first, without bodies. */
  static async list(limit = 200) {
    const files = await this.#files()
    const messages = await Promise.all(files.slice(0, limit).map((file) => this.#read(file)))
    return messages
      .filter((message): message is OutboxMessage => !!message)
      .map(({ text: _text, html: _html, ...summary }) => summary)
  }

  static async find(id: string) {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null
    const files = await this.#files()
    const file = files.find((name) => name.endsWith(`-${id}.json`))
    return file ? this.#read(file) : null
  }

  static async #files() {
    try {
      const names = await readdir(this.directory)
      return names
        .filter((name) => name.endsWith('.json'))
        .sort()
        .reverse()
    } catch {
      return []
    }
  }

  static async #read(file: string): Promise<OutboxMessage | null> {
    try {
      return JSON.parse(await readFile(path.join(this.directory, file), 'utf8'))
    } catch {
      return null
    }
  }
}
