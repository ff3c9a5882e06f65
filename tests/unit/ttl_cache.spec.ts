import { test } from '@japa/runner'
import { TtlCache } from '#services/ttl_cache'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const outage = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))

test.group('TtlCache (stale-while-revalidate for the public site)', () => {
  test('fresh entries are served without loading; expired ones are reloaded', async ({
    assert,
  }) => {
    const cache = new TtlCache<number>(30)
    let loads = 0
    const load = async () => ++loads
    assert.equal(await cache.remember('k', load), 1)
    assert.equal(await cache.remember('k', load), 1)
    await sleep(40)
    assert.equal(await cache.remember('k', load), 2)
  })

  test('when the reload fails (PostgreSQL down) the stale entry is served', async ({ assert }) => {
    const cache = new TtlCache<string>(20, 100, 60_000, 50)
    assert.equal(await cache.remember('acme.localhost', async () => 'workspace 1'), 'workspace 1')
    await sleep(30)
    let attempts = 0
    const failing = () => {
      attempts++
      return outage()
    }
    assert.equal(await cache.remember('acme.localhost', failing), 'workspace 1')
    /** Within retryMs the stale entry counts as fresh: one failing lookup, not one per request. */
    assert.equal(await cache.remember('acme.localhost', failing), 'workspace 1')
    assert.equal(attempts, 1)
    await sleep(60)
    assert.equal(
      await cache.remember('acme.localhost', async () => 'workspace 1 v2'),
      'workspace 1 v2'
    )
  })

  test('without a stale entry the failure reaches the caller; past staleMs it is dropped', async ({
    assert,
  }) => {
    const cache = new TtlCache<string>(10, 100, 30)
    await assert.rejects(() => cache.remember('k', outage), /ECONNREFUSED/)
    await cache.remember('k', async () => 'v')
    await sleep(40)
    await assert.rejects(() => cache.remember('k', outage), /ECONNREFUSED/)
  })

  test('concurrent misses share one load; others get the stale entry while one reloads', async ({
    assert,
  }) => {
    const cache = new TtlCache<number>(10)
    let loads = 0
    const slow = async () => {
      loads++
      await sleep(30)
      return loads
    }
    const [a, b, c] = await Promise.all([
      cache.remember('k', slow),
      cache.remember('k', slow),
      cache.remember('k', slow),
    ])
    assert.deepEqual([a, b, c], [1, 1, 1])
    await sleep(20)
    const reloading = cache.remember('k', slow)
    assert.equal(await cache.remember('k', slow), 1, 'stale while the reload runs')
    assert.equal(await reloading, 2)
    assert.equal(loads, 2)
  })
})
