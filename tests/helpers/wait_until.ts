import type { Locator, Page } from 'playwright'

/**
 * Polls `probe` until it returns something truthy and returns it; fails with `message` after
 * `timeoutMs`. Tests wait for the state they need (a row written, a visitor flushed), never for
 * a fixed time that is too short on a loaded machine and wasted on an idle one.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  { timeoutMs = 10_000, intervalMs = 50, message = 'condition not met' } = {}
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`waitUntil: ${message} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Resolves after the browser painted twice: React's commit and the layout after it are done. */
export function nextFrames(page: Page) {
  return page.evaluate(() => {
    /** Runs in the page (the test's tsconfig has no DOM types). */
    const frame = (globalThis as any).requestAnimationFrame as (callback: () => void) => number
    return new Promise<void>((resolve) => frame(() => frame(() => resolve())))
  })
}

/** The element's box once it stops moving (scrolling, a dialog closing, a list re-laying out). */
export async function settledBox(page: Page, locator: Locator, timeoutMs = 10_000) {
  let previous = await locator.boundingBox()
  return waitUntil(
    async () => {
      await nextFrames(page)
      const box = await locator.boundingBox()
      const same = box && previous && JSON.stringify(box) === JSON.stringify(previous)
      previous = box
      return same ? box : null
    },
    { timeoutMs, intervalMs: 0, message: 'element box still moving' }
  )
}

/** Waits until dnd-kit's screen-reader live region announces a text containing `text`. */
export async function waitForAnnouncement(page: Page, text: string, timeoutMs = 10_000) {
  const regions = () =>
    page.evaluate(() =>
      [...(globalThis as any).document.querySelectorAll('[id^="DndLiveRegion"]')].map(
        (region: any) => region.textContent
      )
    )
  try {
    await page.waitForFunction(
      (expected) =>
        [...(globalThis as any).document.querySelectorAll('[id^="DndLiveRegion"]')].some(
          (region: any) => (region.textContent ?? '').includes(expected)
        ),
      text,
      { timeout: timeoutMs }
    )
  } catch (error) {
    throw new Error(
      `no announcement "${text}" in ${timeoutMs} ms; live regions: ${JSON.stringify(await regions())}`,
      { cause: error }
    )
  }
}
