import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { test } from '@japa/runner'
import env from '#start/env'
import { closedPort } from '#tests/helpers/stub_server'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Runs `node ace test unit` on one small spec with the given env; resolves with what happened. */
function runSuite(overrides: Record<string, string>, limitMs = 90_000) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      ['ace', 'test', 'unit', '--files', 'tests/unit/money.spec.ts'],
      { cwd: ROOT, env: { ...process.env, ...overrides, NO_COLOR: '1' } }
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output, ms: Date.now() - started })
    })
  })
}

function urlWith(database: string, port?: number) {
  const url = new URL(env.get('DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/funil_test')
  url.pathname = `/${database}`
  if (port) url.port = String(port)
  return url.toString()
}

async function maintenance<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: urlWith('postgres') })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/**
 * `npm test` on a fresh machine: the database is created when missing, and a service that is
 * away stops the run within seconds with a message naming it (it used to hang forever).
 */
test.group('Test services (node ace test in a child process)', () => {
  test('a missing test database is created, migrated and the suite passes', async ({
    assert,
    cleanup,
  }) => {
    const name = `funil_test_created_${randomBytes(4).toString('hex')}`
    cleanup(async () => {
      await maintenance((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    })
    const result = await runSuite({ DATABASE_URL: urlWith(name) })
    assert.equal(result.code, 0, result.output.slice(-2000))
    assert.include(result.output, `Created the test database "${name}"`)
    const found = await maintenance((client) =>
      client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    )
    assert.equal(found.rowCount, 1)
  }).timeout(120_000)

  test('PostgreSQL unreachable: exits non-zero in under 15 s saying so', async ({ assert }) => {
    const port = await closedPort()
    const result = await runSuite({ DATABASE_URL: urlWith('funil_test_nowhere', port) }, 30_000)
    assert.notEqual(result.code, 0)
    assert.isBelow(result.ms, 15_000)
    assert.include(result.output, `PostgreSQL is unreachable at 127.0.0.1:${port}`)
  }).timeout(40_000)

  test('Redis unreachable: exits non-zero in under 15 s saying so', async ({ assert }) => {
    const port = await closedPort()
    const result = await runSuite({ REDIS_URL: `redis://127.0.0.1:${port}/0` }, 30_000)
    assert.notEqual(result.code, 0)
    assert.isBelow(result.ms, 15_000)
    assert.include(result.output, `Redis is unreachable at 127.0.0.1:${port}`)
  }).timeout(40_000)
})
