import { test } from '@japa/runner'
import type { LookupFunction } from 'node:net'
import {
  checkIntegrationUrl,
  createHttpClient,
  isPrivateAddress,
  outboundSettings,
  OutboundHttpError,
} from '#services/outbound_http'
import { StubServer, closedPort } from '#tests/helpers/stub_server'

/** A resolver that answers `address` for every name: a public-looking name pointing inside. */
function resolvingTo(address: string, family = 4): LookupFunction {
  return ((_hostname: string, options: any, callback: any) => {
    if (options?.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }) as LookupFunction
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as OutboundHttpError
  }
  throw new Error('the call was expected to fail')
}

test.group('Outbound HTTP: URL guard at save time', () => {
  test('refuses private, loopback, link-local, reserved and internal hosts', ({ assert }) => {
    const refused = [
      'https://127.0.0.1/v1',
      'https://127.1.2.3',
      'https://10.0.0.5/api',
      'https://172.16.4.1',
      'https://192.168.0.10',
      'https://100.64.0.1',
      'https://169.254.169.254/latest/meta-data',
      'https://0.0.0.0',
      'https://[::1]/',
      'https://[fd00::1]/',
      'https://[fe80::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://localhost:8443/v1',
      'https://api.localhost',
      'https://metadata.google.internal/computeMetadata',
      'https://printer.local',
      'https://router.home.arpa',
      'https://redis:6379',
    ]
    for (const url of refused) {
      assert.equal(checkIntegrationUrl(url, { allowPrivate: false }), 'private_address', url)
    }
  })

  test('wants https, a parseable URL and no user-info', ({ assert }) => {
    assert.equal(
      checkIntegrationUrl('http://api.example.com', { allowPrivate: false }),
      'https_required'
    )
    assert.equal(
      checkIntegrationUrl('ftp://api.example.com', { allowPrivate: true }),
      'https_required'
    )
    assert.equal(checkIntegrationUrl('não é url', { allowPrivate: false }), 'invalid_url')
    assert.equal(
      checkIntegrationUrl('https://api.skalepay.com.br@127.0.0.1/', { allowPrivate: false }),
      'invalid_url'
    )
  })

  test('accepts public https URLs', ({ assert }) => {
    for (const url of [
      'https://api.conta.skalepay.com.br/v1',
      'https://graph.facebook.com',
      'https://8.8.8.8/v1',
      'https://[2606:4700:4700::1111]/',
    ]) {
      assert.isNull(checkIntegrationUrl(url, { allowPrivate: false }), url)
    }
  })

  test('the allowance (local stubs) lets http and loopback through', ({ assert }) => {
    assert.isNull(checkIntegrationUrl('http://127.0.0.1:4010/v1', { allowPrivate: true }))
    assert.isNull(checkIntegrationUrl('http://localhost:4010', { allowPrivate: true }))
  })

  test('the default comes from ALLOW_PRIVATE_INTEGRATION_URLS (true in .env.test)', ({
    assert,
  }) => {
    assert.isTrue(outboundSettings.allowPrivate)
    assert.isNull(checkIntegrationUrl('http://127.0.0.1:4010'))
    assert.isTrue(isPrivateAddress('[::1]'))
    assert.isFalse(isPrivateAddress('api.example.com'))
  })
})

