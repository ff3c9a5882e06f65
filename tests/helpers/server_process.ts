import { spawn, type ChildProcess } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * A second web server in its own process (same test database and Redis), for behaviour the
 * in-process test server cannot show: e.g. sessions in Redis, which japa's `loginAs` (memory
 * store only) rules out for the main test server. Listens on PORT + 100.
 */
export class ServerProcess {
  output = ''
  readonly port = Number(env.get('PORT', 3334)) + 100
  #child?: ChildProcess

  constructor(private env: Record<string, string> = {}) {}

  get url() {
    return `http://localhost:${this.port}`
  }

  /** Starts the server and resolves once it answers /health/live. */
  async start(timeoutMs = 60_000) {
    const child = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        ...this.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        APP_URL: this.url,
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
