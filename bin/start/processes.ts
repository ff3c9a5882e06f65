import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { StartError } from './console.js'

/** Small process and port helpers shared by the start-up modules. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export const isAlive = (child: ChildProcess | null | undefined): child is ChildProcess =>
  Boolean(child) && child!.exitCode === null && child!.signalCode === null

/** Resolves true once the child exited, false after `timeoutMs`. */
export function waitForExit(child: ChildProcess | null | undefined, timeoutMs: number) {
  if (!isAlive(child)) return Promise.resolve(true)
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** Asks whether something listens on host:port. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host })
    const done = (result: boolean) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** Whether this process could listen on host:port right now. */
export function portIsFree(port: number, host = '127.0.0.1') {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

export async function findFreePort(first: number, host = '127.0.0.1') {
  for (let port = first; port < first + 50; port++) {
    if (await portIsFree(port, host)) return port
  }
  throw new StartError(`nenhuma porta livre entre ${first} e ${first + 49} em ${host}`)
}

export function findOnPath(binary: string, searchPath = process.env.PATH ?? '') {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, binary)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {}
  }
  return null
}

/** The command line of a running process (Linux), or '' when unknown. */
export function commandLineOf(pid: number) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/** The working directory of a running process (Linux), or '' when unknown. */
export function cwdOf(pid: number) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`)
  } catch {
    return ''
  }
}

export function processExists(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