test.group('Outbound HTTP: guard at call time', (group) => {
  let stub: StubServer
  group.setup(async () => {
    stub = await StubServer.start()
  })
  group.teardown(() => stub.close())
  group.each.setup(() => {
    stub.reset()
    stub.on('GET', '/ping', { status: 200, body: { pong: true } })
  })

  test('a loopback address is refused before any byte is sent', async ({ assert }) => {
    const http = createHttpClient({ baseURL: stub.url, allowPrivate: false })
    const error = await failureOf(http.get('/ping'))
    assert.instanceOf(error, OutboundHttpError)
    assert.equal(error.kind, 'blocked')
    assert.lengthOf(stub.requests, 0)
  })

  test('with the allowance the same call reaches the stub', async ({ assert }) => {
    const http = createHttpClient({ baseURL: stub.url, allowPrivate: true })
    const response = await http.get('/ping')
    assert.equal(response.status, 200)
    assert.deepEqual(response.data, { pong: true })
    assert.lengthOf(stub.requests, 1)
  })

  test('`localhost` is resolved, then refused', async ({ assert }) => {
    const http = createHttpClient({ baseURL: `http://localhost:${stub.port}`, allowPrivate: false })
    const error = await failureOf(http.get('/ping'))
    assert.equal(error.kind, 'blocked')
    assert.lengthOf(stub.requests, 0)
  })

  test('a public-looking name that resolves to 127.0.0.1 (DNS trick) is refused', async ({
    assert,
  }) => {
    const lookup = resolvingTo('127.0.0.1')
    const url = `http://api.gateway-legitimo.com.br:${stub.port}`
    assert.isNull(checkIntegrationUrl(url.replace('http:', 'https:'), { allowPrivate: false }))

    const refused = createHttpClient({ baseURL: url, allowPrivate: false, lookup })
    const error = await failureOf(refused.get('/ping'))
    assert.equal(error.kind, 'blocked')
    assert.lengthOf(stub.requests, 0)

    /** The same resolver with the allowance on: proof the call really went through it. */
    const allowed = createHttpClient({ baseURL: url, allowPrivate: true, lookup })
    const response = await allowed.get('/ping')
    assert.equal(response.status, 200)
    assert.lengthOf(stub.requests, 1)
  })

  test('IPv6 loopback, private ranges and the metadata address are refused', async ({ assert }) => {
    for (const base of [
      'http://[::1]:9',
      'http://10.0.0.1:9',
      'http://192.168.1.1:9',
      'http://169.254.169.254',
    ]) {
      const http = createHttpClient({ baseURL: base, allowPrivate: false, timeoutMs: 2_000 })
      const error = await failureOf(http.get('/latest/meta-data'))
      assert.equal(error.kind, 'blocked', base)
    }
  })

  test('redirects are not followed (a redirect could point inside)', async ({ assert }) => {
    stub.on('GET', '/moved', {
      status: 302,
      headers: { location: `${stub.url}/ping` },
    })
    const http = createHttpClient({ baseURL: stub.url, allowPrivate: true })
    const response = await http.get('/moved')
    assert.equal(response.status, 302)
    assert.lengthOf(stub.requestsTo('GET', '/ping'), 0)
  })

  test('every HTTP status resolves: clients interpret them', async ({ assert }) => {
    stub.on('GET', '/denied', { status: 401, body: { message: 'bad key' } })
    const http = createHttpClient({ baseURL: stub.url, allowPrivate: true })
    const response = await http.get('/denied')
    assert.equal(response.status, 401)
    assert.equal(response.data.message, 'bad key')
  })
})

test.group('Outbound HTTP: failures', () => {
  test('a closed port is unreachable', async ({ assert }) => {
    const port = await closedPort()
    const http = createHttpClient({ baseURL: `http://127.0.0.1:${port}`, allowPrivate: true })
    const error = await failureOf(http.get('/'))
    assert.equal(error.kind, 'unreachable')
  })

  test('a slow answer times out at the given deadline', async ({ assert }) => {
    const stub = await StubServer.start()
    try {
      stub.on('GET', '/slow', { status: 200, body: {}, delayMs: 5_000 })
      const http = createHttpClient({ baseURL: stub.url, allowPrivate: true, timeoutMs: 250 })
      const startedAt = Date.now()
      const error = await failureOf(http.get('/slow'))
      assert.equal(error.kind, 'timeout')
      assert.isBelow(Date.now() - startedAt, 2_000)
    } finally {
      await stub.close()
    }
  })

  test('the error carries no request: headers and query secrets cannot leak', async ({
    assert,
  }) => {
    const port = await closedPort()
    const http = createHttpClient({ baseURL: `http://127.0.0.1:${port}`, allowPrivate: true })
    const error = await failureOf(
      http.get('/x', {
        headers: { authorization: 'Bearer sk_live_supersecret123456' },
        params: { api_secret: 'query-secret-987654' },
      })
    )
    const serialized = JSON.stringify({ ...error, message: error.message, stack: error.stack })
    assert.notInclude(serialized, 'sk_live_supersecret123456')
    assert.notInclude(serialized, 'query-secret-987654')
    assert.notProperty(error, 'config')
    assert.notProperty(error, 'request')
  })

  test('the connection test budget is 5 seconds, calls in general 10', ({ assert }) => {
    assert.equal(outboundSettings.connectionTestTimeoutMs, 5_000)
    assert.equal(outboundSettings.timeoutMs, 10_000)
  })
})
