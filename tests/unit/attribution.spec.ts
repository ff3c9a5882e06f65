import { test } from '@japa/runner'
import {
  checkoutAttribution,
  gaClientIdOf,
  gaSessionIdOf,
  landingParams,
  parseCookieHeader,
} from '#services/attribution'
import { gaSessionOf, type Touch } from '#integrations/conversions'

test.group('Attribution helpers', () => {
  test('GA4 ids from the _ga and _ga_<container> cookies, never invented', ({ assert }) => {
    assert.equal(gaClientIdOf('GA1.1.987654321.1700000000'), '987654321.1700000000')
    assert.equal(gaClientIdOf('GA1.2.11.22'), '11.22')
    assert.isNull(gaClientIdOf('garbage'))
    assert.isNull(gaClientIdOf('GA1.1.abc.1700000000'))
    assert.isNull(gaClientIdOf(null))
    assert.equal(gaSessionIdOf('GS2.1.s1700000500$o3$g1$t1700000600$j0$l0$h0'), '1700000500')
    assert.equal(gaSessionIdOf('GS1.1.1690000000.2.1.1690000100.0.0.0'), '1690000000')
    assert.isNull(gaSessionIdOf('GS9.whatever'))

    const touch = { gaSessions: { ABC123: '1', OTHER: '2' } } as unknown as Touch
    assert.equal(gaSessionOf(touch, 'G-ABC123'), '1')
    assert.isNull(gaSessionOf(touch, 'G-NOPE'), 'two containers, none of ours: unknown')
    assert.equal(gaSessionOf({ gaSessions: { X: '3' } } as unknown as Touch, 'G-NOPE'), '3')
    assert.isNull(gaSessionOf(null, 'G-ABC123'))
  })

  test('cookie header parsed by hand, first value wins, values bounded', ({ assert }) => {
    const cookies = parseCookieHeader(`a=1; _fbp=fb.1.2.3; a=2; broken; _ttp=${'x'.repeat(900)}`)
    assert.equal(cookies.a, '1')
    assert.equal(cookies._fbp, 'fb.1.2.3')
    assert.lengthOf(cookies._ttp, 500)
    assert.notProperty(cookies, 'broken')
  })

  test('the payment copy: landing parameters, click ids, no empty keys', ({ assert }) => {
    assert.deepInclude(
      landingParams('https://x.com/?utm_source=fb&utm_campaign=bf&sck=s1&gclid=g'),
      { utm_source: 'fb', utm_campaign: 'bf', sck: 's1', gclid: 'g', utm_medium: null }
    )
    const copy = checkoutAttribution({
      landingUrl: 'https://x.com/oferta?utm_source=fb&fbclid=IwAR_1',
      referrer: '',
      cookies: null,
      ip: '177.10.20.30',
      userAgent: 'Chrome',
    })
    assert.equal(copy.utm_source, 'fb')
    assert.equal(copy.fbclid, 'IwAR_1')
    assert.match(copy.fbc!, /^fb\.1\.\d+\.IwAR_1/)
    assert.equal(copy.ip_address, '177.10.20.30')
    assert.notProperty(copy, 'referrer')
    assert.notProperty(copy, 'utm_medium')
    assert.notProperty(copy, 'ga_sessions')
    assert.deepEqual(Object.keys(checkoutAttribution({})), ['first_visit'])
  })
})
