/**
 * A local SMTP server that accepts every message and keeps it instead of delivering it: the
 * development mailer of `npm start` (messages shown on the admin's "Caixa de saída" page) and,
 * through tests/helpers/smtp_catcher.ts, the one the tests read their e-mails from.
 *
 * Plain JavaScript: `npm start` (bin/start/mail.ts) and the tests load it as is.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { simpleParser } from 'mailparser'

/** Messages kept in the outbox folder; older files are deleted. */
const OUTBOX_LIMIT = 500

/** The caught message as stored in the outbox and handed to tests. */
function toRecord(parsed, envelope) {
  const addresses = (field) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((entry) =>
      entry.value.map((item) => item.address?.toLowerCase()).filter(Boolean)
    )
  const headerTo = addresses(parsed.to)
  return {
    id: crypto.randomUUID(),
    receivedAt: new Date().toISOString(),
    messageId: parsed.messageId ?? null,
    from: parsed.from?.text ?? envelope.mailFrom?.address ?? '',
    to: headerTo.length
      ? headerTo
      : envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    replyTo: parsed.replyTo?.text ?? null,
    /** Attachments without their bytes (inline images keep their content id). */
    attachments: (parsed.attachments ?? []).map((item) => ({
      filename: item.filename ?? null,
      contentType: item.contentType,
      cid: item.cid ?? null,
      size: item.size,
    })),
  }
}

/**
 * Starts the catcher on host:port (port 0: any free port) and calls `onMessage(record)` for each
 * message. Loopback only, no TLS, any (or no) login accepted: it never leaves this machine.
 */
export function startSmtpCatcher({ host = '127.0.0.1', port = 0, onMessage }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'catcher' })
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          await onMessage(toRecord(parsed, session.envelope))
          callback()
        })
        .catch((error) => callback(error))
    },
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      server.on('error', () => {})
      resolve({
        server,
        port: server.server.address().port,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

/** Writes one message to the outbox folder as `<time>-<id>.json`, keeping the newest ones. */
export function saveToOutbox(dir, record) {
  fs.mkdirSync(dir, { recursive: true })
  const stamp = record.receivedAt.replace(/[:.]/g, '-')
  fs.writeFileSync(path.join(dir, `${stamp}-${record.id}.json`), JSON.stringify(record))
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
  for (const file of files.slice(0, Math.max(0, files.length - OUTBOX_LIMIT))) {
    fs.rmSync(path.join(dir, file), { force: true })
  }
}
