import { test } from '@japa/runner'
import http from 'node:http'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'

/** A raw request: the API client would encode or refuse what these tests must send. */
function raw(
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
  method = 'POST'
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, serverUrl()),
      { method, headers: { host: 'localhost', ...headers }, agent: false },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode!, body: text, headers: response.headers })
        )
      }
    )
    request.on('error', reject)
    request.end(body)
  })
}

/** A field as flashed back (the session keeps flashed input under `input`, read back flat). */
function flashedInput(flashed: unknown, field: string) {
  const all = (flashed ?? {}) as Record<string, any>
  return all[field] ?? all.input?.[field]
}

test.group('Malformed requests: a 4xx everywhere, never a 5xx', (group) => {
  freshDatabase(group)

  test('a failed login never copies a 900 KB e-mail into the session; a short one comes back', async ({
    client,
    assert,
  }) => {
    const huge = `${'a'.repeat(900_000)}@exemplo.com.br`
    const failed = await client
      .post('/login')
      .withCsrfToken()
      .redirects(0)
      .form({ email: huge, password: 'x' })
    assert.equal(failed.status(), 302)
    const flashed = failed.flashMessages() as Record<string, any>
    assert.isUndefined(flashedInput(flashed, 'email'), 'the long value is not flashed')
    assert.isUndefined(flashedInput(flashed, 'password'))
    assert.property(flashed.inputErrorsBag ?? {}, 'email')
    assert.isBelow(JSON.stringify(flashed).length, 4096)
    for (const cookie of [failed.header('set-cookie') ?? []].flat()) {
      assert.isBelow(String(cookie).length, 4096)
    }

    const short = await client
      .post('/login')
      .withCsrfToken()
      .redirects(0)
      .form({ email: 'not-an-email', password: 'x' })
    assert.equal(flashedInput(short.flashMessages(), 'email'), 'not-an-email')
    assert.isUndefined(flashedInput(short.flashMessages(), 'password'))
  })

  test('the JSON API: wrong types are a 422, malformed bodies a 400/415, never a 500', async ({
    assert,
  }) => {
    const { owner } = await createTenant()
    const json = { 'content-type': 'application/json', 'accept': 'application/json' }
    const cases: Array<[string, Record<string, string>, string | Buffer, number[]]> = [
      ['object as e-mail', json, '{"email":{"toString":1},"password":"x"}', [422]],
      [
        'object as workspace id',
        json,
        `{"email":"${owner.email}","password":"x","workspace":{"valueOf":1}}`,
        [400, 422],
      ],
      [
        'NUL in the workspace slug',
        json,
        `{"email":"${owner.email}","password":"x","workspace":"a\\u0000b"}`,
        [400, 422],
      ],
      ['lone surrogate in the e-mail', json, '{"email":"\\ud800@x.com","password":"x"}', [422]],
      ['malformed JSON', json, '{"email":', [400]],
      [
        'gzip header on plain bytes',
        { ...json, 'content-encoding': 'gzip' },
        '{"email":"a"}',
        [400],
      ],
      ['unknown Content-Encoding', { ...json, 'content-encoding': 'zzz' }, '{}', [415]],
      [
        'nested 10,000 levels',
        json,
        `{"email":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        [400, 422],
      ],
      [
        'prototype key',
        json,
        '{"__proto__":{"admin":true},"email":"a@b.c","password":"x"}',
        [400, 422],
      ],
    ]
    for (const [name, headers, body, expected] of cases) {
      const response = await raw('/api/auth/login', headers, body)
      assert.include(
        expected,
        response.status,
        `${name}: ${response.status} ${response.body.slice(0, 200)}`
      )
      assert.doesNotThrow(() => JSON.parse(response.body), `${name}: a JSON error body`)
      assert.property(JSON.parse(response.body), 'errors')
    }
  })
})
