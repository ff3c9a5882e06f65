import { test } from '@japa/runner'

test.group('Health', () => {
  test('live answers without touching dependencies', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBodyContains({ status: 'ok' })
  })

  test('ready checks PostgreSQL, Redis and the queues', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    const checks = response.body().checks.map((c: any) => [c.name, c.status])
    assert.deepInclude(checks, ['Database health check (postgres)', 'ok'])
    assert.isTrue(checks.some(([name, status]: string[]) => /redis/i.test(name) && status === 'ok'))
    const queues = response.body().checks.find((c: any) => c.name === 'Queue depth')
    assert.properties(queues.meta.queues, ['payments', 'webhooks', 'postbacks', 'tracking'])
  })
})
