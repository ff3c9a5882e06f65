/**
 * `npm start`: Funil Digital on one machine, in one command (bin/start.js checks the Node version
 * and loads this file through the TypeScript loader the app already uses).
 *
 * 1. `.env` from `.env.example` with a fresh APP_KEY when it is missing (env.ts);
 * 2. PostgreSQL: DATABASE_URL when set, otherwise an embedded PostgreSQL with its data under
 *    tmp/pg, on a free port from 5433 (postgres.ts);
 * 3. Redis at REDIS_URL (default redis://127.0.0.1:6379), or a local `redis-server` started here
 *    (redis.ts); mail goes to SMTP_HOST when set, otherwise to a local SMTP catcher (mail.ts);
 * 4. `node ace codegen`, `node ace migration:run --force`, `node ace demo:seed`, and a Vite build
 *    of the interface when public/assets has none or an older one (build.ts);
 * 5. the web server and one worker, with prefixed output, until Ctrl-C, a SIGINT/SIGTERM/SIGHUP
 *    to this process, or one of them dying: then everything stops in order (supervisor.ts).
 */
import path from 'node:path'
import { interfaceBuildReason, viteBuildCommand } from './build.js'
import {
  StartError,
  bold,
  colorful,
  cyan,
  dim,
  magenta,
  redactUrl,
  seconds,
  step,
  stripAnsi,
} from './console.js'
import { demoFunnelUrl, ensureDotEnv, localAppUrl, settings } from './env.js'
import { startMailCatcher } from './mail.js'
import { startPaths } from './paths.js'
import { startEmbeddedPostgres } from './postgres.js'
import { canConnect, isAlive, portIsFree, sleep } from './processes.js'
import { ensureRedis } from './redis.js'
import { Supervisor, type Service } from './supervisor.js'

const startedAt = performance.now()
const paths = startPaths()
process.chdir(paths.root)
const supervisor = new Supervisor(paths)
supervisor.installSignalHandlers()

async function waitForHttp(port: number, host: string, service: Service) {
  for (let i = 0; i < 240; i++) {
    if (!isAlive(service.child) || supervisor.stopping) return false
    if (await canConnect(port, host)) return true
    await sleep(250)
  }
  return false
}

async function main() {
  console.log(bold('Funil Digital') + dim(` — iniciando (Node ${process.version})`))
  await supervisor.takeLock()
  const setting = settings(ensureDotEnv(paths.root))

  const port = Number(setting('PORT', '3333'))
  const host = setting('HOST', '0.0.0.0')
  const probeHost = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host
  if (!(await portIsFree(port, probeHost)) || (await canConnect(port, probeHost))) {
    throw new StartError(
      `a porta ${port} já está em uso: pare o outro processo ou defina PORT (em .env ou no ambiente)`
    )
  }

  let databaseUrl = setting('DATABASE_URL')
  if (databaseUrl) {
    console.log(`${cyan('▶')} PostgreSQL de DATABASE_URL: ${redactUrl(databaseUrl)}`)
  } else {
    databaseUrl = await startEmbeddedPostgres(paths, supervisor)
  }

  const redisUrl = setting('REDIS_URL', 'redis://127.0.0.1:6379')
  await ensureRedis(redisUrl, paths, supervisor)

  const smtpHost = setting('SMTP_HOST')
  const mailEnv = smtpHost ? {} : await startMailCatcher(paths, supervisor)
  if (smtpHost)
    console.log(`${cyan('▶')} E-mails via SMTP em ${smtpHost}:${setting('SMTP_PORT', '587')}`)

  const appUrl = localAppUrl(setting('APP_URL'), port)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...mailEnv,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    APP_URL: appUrl,
  }
  if (colorful && !env.NO_COLOR) env.FORCE_COLOR ??= '1'
  const ace = (...args: string[]) => [path.join(paths.root, 'ace.js'), ...args]

  let done = step('Gerando índices (node ace codegen)…')
  await supervisor.runSetup(process.execPath, ace('codegen'), { env })
  done()

  done = step('Aplicando migrações…')
  const migrated = await supervisor.runSetup(process.execPath, ace('migration:run', '--force'), {
    env,
  })
  const applied = migrated.filter((line) => /migrated/i.test(stripAnsi(line))).length
  done(applied ? `${applied} migração(ões) aplicada(s)` : 'banco já estava atualizado')

  done = step('Preparando dados de demonstração (node ace demo:seed)…')
  const seedOutput = await supervisor.runSetup(process.execPath, ace('demo:seed'), {
    env,
    echo: true,
  })
  const seeded = seedOutput.map(stripAnsi)
  const loginLine = seeded.find((line) => /login\s*:/i.test(line))
  done()

  const reason = interfaceBuildReason(paths.root, paths.viteManifest)
  if (reason) {
    done = step(`Compilando interface… (${reason})`)
    const [command, args] = viteBuildCommand(paths.root)
    await supervisor.runSetup(command, args, { env })
    done('interface compilada em public/assets')
  }

  if (supervisor.stopping) return
  done = step('Iniciando servidor web e worker…')
  const web = supervisor.startService(
    'web',
    cyan,
    ['--import=@poppinss/ts-exec', path.join(paths.root, 'bin/server.ts')],
    env
  )
  supervisor.startService('worker', magenta, ace('worker:run'), env)
  if (!(await waitForHttp(port, probeHost, web))) {
    if (!supervisor.stopping)
      await supervisor.shutdown(1, `o servidor web não abriu a porta ${port}`)
    return
  }
  done(`web ouvindo na porta ${port}`)

  const funnelUrl = demoFunnelUrl(seeded, {
    appUrl,
    port,
    publicDomain: setting('PUBLIC_DOMAIN') || setting('APP_DOMAIN', 'localhost'),
  })
  const rule = dim('─'.repeat(60))
  console.log(`\n${rule}`)
  console.log(
    `  ${bold('Funil Digital no ar')} ${dim(`(em ${seconds(performance.now() - startedAt)})`)}`
  )
  console.log(`  Admin:  ${bold(appUrl)}`)
  if (loginLine) console.log(`  ${loginLine.trim()}`)
  if (funnelUrl) console.log(`  Funil demo: ${bold(funnelUrl)}`)
  if (!smtpHost) console.log(`  Caixa de saída (e-mails enviados): ${bold(`${appUrl}/outbox`)}`)
  console.log(`  ${dim('Ctrl-C para parar tudo.')}`)
  console.log(`${rule}\n`)
}

main().catch((error) => {
  if (supervisor.stopping) return
  if (error instanceof StartError) {
    if (error.details) console.error(dim(error.details.trimEnd()))
    void supervisor.shutdown(1, error.message)
  } else {
    console.error(error)
    void supervisor.shutdown(1, 'erro inesperado ao iniciar')
  }
})
