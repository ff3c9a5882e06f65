/** Types of bin/smtp_catcher.js (plain JavaScript, loaded by bin/start/mail.ts and the tests). */
export interface CaughtMessage {
  id: string
  receivedAt: string
  messageId: string | null
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  replyTo?: string | null
  attachments?: Array<{
    filename: string | null
    contentType: string
    cid: string | null
    size: number
  }>
}

export interface RunningCatcher {
  port: number
  close(): Promise<void>
}

export function startSmtpCatcher(options: {
  host?: string
  port?: number
  onMessage: (message: CaughtMessage) => void | Promise<void>
}): Promise<RunningCatcher>

export function saveToOutbox(dir: string, message: CaughtMessage): void
