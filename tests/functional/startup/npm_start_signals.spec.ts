import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { findFreePort, processExists } from '../../../bin/start/processes.js'
import { waitUntil } from '#tests/helpers/wait_until'

/** Every process below `pid` (by parent pid, so detached process groups count too). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      /** `pid (comm) state ppid …`: comm may hold spaces, so read after its closing paren. */
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
    } catch {}
  }
  const found: number[] = []
  const queue = [pid]
  while (queue.length) {
    const parent = queue.shift()!
    for (const [child, ppid] of parents) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child)
        queue.push(child)
      }
    }
  }
  return found
}

const commandLine = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/**
 * `npm start` as a person or a process supervisor runs it: embedded PostgreSQL (DATABASE_URL
 * unset), its own redis-server (nothing answers at REDIS_URL), the SMTP catcher, the web server
 * and the worker. A SIGTERM or SIGINT sent to the npm process itself — not to its process
 * group, as Ctrl-C would — must stop every one of them; npm runs the script through `exec`, so
 * no shell sits in between to swallow the signal.
 */
test.group('npm start: stopped by a signal to its own process', (group) => {
  let tmp: string
  let npm: ChildProcess | undefined
  let seen: number[] = []
  group.setup(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'funil-npm-start-'))
    /** As root the embedded PostgreSQL runs as `postgres`, which must reach its data. */
    fs.chmodSync(tmp, 0o755)
    return () => {
      for (const pid of seen) if (processExists(pid)) process.kill(pid, 'SIGKILL')
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
  group.each.teardown(() => {
    if (npm?.exitCode === null) npm.kill('SIGKILL')
  })

  async function start() {
    const port = await findFreePort(3900)
    const redisPort = await findFreePort(6420)
    const env: NodeJS.ProcessEnv = { ...process.env }
    /** The test process's own settings are not npm start's (it reads .env and its defaults). */
    for (const key of ['NODE_ENV', 'DATABASE_URL', 'APP_URL', 'SMTP_HOST', 'SMTP_PORT', 'HOST'])
      delete env[key]
    Object.assign(env, {
      PORT: String(port),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      START_TMP_DIR: tmp,
      NO_COLOR: '1',
    })
    let output = ''
    const child = spawn('npm', ['start'], {
      cwd: app.makePath(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      /** Its own process group: a signal reaches npm alone, as from `kill <pid>`. */
      detached: true,
    })
    npm = child
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code))
    )
    await waitUntil(() => output.includes('Funil Digital no ar') || child.exitCode !== null, {
      timeoutMs: 400_000,
      intervalMs: 250,
      message: 'npm start did not come up',
    })
    if (!output.includes('Funil Digital no ar')) throw new Error(output.slice(-4000))
    return { child, exited, output: () => output, port }
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} to the npm process stops web, worker, redis-server and PostgreSQL`, async ({
      assert,
    }) => {
      const { child, exited, output } = await start()
      const tree = descendants(child.pid!)
      seen.push(...tree)
      const commands = tree.map(commandLine)
      const postmaster = Number(
        fs.readFileSync(path.join(tmp, 'pg/postmaster.pid'), 'utf8').split('\n')[0]
      )
      assert.isTrue(tree.includes(postmaster), 'the embedded PostgreSQL is one of them')
      for (const expected of ['bin/start.js', 'bin/server.ts', 'worker:run', 'redis-server'])
        assert.isTrue(
          commands.some((command) => command.includes(expected)),
          `${expected} in ${commands.join('\n')}`
        )

      process.kill(child.pid!, signal)
      await exited
      await waitUntil(() => tree.every((pid) => !processExists(pid)), {
        timeoutMs: 40_000,
        intervalMs: 100,
        message: `still running: ${tree.filter(processExists).map(commandLine).join('\n')}`,
      })
      assert.include(output(), `${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'}: parando tudo`)
      assert.include(output(), 'PostgreSQL embutido')
      assert.notInclude(output(), 'SIGKILL')
      assert.isFalse(fs.existsSync(path.join(tmp, 'start.json')), 'the lock is released')
    }).timeout(600_000)
  }
})
