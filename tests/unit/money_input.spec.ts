import { test } from '@japa/runner'

/**
 * inertia/lib/money.ts belongs to the front-end TypeScript project (a project reference the
 * back end may not import from), so it is loaded by URL at run time, with its signatures here.
 */
const { formatCents, parseMoneyInput, priceChangeWarning, MAX_PRICE_CENTS } = (await import(
  new URL('../../inertia/lib/money.js', import.meta.url).href
)) as {
  formatCents(cents: number): string
  parseMoneyInput(text: string): number | null
  priceChangeWarning(before: number, after: number): string | null
  MAX_PRICE_CENTS: number
}

test.group('Admin money input: reais typed the Brazilian way → integer cents', () => {
  test('whole reais, cents after a comma, thousands with dots', ({ assert }) => {
    assert.equal(parseMoneyInput('67'), 6700)
    assert.equal(parseMoneyInput('67,90'), 6790)
    assert.equal(parseMoneyInput('67,9'), 6790)
    assert.equal(parseMoneyInput('67,'), 6700)
    assert.equal(parseMoneyInput(',5'), 50)
    assert.equal(parseMoneyInput('0,05'), 5)
    assert.equal(parseMoneyInput('1.234,56'), 123456)
    assert.equal(parseMoneyInput('1234,56'), 123456)
    assert.equal(parseMoneyInput('1.234'), 123400)
    assert.equal(parseMoneyInput('12.000.000'), 1200000000)
    assert.equal(parseMoneyInput('R$ 67,00'), 6700)
    assert.equal(parseMoneyInput(' R$\u00a01.497,00 '), 149700)
    assert.equal(parseMoneyInput('0'), 0)
  })

  test('a dot before one or two digits is the decimal point', ({ assert }) => {
    assert.equal(parseMoneyInput('67.90'), 6790)
    assert.equal(parseMoneyInput('67.9'), 6790)
  })

  test('anything else is not a price', ({ assert }) => {
    for (const text of [
      '',
      ' ',
      'abc',
      '1,2,3',
      '1.23.4',
      '12,345',
      '-5',
      '1.2345',
      '6 7',
      ',',
      'R$',
    ]) {
      assert.isNull(parseMoneyInput(text), text)
    }
    assert.isNull(parseMoneyInput('9999999999999'))
    assert.equal(parseMoneyInput('999.999.999,99'), MAX_PRICE_CENTS)
  })

  test('what is shown after leaving the field reads back the same', ({ assert }) => {
    for (const cents of [0, 5, 6700, 6790, 123456, 670000, 99999999]) {
      assert.equal(parseMoneyInput(formatCents(cents)), cents)
    }
    assert.equal(formatCents(6700), '67,00')
    assert.equal(formatCents(123450), '1.234,50')
  })

  test('10× up or down, or above R$ 10.000,00, asks for confirmation', ({ assert }) => {
    assert.equal(priceChangeWarning(6700, 670000), 'ten_times_more')
    assert.equal(priceChangeWarning(6700, 67000), 'ten_times_more')
    assert.equal(priceChangeWarning(6700, 670), 'ten_times_less')
    assert.equal(priceChangeWarning(6700, 0), 'ten_times_less')
    assert.equal(priceChangeWarning(0, 1_000_001), 'above_limit')
    assert.equal(priceChangeWarning(900_000, 1_200_000), 'above_limit')
    assert.isNull(priceChangeWarning(6700, 66999))
    assert.isNull(priceChangeWarning(6700, 671))
    assert.isNull(priceChangeWarning(0, 6700))
    assert.isNull(priceChangeWarning(0, 1_000_000))
    assert.isNull(priceChangeWarning(1_500_000, 1_500_000))
  })
})
