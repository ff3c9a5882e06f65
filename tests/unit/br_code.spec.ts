import { test } from '@japa/runner'
import {
  buildStaticBrCode,
  checkChargeCode,
  crc16,
  isValidBrCode,
  parseBrCode,
  qrSvg,
  sandboxPixKey,
} from '#services/br_code'

/** docs/integrations/pix_br_code.md */
const STATIC =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D'
const STATIC_AMOUNT =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000520400005303986540510.005802BR5913Fulano de Tal6008BRASILIA62130509PEDIDO1236304902A'
const DYNAMIC =
  '00020101021226770014BR.GOV.BCB.PIX2555api.itau/pix/qr/v2/b8e8a562-77b9-4d0f-9f48-7d99303bf5f25204000053039865802BR5909CAKTO PAY6009SAO PAULO62070503***630476FD'
const BROKEN =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913KELLY FASHION6009SAO PAULO62410503***63041D3D'

test.group('PIX BR Code', () => {
  test('CRC-16/CCITT-FALSE check value of "123456789" is 29B1', ({ assert }) => {
    assert.equal(crc16('123456789'), '29B1')
  })

  test('the BR Code test vectors: valid ones parse', ({ assert }) => {
    assert.isTrue(isValidBrCode(STATIC))
    assert.isTrue(isValidBrCode(STATIC_AMOUNT))
    assert.isTrue(isValidBrCode(DYNAMIC))
    const withAmount = parseBrCode(STATIC_AMOUNT) as any
    assert.equal(withAmount.transactionAmount, 10)
    assert.equal(withAmount.txid, 'PEDIDO123')
    assert.equal(withAmount.merchantName, 'Fulano de Tal')
    assert.equal((parseBrCode(DYNAMIC) as any).type, 'DYNAMIC')
    assert.equal(
      (parseBrCode(DYNAMIC) as any).url,
      'api.itau/pix/qr/v2/b8e8a562-77b9-4d0f-9f48-7d99303bf5f2'
    )
  })

  test('the broken vector (field 62 length, foreign CRC) is rejected', ({ assert }) => {
    assert.isFalse(isValidBrCode(BROKEN))
    assert.isNull(parseBrCode(BROKEN))
  })

  test('a single changed character breaks the CRC', ({ assert }) => {
    assert.isFalse(isValidBrCode(STATIC_AMOUNT.replace('10.00', '90.00')))
    assert.isFalse(isValidBrCode(STATIC.slice(0, -1) + 'E'))
    assert.isFalse(isValidBrCode('not a code'))
  })

  test('sandbox codes validate and carry merchant, city, amount and txid', async ({ assert }) => {
    const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
    const code = buildStaticBrCode({
      pixKey: sandboxPixKey(42),
      merchantName: 'Açaí da Praça — Comércio de Alimentos Ltda',
      merchantCity: 'São Paulo',
      amountCents: 22690,
      txid: token,
    })
    assert.isTrue(isValidBrCode(code))
    const parsed = parseBrCode(code) as any
    assert.equal(parsed.type, 'STATIC')
    assert.equal(parsed.transactionAmount, 226.9)
    assert.include(code, '5406226.90')
    assert.equal(parsed.txid, token.slice(0, 25))
    assert.isAtMost(parsed.merchantName.length, 25)
    assert.equal(parsed.merchantName, 'ACAI DA PRACA COMERCIO DE')
    assert.equal(parsed.merchantCity, 'SAO PAULO')
    assert.equal(parsed.pixKey, sandboxPixKey(42))
    assert.notEqual(sandboxPixKey(42), sandboxPixKey(43))

    const svg = await qrSvg(code)
    assert.match(svg, /^<svg[^>]+viewBox/)
    assert.include(svg, '<path')
  })

  test('odd amounts are exact in cents', ({ assert }) => {
    for (const cents of [1, 99, 100, 990, 1999, 123456, 99999999]) {
      const code = buildStaticBrCode({
        pixKey: sandboxPixKey(1),
        merchantName: 'Loja',
        amountCents: cents,
        txid: 'T1',
      })
      assert.isTrue(isValidBrCode(code), `R$ ${cents / 100}`)
      const amount = (cents / 100).toFixed(2)
      assert.include(code, `54${String(amount.length).padStart(2, '0')}${amount}`)
    }
  })

  test('a charge code: CRC, GUI and amount to the cent', ({ assert }) => {
    assert.deepEqual(checkChargeCode(STATIC_AMOUNT, 1000), { ok: true })
    assert.deepEqual(checkChargeCode(DYNAMIC, 19700), { ok: true }, 'dynamic: amount at the URL')
    const problem = (code: string, cents: number) => {
      const check = checkChargeCode(code, cents)
      return check.ok ? null : check.problem
    }
    assert.equal(problem(STATIC_AMOUNT, 900), 'amount')
    assert.equal(problem(STATIC_AMOUNT, 1001), 'amount')
    assert.equal(problem(STATIC, 1000), 'no_amount')
    assert.equal(problem(STATIC_AMOUNT.slice(0, -1) + 'B', 1000), 'crc')
    assert.equal(problem(BROKEN, 1000), 'format')
    assert.equal(problem('not a code', 1000), 'format')
    const foreign = STATIC_AMOUNT.slice(0, -4).replace('br.gov.bcb.pix', 'br.gov.xyz.pix')
    assert.equal(problem(foreign + crc16(foreign), 1000), 'gui')
    /** Upper-case GUI (the dynamic test vector) is the same GUI. */
    const upper = STATIC_AMOUNT.slice(0, -4).replace('br.gov.bcb.pix', 'BR.GOV.BCB.PIX')
    assert.deepEqual(checkChargeCode(upper + crc16(upper), 1000), { ok: true })
  })
})
