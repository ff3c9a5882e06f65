import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import { interfaceBuildReason, newestMtime, viteBuildCommand } from '../../bin/start/build.js'
import { demoFunnelUrl, ensureDotEnv, localAppUrl, settings } from '../../bin/start/env.js'
import { ROOT, startPaths } from '../../bin/start/paths.js'
import { blockingAncestor } from '../../bin/start/postgres.js'
import {
  canConnect,
  findFreePort,
  findOnPath,
  isAlive,
  portIsFree,
  processExists,
  waitForExit,
} from '../../bin/start/processes.js'
import { isLocalRedis, pingRedis } from '../../bin/start/redis.js'
import { Supervisor } from '../../bin/start/supervisor.js'
import { StartError, redactUrl, stripAnsi } from '../../bin/start/console.js'

/** A fresh directory under the OS temp dir, removed after the test. */
function tempDir(cleanup: (fn: () => void) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'funil-start-'))
  cleanup(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A Node child that runs until it is told to stop. */
const SLEEPER = ['-e', 'setInterval(() => {}, 1000)']

test.group('npm start: env', () => {
  test('.env is created from .env.example with a fresh APP_KEY, then left alone', ({
    assert,
    cleanup,
  }) => {
    const dir = tempDir(cleanup)
    fs.writeFileSync(path.join(dir, '.env.example'), 'PORT=3333\nAPP_KEY=\nHOST=0.0.0.0\n')
    const first = ensureDotEnv(dir)
    assert.equal(first.PORT, '3333')
    assert.match(first.APP_KEY, /^[\w-]{43}$/)
    assert.equal((fs.statSync(path.join(dir, '.env')).mode & 0o777).toString(8), '600')
    assert.equal(ensureDotEnv(dir).APP_KEY, first.APP_KEY)

    /** An emptied APP_KEY is filled again; the rest of the file stays as it was. */
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=4000\nAPP_KEY=\n')
    const refilled = ensureDotEnv(dir)
    assert.equal(refilled.PORT, '4000')
    assert.match(refilled.APP_KEY, /^[\w-]{43}$/)
    assert.notEqual(refilled.APP_KEY, first.APP_KEY)
  })

  test('the environment wins over .env; an empty value falls back', ({ assert }) => {
    const setting = settings({ PORT: '3333', HOST: 'a' }, { PORT: '4000', HOST: '' })
    assert.equal(setting('PORT'), '4000')
    assert.equal(setting('HOST'), 'a')
    assert.equal(setting('REDIS_URL', 'redis://127.0.0.1:6379'), 'redis://127.0.0.1:6379')
  })

  test('a local APP_URL follows PORT; the demo funnel URL comes from demo:seed', ({ assert }) => {
    assert.equal(localAppUrl('http://localhost:3333', 4000), 'http://localhost:4000')
    assert.equal(localAppUrl('', 4000), 'http://localhost:4000')
    assert.equal(localAppUrl('https://app.example.com', 4000), 'https://app.example.com')
    const seeded = ['Login: demo@funil.local / demo1234', 'Funil demo: demo /black-friday']
    assert.equal(
      demoFunnelUrl(seeded, {
        appUrl: 'http://localhost:3419',
        port: 3419,
        publicDomain: 'localhost',
      }),
      'http://demo.localhost:3419/black-friday'
    )
    assert.isNull(demoFunnelUrl(['nothing'], { appUrl: 'http://x', port: 1, publicDomain: 'x' }))
    /** demo:seed prints the address public_url.ts builds (https on PUBLIC_DOMAIN here): used as is. */
    const printed = ['Funil demo: demo /black-friday → https://demo.funil.site/black-friday']
    assert.equal(
      demoFunnelUrl(printed, { appUrl: 'http://localhost:3333', port: 3333, publicDomain: 'x' }),
      'https://demo.funil.site/black-friday'
    )
  })

  test('console helpers: passwords hidden, colours stripped', ({ assert }) => {
    assert.equal(redactUrl('postgres://u:secret@h:5432/db'), 'postgres://u:***@h:5432/db')
    assert.equal(stripAnsi('\u001b[31mred\u001b[0m'), 'red')
    assert.equal(new StartError('x', 'details').details, 'details')
  })

  test('state lives under tmp/ of the checkout unless START_TMP_DIR says otherwise', ({
    assert,
  }) => {
    assert.equal(startPaths(path.join(ROOT, 'tmp')).pgData, path.join(ROOT, 'tmp', 'pg'))
    assert.equal(startPaths('/x').lock, '/x/start.json')
    assert.isTrue(fs.existsSync(path.join(ROOT, 'package.json')))
  })
})

test.group('npm start: build', () => {
  test('the interface is built when missing or older than its sources', ({ assert, cleanup }) => {
    const dir = tempDir(cleanup)
    const manifest = path.join(dir, 'public/assets/.vite/manifest.json')
    fs.mkdirSync(path.join(dir, 'inertia/pages'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'inertia/pages/a.tsx'), '')
    assert.equal(interfaceBuildReason(dir, manifest), 'primeira compilação')

    fs.mkdirSync(path.dirname(manifest), { recursive: true })
    fs.writeFileSync(manifest, '{}')
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(path.join(dir, 'inertia/pages/a.tsx'), old, old)
    assert.isNull(interfaceBuildReason(dir, manifest))

    fs.writeFileSync(path.join(dir, 'inertia/pages/b.tsx'), '')
    const later = new Date(Date.now() + 60_000)
    fs.utimesSync(path.join(dir, 'inertia/pages/b.tsx'), later, later)
    assert.equal(interfaceBuildReason(dir, manifest), 'fontes mais novas que a compilação')
    assert.equal(newestMtime(path.join(dir, 'missing')), 0)
    assert.deepEqual(viteBuildCommand(dir), ['npx', ['vite', 'build']])
    assert.equal(viteBuildCommand(ROOT)[0], process.execPath)
  })
})

test.group('npm start: processes, PostgreSQL and Redis helpers', () => {
  test('ports: taken or free, and the first free one', async ({ assert, cleanup }) => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const port = (server.address() as net.AddressInfo).port
    assert.isFalse(await portIsFree(port))
    assert.isTrue(await canConnect(port))
    const free = await findFreePort(port)
    assert.isAbove(free, port)
    assert.isTrue(await portIsFree(free))
  })

  test('binaries on PATH, live processes', ({ assert }) => {
    assert.equal(findOnPath('node', path.dirname(process.execPath)), process.execPath)
    assert.isNull(findOnPath('surely-not-a-binary-here'))
    assert.isTrue(processExists(process.pid))
    assert.isFalse(processExists(2 ** 22 + 1))
  })

  test('the first directory the postgres user cannot traverse', ({ assert }) => {
    const stats: Record<string, { uid: number; gid: number; mode: number }> = {
      '/': { uid: 0, gid: 0, mode: 0o755 },
      '/private': { uid: 0, gid: 0, mode: 0o700 },
      '/private/app': { uid: 0, gid: 0, mode: 0o755 },
      '/private/app/tmp': { uid: 0, gid: 0, mode: 0o755 },
    }
    const stat = (dir: string) => stats[dir]
    assert.equal(blockingAncestor('/private/app/tmp/pg', { uid: 999, gid: 999 }, stat), '/private')
    stats['/private'].mode = 0o701
    assert.isNull(blockingAncestor('/private/app/tmp/pg', { uid: 999, gid: 999 }, stat))
  })

  test('Redis: answers, is away, or is on another machine', async ({ assert }) => {
    assert.equal(await pingRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), 'ok')
    const free = await findFreePort(46_000)
    assert.equal(await pingRedis(`redis://127.0.0.1:${free}`), 'down')
    assert.isTrue(isLocalRedis('redis://localhost:6379'))
    assert.isFalse(isLocalRedis('redis://cache.internal:6379'))
  })
})

