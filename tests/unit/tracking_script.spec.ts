import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import { runInNewContext } from 'node:vm'
import { webcrypto } from 'node:crypto'
import {
  injectTracking,
  LEAD_SCRIPT,
  PURCHASE_CHECK_SCRIPT,
  TRACKING_SCRIPT,
} from '#services/tracking_snippets'

/**
 * The tracking script in a page of its own: the browser APIs it touches (timers, sendBeacon,
 * fetch, events) are recorded, time is advanced by hand. What it sends is what the beacon
 * endpoint receives.
 */
function page({ beaconAccepts = true } = {}) {
  const timers: Array<{ at: number; fn: () => void; every?: number }> = []
  const listeners: Record<string, () => void> = {}
  const beacons: unknown[][] = []
  const fetches: Array<{ url: string; body: string; keepalive: boolean }> = []
  const document = {
    cookie: '',
    referrer: 'https://www.google.com/',
    hidden: false,
    getElementById: () => ({
      textContent: JSON.stringify({ f: 7, s: 9, t: 'page_view', e: ['PageView'], u: '/_funil/e' }),
    }),
    addEventListener: (type: string, fn: () => void) => (listeners[`document:${type}`] = fn),
  }
  const window = {
    localStorage: { getItem: () => null, setItem: () => {} },
    addEventListener: (type: string, fn: () => void) => (listeners[`window:${type}`] = fn),
  }
  let now = 0
  const context = {
    window,
    document,
    location: { href: 'https://acme.localhost/bf?utm_source=ig', search: '' },
    navigator: {
      sendBeacon: (_url: string, body: string) => {
        if (!beaconAccepts) return false
        beacons.push(JSON.parse(body))
        return true
      },
    },
    fetch: (url: string, init: { body: string; keepalive: boolean }) => {
      fetches.push({ url, body: init.body, keepalive: init.keepalive })
      return { then: () => ({ then: () => ({ catch: () => {} }) }) }
    },
    crypto: webcrypto,
    URL,
    Blob,
    JSON,
    setTimeout: (fn: () => void, ms: number) => timers.push({ at: now + ms, fn }),
    clearTimeout: (id: number) => {
      if (timers[id - 1]) timers[id - 1].fn = () => {}
    },
    setInterval: (fn: () => void, ms: number) => timers.push({ at: now + ms, fn, every: ms }),
  }
  runInNewContext(TRACKING_SCRIPT, context)
  return {
    beacons,
    fetches,
    document,
    /** Runs the timers due within `ms`, in order. */
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = timers
          .filter((timer) => timer.at <= until && timer.at >= 0)
          .sort((a, b) => a.at - b.at)[0]
        if (!due) break
        now = due.at
        const fn = due.fn
        if (due.every) due.at += due.every
        else due.at = -1
        fn()
      }
      now = until
    },
    fire: (name: string) => listeners[name](),
  }
}

const types = (batch: unknown[]) => batch.map((event: any) => event.type)

test.group('Tracking script', () => {
  test('what any page runs stays under 1 KB gzipped', ({ assert }) => {
    const size = (js: string) => gzipSync(js).length
    assert.isBelow(size(TRACKING_SCRIPT), 1024)
    assert.isBelow(size(TRACKING_SCRIPT + LEAD_SCRIPT), 1024, 'a capture step')
    assert.isBelow(size(TRACKING_SCRIPT + PURCHASE_CHECK_SCRIPT), 1024, 'a thank-you step')
  })

  test('the capture and thank-you parts ship only on their steps', ({ assert }) => {
    const html = (stepType: string) =>
      injectTracking('<html><head></head></html>', {
        funnelId: 1,
        stepId: 2,
        stepType,
        pixels: [],
      })
    assert.include(html('capture'), LEAD_SCRIPT)
    assert.notInclude(html('capture'), PURCHASE_CHECK_SCRIPT)
    assert.include(html('thankyou'), PURCHASE_CHECK_SCRIPT)
    assert.notInclude(html('thankyou'), LEAD_SCRIPT)
    assert.notInclude(html('checkout'), LEAD_SCRIPT)
    assert.notInclude(html('checkout'), PURCHASE_CHECK_SCRIPT)
  })

  test("a page's events go out as batches: the view after 2 s, then every 30 s, all at leave", ({
    assert,
  }) => {
    const browser = page()
    assert.lengthOf(browser.beacons, 0, 'nothing is sent while the page loads')
    browser.advance(2_000)
    assert.deepEqual(browser.beacons.map(types), [['page_view']])
    const view = browser.beacons[0][0] as Record<string, unknown>
    assert.match(String(view.id), /^[0-9a-f-]{36}$/)
    assert.deepInclude(view, {
      funnelId: 7,
      stepId: 9,
      url: 'https://acme.localhost/bf?utm_source=ig',
      referrer: 'https://www.google.com/',
    })

    /** Heartbeats every 15 s are queued: 30 s after the first, one request carries three. */
    browser.advance(45_000)
    assert.deepEqual(browser.beacons.map(types), [
      ['page_view'],
      ['heartbeat', 'heartbeat', 'heartbeat'],
    ])

    /** Leaving sends what is queued with the leave, at once. */
    browser.advance(15_000)
    browser.fire('window:pagehide')
    assert.deepEqual(types(browser.beacons[2]), ['heartbeat', 'leave'])
    const ids = browser.beacons.flat().map((event: any) => event.id)
    assert.equal(new Set(ids).size, ids.length, 'every event has its own id')
  })

  test('a hidden tab sends its queue at once and queues no heartbeat while hidden', ({
    assert,
  }) => {
    const browser = page()
    browser.advance(2_000)
    browser.advance(15_000)
    browser.document.hidden = true
    browser.fire('document:visibilitychange')
    assert.deepEqual(browser.beacons.map(types), [['page_view'], ['heartbeat']])
    browser.advance(120_000)
    assert.lengthOf(browser.beacons, 2, 'a hidden page is not present')

    browser.document.hidden = false
    browser.advance(15_000)
    browser.fire('window:pagehide')
    assert.deepEqual(types(browser.beacons[2]), ['heartbeat', 'leave'])
  })

  test('when the browser refuses the beacon, a keepalive fetch sends the same batch', ({
    assert,
  }) => {
    const browser = page({ beaconAccepts: false })
    browser.advance(2_000)
    assert.lengthOf(browser.fetches, 1)
    assert.equal(browser.fetches[0].url, '/_funil/e')
    assert.isTrue(browser.fetches[0].keepalive)
    assert.deepEqual(types(JSON.parse(browser.fetches[0].body)), ['page_view'])
  })
})
