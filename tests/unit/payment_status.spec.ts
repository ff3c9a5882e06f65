import { test } from '@japa/runner'
import { PAYMENT_STATUSES, canTransition, transitionPath } from '#enums/payments'

test.group('Payment status machine', () => {
  test('allowed transitions', ({ assert }) => {
    for (const to of ['paid', 'failed', 'cancelled', 'expired'] as const) {
      assert.isTrue(canTransition('pending', to), `pending → ${to}`)
    }
    assert.isTrue(canTransition('paid', 'refunded'))
    assert.isTrue(canTransition('paid', 'chargedback'))
    /** Money the gateway took after our countdown is honoured. */
    assert.isTrue(canTransition('expired', 'paid'))
  })

  test('nothing goes backwards and final states stay final', ({ assert }) => {
    assert.isFalse(canTransition('paid', 'pending'))
    assert.isFalse(canTransition('refunded', 'paid'))
    assert.isFalse(canTransition('paid', 'paid'))
    for (const to of PAYMENT_STATUSES) {
      if (to !== 'paid') assert.isFalse(canTransition('expired', to), `expired → ${to}`)
    }
    for (const from of ['failed', 'cancelled', 'refunded', 'chargedback'] as const) {
      for (const to of PAYMENT_STATUSES) assert.isFalse(canTransition(from, to), `${from} → ${to}`)
    }
  })

  test('a refund or chargeback of a charge never seen paid goes through paid', ({ assert }) => {
    assert.deepEqual(transitionPath('pending', 'refunded'), ['paid', 'refunded'])
    assert.deepEqual(transitionPath('pending', 'chargedback'), ['paid', 'chargedback'])
    assert.deepEqual(transitionPath('expired', 'refunded'), ['paid', 'refunded'])
    assert.deepEqual(transitionPath('pending', 'paid'), ['paid'])
    assert.deepEqual(transitionPath('paid', 'paid'), [])
    assert.deepEqual(transitionPath('failed', 'refunded'), [])
    assert.deepEqual(transitionPath('refunded', 'chargedback'), [])
  })
})
