import { test } from '@japa/runner'
import { route } from '#tests/helpers/routes'

const TOKEN = 'test-health-token'

test.group('Health', () => {
  test('live answers without touching dependencies, and says nothing else', async ({
    client,
    assert,
  }) => {
    const response = await client.get(route('health.live'))
    response.assertStatus(200)
    assert.deepEqual(response.body(), { status: 'ok' })
  })

  test('ready without the token: only the status (the docker-compose probe)', async ({
    client,
    assert,
  }) => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { 'x-health-token': 'wrong' },
    ]
    for (const headers of attempts) {
      const response = await client.get(route('health.ready')).headers(headers)
      response.assertStatus(200)
      assert.deepEqual(response.body(), { status: 'ok' })
      assert.notInclude(response.text(), String(process.pid))
    }
  })

  test('ready with HEALTH_TOKEN details PostgreSQL, Redis, the queues, pid, versions and memory', async ({
    client,
    assert,
  }) => {
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${TOKEN}` },
      { 'x-health-token': TOKEN },
    ]
    for (const headers of attempts) {
      const response = await client.get(route('health.ready')).headers(headers)
      response.assertStatus(200)
      const body = response.body()
      assert.equal(body.status, 'ok')
      const checks = body.checks.map((c: any) => [c.name, c.status])
      assert.deepInclude(checks, ['Database health check (postgres)', 'ok'])
      assert.isTrue(
        checks.some(([name, status]: string[]) => /redis/i.test(name) && status === 'ok')
      )
      const queues = body.checks.find((c: any) => c.name === 'Queue depth')
      assert.properties(queues.meta.queues, ['payments', 'webhooks', 'postbacks', 'tracking'])
      assert.equal(body.process.pid, process.pid)
      assert.equal(body.process.node, process.version)
      assert.isAbove(body.process.memory.rss, 0)
      assert.isString(body.app.version)
    }
  })

  test('health is not served on a workspace host', async ({ client }) => {
    const response = await client.get(route('health.ready')).header('host', 'acme.localhost')
    response.assertStatus(404)
  })
})
