import { test } from '@japa/runner'
import { isOutageError } from '#services/outage'

test.group('isOutageError (503 instead of 500 when a dependency is away)', () => {
  test('connection failures of PostgreSQL and Redis are outages', ({ assert }) => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    })
    assert.isTrue(isOutageError(refused))
    /** Node tries IPv6 and IPv4: both refusals come inside an AggregateError. */
    assert.isTrue(isOutageError(new AggregateError([refused], '')))
    assert.isTrue(isOutageError(Object.assign(new Error('terminating'), { code: '57P01' })))
    assert.isTrue(isOutageError(Object.assign(new Error('too many'), { code: '53300' })))
    assert.isTrue(isOutageError(Object.assign(new Error('x'), { code: '08006' })))
    assert.isTrue(isOutageError(new Error('Connection terminated unexpectedly')))
    assert.isTrue(
      isOutageError(
        Object.assign(new Error('Knex: Timeout acquiring a connection'), {
          name: 'KnexTimeoutError',
        })
      )
    )
    assert.isTrue(
      isOutageError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))
    )
    assert.isTrue(isOutageError(new Error('Command timed out')))
    assert.isTrue(
      isOutageError(new Error('wrapped', { cause: new Error('Connection is closed.') }))
    )
  })

  test('bugs and bad input are not outages', ({ assert }) => {
    assert.isFalse(
      isOutageError(new TypeError("Cannot read properties of undefined (reading 'id')"))
    )
    assert.isFalse(isOutageError(Object.assign(new Error('dup'), { code: '23505' })))
    assert.isFalse(isOutageError(Object.assign(new Error('bad input'), { code: '22P02' })))
    assert.isFalse(isOutageError(null))
    assert.isFalse(isOutageError('ECONNREFUSED'))
  })
})
