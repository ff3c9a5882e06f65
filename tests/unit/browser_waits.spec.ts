import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'

const BROWSER = fileURLToPath(new URL('../browser/', import.meta.url))

/**
 * Browser tests wait for a condition (an element, a response, an announcement, a row:
 * tests/helpers/wait_until.ts), never for a fixed time: a sleep is too short on a loaded machine
 * and wasted on an idle one.
 */
test.group('Browser test waits', () => {
  test('no browser test calls page.waitForTimeout', ({ assert }) => {
    const sleeps = readdirSync(BROWSER)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) =>
        readFileSync(join(BROWSER, name), 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /\.waitForTimeout\(/.test(line) ? [`tests/browser/${name}:${index + 1}`] : []
          )
      )
    assert.deepEqual(sleeps, [])
  })
})
