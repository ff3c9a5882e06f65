import { test } from '@japa/runner'
import { parseRedisUrl } from '#config/redis'
import { normalizeHost } from '#services/tenant_host'
import { workspaceIdOfToken } from '#services/api_tokens'

test.group('Small helpers', () => {
  test('Redis URLs become ioredis options', ({ assert }) => {
    assert.deepEqual(parseRedisUrl('redis://127.0.0.1:6379/1'), {
      host: '127.0.0.1',
      port: 6379,
      password: undefined,
      db: 1,
    })
    assert.deepEqual(parseRedisUrl('redis://:s%40cret@cache:6380'), {
      host: 'cache',
      port: 6380,
      password: 's@cret',
      db: 0,
    })
  })

  test('hosts are normalised before the tenant lookup', ({ assert }) => {
    assert.equal(normalizeHost('Acme.Localhost:3333'), 'acme.localhost')
    assert.equal(normalizeHost('pagina.cliente.com.br.'), 'pagina.cliente.com.br')
    assert.isNull(normalizeHost(undefined))
  })

  test('a token names its workspace in its abilities', ({ assert }) => {
    assert.equal(workspaceIdOfToken({ abilities: ['workspace:42'] } as any), 42)
    assert.isNull(workspaceIdOfToken({ abilities: ['agency'] } as any))
  })
})
