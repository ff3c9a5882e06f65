import childProcess, { type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import {
  StartError,
  colorful,
  dim,
  red,
  step,
  stripAnsi,
  warn,
  yellow,
  type Paint,
} from './console.js'
import { commandLineOf, cwdOf, isAlive, processExists, sleep, waitForExit } from './processes.js'
import type { StartPaths } from './paths.js'

/** How long the web server and the worker get to finish after SIGTERM before SIGKILL. */
export const CHILD_STOP_TIMEOUT_MS = 15_000

/** A long-running child (web, worker) whose output is shown with a `[name]` prefix. */
export interface Service {
  name: string
  child: ChildProcess
}

/**
 * Something `npm start` started besides the services (redis-server, the embedded PostgreSQL,
 * the SMTP catcher): stopped after the services, last started first.
 */
export interface Resource {
  name: string
  /** The pid to record in tmp/start.json, so a later run can stop what a killed run left. */
  pid?: () => number | undefined
  stop: () => Promise<void>
  /** A second Ctrl-C: no more waiting. */
  kill?: () => void
}

/** Forwards a stream line by line, each line behind a coloured `[name]` prefix. */
export function pipeWithPrefix(stream: Readable, prefix: string, out: Writable) {
  readline
    .createInterface({ input: stream, crlfDelay: Infinity })
    .on('line', (line) => out.write(`${prefix} ${line}\n`))
}

/**
 * Owns every process `npm start` starts and stops them all, in order, whatever ends the run:
 * Ctrl-C in the terminal, SIGINT/SIGTERM/SIGHUP sent to this process (by `kill`, by a process
 * supervisor, or forwarded by npm), the parent going away, a child dying, a failed step. The
 * web server and the worker go first (SIGTERM: the worker finishes its jobs), then Redis and
 * PostgreSQL. A record of the pids (tmp/start.json) lets a run stop what a SIGKILLed one left.
 */
export class Supervisor {
  services: Service[] = []
  setupChild: ChildProcess | null = null
  resources: Resource[] = []
  stopping: Promise<void> | null = null
  #firstSignalAt = 0
  #parentWatch?: NodeJS.Timeout

  constructor(
    private paths: StartPaths,
    private exit: (code: number) => void = (code) => process.exit(code)
  ) {}

  /* ---------------------------------------------------------------------------------------- */
  /* Single instance, and what a killed run left behind                                       */
  /* ---------------------------------------------------------------------------------------- */

  readLock(): { pid?: number; children?: number[] } | null {
    try {
      return JSON.parse(fs.readFileSync(this.paths.lock, 'utf8'))
    } catch {
      return null
    }
  }

  writeLock() {
    const children = [
      ...this.services.map((service) => service.child.pid),
      ...this.resources.map((resource) => resource.pid?.()),
    ].filter((pid): pid is number => Boolean(pid))
    fs.writeFileSync(this.paths.lock, JSON.stringify({ pid: process.pid, children }) + '\n')
  }

  /**
   * Refuses to run twice in one directory. When the previous run was killed outright (SIGKILL),
   * its web, worker and redis-server — in process groups of their own — may still be running:
   * they are stopped here (only processes started from this directory).
   */
  async takeLock() {
    fs.mkdirSync(this.paths.tmp, { recursive: true })
    const previous = this.readLock()
    if (previous?.pid && previous.pid !== process.pid && processExists(previous.pid)) {
      if (/start\.(js|ts)/.test(commandLineOf(previous.pid))) {
        throw new StartError(`\`npm start\` já está rodando neste diretório (pid ${previous.pid})`)
      }
    }
    const ours = [this.paths.root.replace(/\/$/, ''), this.paths.tmp.replace(/\/$/, '')]
    const leftovers = (previous?.children ?? []).filter(
      (pid) => processExists(pid) && ours.includes(cwdOf(pid))
    )
    if (leftovers.length) {
      warn(
        `encerrando processos deixados por uma execução anterior interrompida (pids ${leftovers.join(', ')})`
      )
      for (const pid of leftovers) process.kill(pid, 'SIGTERM')
      for (let i = 0; i < 150 && leftovers.some(processExists); i++) await sleep(100)
      for (const pid of leftovers.filter(processExists)) process.kill(pid, 'SIGKILL')
    }
    this.writeLock()
  }

  releaseLock() {
    try {
      if (this.readLock()?.pid === process.pid) fs.rmSync(this.paths.lock)
    } catch {}
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Children                                                                                 */
  /* ---------------------------------------------------------------------------------------- */

  addResource(resource: Resource) {
    this.resources.push(resource)
    this.writeLock()
  }

  /**
   * Runs one set-up command (codegen, migrations, seeder, build) to completion. Its output is
   * kept and shown only when it fails, unless `echo` prints each line (indented) as it comes.
   */
  runSetup(
    command: string,
    args: string[],
    { env, echo = false }: { env?: NodeJS.ProcessEnv; echo?: boolean } = {}
  ) {
    return new Promise<string[]>((resolve, reject) => {
      const output: string[] = []
      const child = childProcess.spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
      this.setupChild = child
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
          output.push(line)
          if (echo && line.trim()) console.log(`  ${dim('│')} ${colorful ? line : stripAnsi(line)}`)
        })
      }
      child.on('error', (error) =>
        reject(new StartError(`não foi possível executar ${command}: ${error.message}`))
      )
      child.on('close', (code, signal) => {
        this.setupChild = null
        /** Stopping (Ctrl-C during set-up): no next step; shutdown() ends the process. */
        if (this.stopping) return
        if (code === 0) return resolve(output)
        reject(
          new StartError(
            `\`${[path.basename(command), ...args].join(' ')}\` falhou (${signal ?? `código ${code}`})`,
            echo ? '' : output.join('\n')
          )
        )
      })
    })
  }

  /** Starts a long-running Node child (web, worker); its death stops everything. */
  startService(name: string, colour: Paint, args: string[], env: NodeJS.ProcessEnv) {
    const prefix = colour(`[${name}]`.padEnd(8))
    const child = childProcess.spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      /** Own process group: Ctrl-C reaches only this script, which sends SIGTERM (graceful stop). */
      detached: true,
    })
    const service = { name, child }
    this.services.push(service)
    this.writeLock()
    pipeWithPrefix(child.stdout!, prefix, process.stdout)
    pipeWithPrefix(child.stderr!, prefix, process.stderr)
    child.on('error', (error) => void this.shutdown(1, `${name}: ${error.message}`))
    child.on('exit', (code, signal) => {
      if (!this.stopping)
        void this.shutdown(1, `${name} terminou (${signal ?? `código ${code}`}); parando o resto`)
    })
    return service
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Shutdown                                                                                 */
  /* ---------------------------------------------------------------------------------------- */

  /**
   * Stops everything in order: web and worker (SIGTERM, they finish what they are doing), a
   * set-up command still running, then the resources (redis-server, embedded PostgreSQL, SMTP
   * catcher), last started first. Idempotent.
   */
  shutdown(code: number, reason?: string) {
    if (this.stopping) return this.stopping
    this.stopping = (async () => {
      clearInterval(this.#parentWatch)
      if (reason) console.log(`\n${code ? red('✖') : yellow('■')} ${reason}`)
      const running = this.services.filter((service) => isAlive(service.child))
      if (running.length) {
        const done = step(`Encerrando ${running.map((service) => service.name).join(' e ')}…`)
        for (const service of running) service.child.kill('SIGTERM')
        const results = await Promise.all(
          running.map((service) => waitForExit(service.child, CHILD_STOP_TIMEOUT_MS))
        )
        running.forEach((service, index) => {
          if (!results[index]) {
            warn(`${service.name} não parou em ${CHILD_STOP_TIMEOUT_MS / 1000} s: SIGKILL`)
            service.child.kill('SIGKILL')
          }
        })
        done('encerrados')
      }
      if (isAlive(this.setupChild)) {
        this.setupChild.kill('SIGTERM')
        await waitForExit(this.setupChild, 5000)
      }
      for (const resource of [...this.resources].reverse()) {
        await resource.stop().catch((error) => console.error(`  ${red('✖')} ${error.message}`))
      }
      this.releaseLock()
      this.exit(code)
    })()
    return this.stopping
  }

  /** A signal: the first stops everything in order; a later one (after 1.5 s) forces. */
  onSignal(signal: NodeJS.Signals) {
    /** One Ctrl-C can arrive twice: from the terminal and forwarded by npm. */
    if (this.stopping && Date.now() - this.#firstSignalAt < 1500) return
    if (this.stopping) {
      console.log(`\n${red('✖')} ${signal} de novo: encerrando à força`)
      this.killAll()
      this.releaseLock()
      this.exit(130)
      return
    }
    this.#firstSignalAt = Date.now()
    void this.shutdown(
      0,
      signal === 'SIGINT' ? 'Ctrl-C: parando tudo…' : `${signal}: parando tudo…`
    )
  }

  killAll() {
    for (const child of [...this.services.map((service) => service.child), this.setupChild]) {
      if (isAlive(child)) child.kill('SIGKILL')
    }
    for (const resource of this.resources) resource.kill?.()
  }

  /**
   * SIGINT, SIGTERM and SIGHUP to this process stop everything. `npm start` runs this script
   * through `exec` (package.json), so the signals npm forwards reach it, not a shell between
   * them; and if the parent goes away all the same (npm SIGKILLed), this process is re-parented
   * and notices within a second. Last resort, on exit without shutdown(): nothing it started
   * outlives it.
   */
  installSignalHandlers() {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => this.onSignal(signal))
    }
    const parent = process.ppid
    this.#parentWatch = setInterval(() => {
      if (process.ppid !== parent) void this.shutdown(0, 'o processo pai terminou: parando tudo…')
    }, 1000)
    this.#parentWatch.unref()
    process.on('exit', () => {
      for (const child of [...this.services.map((service) => service.child), this.setupChild]) {
        if (isAlive(child)) child.kill('SIGTERM')
      }
      for (const resource of this.resources) resource.kill?.()
      this.releaseLock()
    })
  }
}
