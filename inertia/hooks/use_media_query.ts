import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches, kept in sync with the viewport. The admin renders on the
 * client only, so the first render already knows the answer (no flash of the wrong layout).
 */
export function useMediaQuery(query: string) {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query]
  )
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false
  )
}
