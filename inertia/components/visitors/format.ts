import { useEffect, useState } from 'react'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

/** A visitor row: VisitorTransformer's `row` variant (generated). */
type VisitorRow = Data.Visitor.Variants['row']

/** "2 min 05 s" style durations, for the time spent on the current page. */
export function formatDuration(ms: number) {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`
  return `${s} s`
}

/** Time on the current page: until now while online, until the last activity once gone. */
export function timeOnPage(visitor: VisitorRow, now: number) {
  if (!visitor.stepEnteredAt) return null
  const end =
    visitor.isOnline || !visitor.lastActivity ? now : new Date(visitor.lastActivity).getTime()
  return formatDuration(end - new Date(visitor.stepEnteredAt).getTime())
}

/** A clock that ticks every second, so online durations keep moving. */
export function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(id)
  }, [intervalMs])
  return now
}

/** "Celular · iOS" */
export function useDeviceLabel() {
  const t = useT()
  return (device: VisitorRow['device']) =>
    [t(`visitors.device.${device.kind}`), device.os].filter(Boolean).join(' · ')
}
