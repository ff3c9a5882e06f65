import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * A second web server in its own process (same test database and Redis), for behaviour the
 * in-process test server cannot show: e.g. sessions in Redis, which japa's `loginAs` (memory
 * store only) rules out for the main test server. Listens on PORT + 100.
 */
function testEnv(): Record<string, string> {
  return {
    APP_KEY: env.get('APP_KEY').release(),
    DATABASE_URL: env.get('DATABASE_URL') ?? '',
    REDIS_URL: env.get('REDIS_URL') ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: env.get('QUEUE_PREFIX') ?? 'funil-test',
    LIMITER_STORE: 'memory',
    LOG_LEVEL: 'error',
    TZ: 'UTC',
    /** An empty folder: no developer's .env leaks in, as on a fresh clone in CI. */
    ENV_PATH: mkdtempSync(join(tmpdir(), 'funil-env-')),
  }
}

export class ServerProcess {
  output = ''
  readonly port: number
  #child?: ChildProcess

  /** `port`: another one than PORT + 100 when a test runs two of them. */
  constructor(
    private overrides: Record<string, string> = {},
    private nodeEnv: 'test' | 'production' = 'test',
    port?: number
  ) {
    this.port = port ?? Number(env.get('PORT', 3334)) + 100
  }

  get url() {
    return `http://localhost:${this.port}`
  }

  /** Starts the server and resolves once it answers /health/live. */
  async start(timeoutMs = 60_000) {
    const child = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: this.nodeEnv,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        APP_URL: this.url,
        /** Production reads no .env.test: what the test server runs with, passed explicitly. */
        ...(this.nodeEnv === 'production' ? testEnv() : {}),
        ...this.overrides,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child = child
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()))

    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${this.output}`)
      try {
        const response = await fetch(`${this.url}/health/live`)
        if (response.status < 500) return
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await this.stop()
    throw new Error(`server not ready:\n${this.output}`)
  }

  stop() {
    const child = this.#child
    if (!child || child.exitCode !== null) return Promise.resolve()
    return new Promise<void>((resolve) => {
      child.on('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
}
