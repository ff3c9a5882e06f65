import { test } from '@japa/runner'
import { formatBRL, parseBRL, sumCents } from '#services/money'

test.group('Money (BRL, integer cents)', () => {
  test('formats cents as Brazilian reais', ({ assert }) => {
    assert.equal(formatBRL(19700), 'R$ 197,00')
    assert.equal(formatBRL(0), 'R$ 0,00')
    assert.equal(formatBRL(5), 'R$ 0,05')
    assert.equal(formatBRL(99), 'R$ 0,99')
    assert.equal(formatBRL(123456), 'R$ 1.234,56')
    assert.equal(formatBRL(100000000), 'R$ 1.000.000,00')
    assert.equal(formatBRL(-1990), '-R$ 19,90')
  })

  test('refuses amounts that are not whole cents', ({ assert }) => {
    assert.throws(() => formatBRL(19.9), /cents/)
    assert.throws(() => formatBRL(Number.NaN), /cents/)
  })

  test('parses what people type in reais', ({ assert }) => {
    assert.equal(parseBRL('1.234,56'), 123456)
    assert.equal(parseBRL('R$ 1.234,56'), 123456)
    assert.equal(parseBRL('R$\u00a0197,00'), 19700)
    assert.equal(parseBRL('197'), 19700)
    assert.equal(parseBRL('1234,5'), 123450)
    assert.equal(parseBRL('0,05'), 5)
    assert.equal(parseBRL(' 12.000 '), 1200000)
    assert.equal(parseBRL('-19,90'), -1990)
  })

  test('rejects ambiguous or malformed amounts', ({ assert }) => {
    for (const input of [
      '',
      'abc',
      '1,234.56',
      '12.34',
      '1.23,45',
      '1,234',
      '10,',
      'R$',
      '1 000',
    ]) {
      assert.isNull(parseBRL(input), input)
    }
  })

  test('round-trips without floating point drift', ({ assert }) => {
    for (const cents of [1, 10, 29, 199, 1999, 19990, 123456789]) {
      assert.equal(parseBRL(formatBRL(cents)), cents)
    }
    assert.equal(sumCents([19700, 2990, 1]), 22691)
    assert.throws(() => sumCents([0.1, 0.2]))
  })
})
