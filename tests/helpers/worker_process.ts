import { spawn, type ChildProcess } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/**
 * The real worker, `node ace worker:run`, in its own process (same test env, same database and
 * Redis): proves that what the web process enqueues is processed elsewhere.
 */
export class WorkerProcess {
  output = ''
  #child?: ChildProcess

  constructor(
    private args: string[] = [],
    private env: Record<string, string> = {}
  ) {}

  /** Starts the worker and resolves once it reports ready. */
  start(timeoutMs = 30_000) {
    return new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['ace', 'worker:run', ...this.args], {
        cwd: app.makePath(),
        env: { ...process.env, ...this.env, NODE_ENV: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      this.#child = child
      const timer = setTimeout(
        () => reject(new Error(`worker not ready:\n${this.output}`)),
        timeoutMs
      )
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString()
        if (this.output.includes('worker ready')) {
          clearTimeout(timer)
          resolve()
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`worker exited with ${code}:\n${this.output}`))
      })
    })
  }

  /** Sends a signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM') {
    const child = this.#child
    /** A child that already died of a signal has no exit code, only a signal code. */
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return Promise.resolve(child?.exitCode ?? null)
    }
    return new Promise<number | null>((resolve) => {
      child.removeAllListeners('exit')
      child.on('exit', (code) => resolve(code))
      child.kill(signal)
    })
  }
}
