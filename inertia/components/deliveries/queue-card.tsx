import { useLocale, useT } from '~/lib/i18n'
import type { QueueState } from '#services/queue_depth_check'

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const

/** "120 ms", "1,5 s", "2,3 min": a duration as a person reads it, in the page's locale. */
export function useDuration() {
  const locale = useLocale()
  return (ms: number | null) => {
    if (ms === null) return '—'
    const number = (value: number) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
    if (ms < 1000) return `${Math.round(ms)} ms`
    if (ms < 60_000) return `${number(ms / 1000)} s`
    return `${number(ms / 60_000)} min`
  }
}

/**
 * One worker queue on "Entregas": its jobs now (waiting, running, scheduled, failed) and what it
 * did over the last hour (done, failed attempts, how long jobs waited for a worker, how long
 * they took), from the metrics the workers record (app/queues/queue_metrics.ts).
 */
export function QueueCard({ queue }: { queue: QueueState }) {
  const t = useT()
  const duration = useDuration()
  const { metrics } = queue
  const row = (label: string, value: string | number, test: string, danger = false) => (
    <div key={test} className="flex items-baseline justify-between gap-2">
      <dt className="truncate text-muted-foreground">{label}</dt>
      <dd
        className={`font-semibold tabular-nums ${danger ? 'text-destructive' : ''}`}
        data-test={test}
      >
        {value}
      </dd>
    </div>
  )
  return (
    <div className="rounded-lg border bg-card px-4 py-3" data-test={`queue-${queue.name}`}>
      <p className="text-sm font-medium">{t(`deliveries.queue.${queue.name}`)}</p>
      <dl className="mt-1.5 grid grid-cols-2 gap-x-4 gap-y-0.5 text-xs">
        {STATES.map((state) =>
          row(
            t(`deliveries.queues.${state}`),
            queue[state],
            `queue-${state}`,
            state === 'failed' && queue.failed > 0
          )
        )}
      </dl>
      <p className="mt-2 text-xs font-medium text-muted-foreground">
        {t('deliveries.queues.last_hour', { minutes: metrics.windowMinutes })}
      </p>
      <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-0.5 text-xs" data-test="queue-metrics">
        {row(t('deliveries.queues.completed'), metrics.completed, 'queue-completed')}
        {row(
          t('deliveries.queues.failed_attempts'),
          metrics.failed,
          'queue-failed-attempts',
          metrics.failed > 0
        )}
        {row(t('deliveries.queues.wait_avg'), duration(metrics.waitMs.avg), 'queue-wait-avg')}
        {row(t('deliveries.queues.wait_max'), duration(metrics.waitMs.max), 'queue-wait-max')}
        {row(
          t('deliveries.queues.process_avg'),
          duration(metrics.processMs.avg),
          'queue-process-avg'
        )}
        {row(
          t('deliveries.queues.process_max'),
          duration(metrics.processMs.max),
          'queue-process-max'
        )}
      </dl>
    </div>
  )
}