test.group('npm start: supervisor', () => {
  test('shutdown stops the services, then the resources last-started-first, and exits', async ({
    assert,
    cleanup,
  }) => {
    const dir = tempDir(cleanup)
    const exits: number[] = []
    const supervisor = new Supervisor(startPaths(dir), (code) => exits.push(code))
    await supervisor.takeLock()
    assert.equal(supervisor.readLock()?.pid, process.pid)

    const order: string[] = []
    const web = supervisor.startService('web', (s) => String(s), SLEEPER, process.env)
    const worker = supervisor.startService('worker', (s) => String(s), SLEEPER, process.env)
    cleanup(() => {
      for (const { child } of [web, worker]) if (isAlive(child)) child.kill('SIGKILL')
    })
    supervisor.addResource({ name: 'postgres', stop: async () => void order.push('postgres') })
    supervisor.addResource({
      name: 'redis',
      stop: async () => {
        order.push(`redis (web alive: ${isAlive(web.child)})`)
      },
    })
    assert.sameMembers(supervisor.readLock()!.children!, [web.child.pid!, worker.child.pid!])

    await supervisor.shutdown(0, 'test')
    assert.isFalse(isAlive(web.child))
    assert.isFalse(isAlive(worker.child))
    assert.deepEqual(order, ['redis (web alive: false)', 'postgres'])
    assert.deepEqual(exits, [0])
    assert.isFalse(fs.existsSync(startPaths(dir).lock))
    /** Idempotent: a second call is the same stop. */
    await supervisor.shutdown(1)
    assert.deepEqual(exits, [0])
  }).timeout(30_000)

  test('a dying service stops the rest with a non-zero exit', async ({ assert, cleanup }) => {
    const dir = tempDir(cleanup)
    const exits: number[] = []
    const supervisor = new Supervisor(startPaths(dir), (code) => exits.push(code))
    await supervisor.takeLock()
    const web = supervisor.startService('web', (s) => String(s), SLEEPER, process.env)
    const worker = supervisor.startService(
      'worker',
      (s) => String(s),
      ['-e', 'process.exit(3)'],
      process.env
    )
    cleanup(() => {
      for (const { child } of [web, worker]) if (isAlive(child)) child.kill('SIGKILL')
    })
    await waitForExit(worker.child, 10_000)
    await supervisor.stopping
    assert.deepEqual(exits, [1])
    assert.isFalse(isAlive(web.child))
  }).timeout(30_000)

  test('one signal stops in order; the same Ctrl-C forwarded by npm is not a second one', async ({
    assert,
    cleanup,
  }) => {
    const dir = tempDir(cleanup)
    const exits: number[] = []
    const supervisor = new Supervisor(startPaths(dir), (code) => exits.push(code))
    let killed = 0
    supervisor.addResource({
      name: 'redis',
      stop: () => new Promise((resolve) => setTimeout(resolve, 300)),
      kill: () => void killed++,
    })
    supervisor.onSignal('SIGTERM')
    supervisor.onSignal('SIGINT')
    await supervisor.stopping
    assert.deepEqual(exits, [0])
    assert.equal(killed, 0)
  })

  test('a second signal after 1.5 s forces: everything is killed at once', async ({
    assert,
    cleanup,
  }) => {
    const dir = tempDir(cleanup)
    const exits: number[] = []
    const supervisor = new Supervisor(startPaths(dir), (code) => exits.push(code))
    let killed = 0
    supervisor.addResource({
      name: 'slow',
      stop: () => new Promise((resolve) => setTimeout(resolve, 2500)),
      kill: () => void killed++,
    })
    supervisor.onSignal('SIGINT')
    await new Promise((resolve) => setTimeout(resolve, 1600))
    supervisor.onSignal('SIGINT')
    assert.equal(killed, 1)
    assert.deepEqual(exits, [130])
    await supervisor.stopping
  }).timeout(10_000)

  test('what a SIGKILLed run left running from this directory is stopped by the next', async ({
    assert,
    cleanup,
  }) => {
    const dir = tempDir(cleanup)
    const paths = startPaths(dir)
    const leftover = spawn(process.execPath, SLEEPER, { cwd: dir, stdio: 'ignore' })
    const elsewhere = spawn(process.execPath, SLEEPER, { cwd: os.tmpdir(), stdio: 'ignore' })
    cleanup(() => {
      for (const child of [leftover, elsewhere]) if (isAlive(child)) child.kill('SIGKILL')
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    /** The dead run's record: its own pid is gone, its children are not. */
    fs.writeFileSync(
      paths.lock,
      JSON.stringify({ pid: 2 ** 22 + 1, children: [leftover.pid, elsewhere.pid] })
    )
    const supervisor = new Supervisor(paths, () => {})
    await supervisor.takeLock()
    assert.isTrue(await waitForExit(leftover, 5000))
    /** Only processes started from this directory: a reused pid elsewhere is left alone. */
    assert.isTrue(isAlive(elsewhere))
    assert.equal(supervisor.readLock()?.pid, process.pid)
    supervisor.releaseLock()
  }).timeout(30_000)
})
