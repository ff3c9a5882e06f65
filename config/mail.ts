import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

/**
 * One SMTP mailer. In development `npm start` runs a local catcher and points SMTP_HOST/PORT at
 * it (messages land in the "Caixa de saída" page); tests start their own catcher on loopback;
 * production sets SMTP_* to a real relay. Nothing is ever sent inside a request: messages go
 * through the `mail` queue (start/mail.ts) and a worker delivers them.
 */
const username = env.get('SMTP_USERNAME')
const password = env.get('SMTP_PASSWORD')?.release()

const mailConfig = defineConfig({
  default: 'smtp',
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'nao-responda@funil.local'),
    name: env.get('MAIL_FROM_NAME', 'Funil Digital'),
  },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 2525),
      secure: env.get('SMTP_SECURE', false),
      ...(username
        ? { auth: { type: 'login' as const, user: username, pass: password ?? '' } }
        : {}),
      /** A stuck relay fails the job (and BullMQ retries it) instead of holding a worker slot. */
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
