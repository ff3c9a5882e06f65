import { test } from '@japa/runner'
import { maskSecret } from '#transformers/credential_transformer'

test.group('Credential secrets: masking', () => {
  test('keeps the key prefix blocks and the last 4 characters', ({ assert }) => {
    assert.equal(maskSecret('sk_live_4eC39HqLyjWDarjtT1zdp7dcA1B2'), 'sk_live_…A1B2')
    assert.equal(maskSecret('pk_test_abcdefghijklmnopqrstuvwxa1b2'), 'pk_test_…a1b2')
    assert.equal(maskSecret('sk_abcdefghijklmnopa1b2'), 'sk_…a1b2')
  })

  test('without a prefix block: first 3 characters, …, last 4', ({ assert }) => {
    assert.equal(maskSecret('EAAGm0PX4ZCpsBAabcdefghijklmnopWXYZ'), 'EAA…WXYZ')
    assert.equal(maskSecret('XyZ12abcDEF34ghiJKL5'), 'XyZ…JKL5')
  })

  test('a prefix that would reveal too much falls back to 3 characters', ({ assert }) => {
    assert.equal(maskSecret('sk_live_abcdefgh9'), 'sk_…fgh9')
  })

  test('short secrets are fully masked, absent ones are null', ({ assert }) => {
    assert.equal(maskSecret('abc123'), '••••••••')
    assert.equal(maskSecret('sk_live_12345'), '••••••••')
    assert.isNull(maskSecret(null))
    assert.isNull(maskSecret(''))
  })

  test('never contains the secret', ({ assert }) => {
    for (const secret of [
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'EAAGm0PX4ZCpsBAabcdefghijklmnop',
      'abcdefghijklmnop',
    ]) {
      const masked = maskSecret(secret)!
      assert.notInclude(masked, secret)
      assert.isBelow(masked.replace('…', '').length, secret.length / 2 + 5)
    }
  })
})
