import { useEffect, useRef, useState } from 'react'
import { AlertCircleIcon, LoaderCircleIcon, MonitorIcon, SmartphoneIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import { xsrfToken } from '~/components/checkout/form'
import { withPageNonce } from '~/lib/preview_frame'
import type { StepPage } from '~/components/page-editor/page_model'

/** The two screens the preview imitates: a phone (most ad traffic) and a laptop. */
const DEVICES = {
  mobile: { width: 390, height: 780 },
  desktop: { width: 1280, height: 900 },
} as const
export type Device = keyof typeof DEVICES

const DEBOUNCE_MS = 250

type Status = 'loading' | 'idle' | 'invalid' | 'failed'

/**
 * The page as a visitor will see it, rendered by the server from the UNSAVED page: every change
 * POSTs the page to `previewUrl` (debounced, the previous request aborted) and the returned
 * HTML replaces the sandboxed frame's `srcdoc`, so the preview follows the typing without a
 * save. `refreshKey` re-renders when something outside the page changed (the step's content
 * saved from the side panel). Viewers (`live` false) see the saved page from `savedUrl`.
 */
export function PagePreview({
  page,
  content,
  previewUrl,
  savedUrl,
  live,
  name,
  refreshKey,
  onValidation,
}: {
  page: StepPage
  /** The step's unsaved content (capture form, upsell offer), or null for the saved one. */
  content?: Record<string, unknown> | null
  previewUrl: string
  savedUrl: string
  live: boolean
  name: string
  refreshKey: number
  onValidation?: (errors: Record<string, string> | null) => void
}) {
  const t = useT()
  const body = JSON.stringify(content ? { page, content } : { page })
  const [device, setDevice] = useState<Device>('mobile')
  const [html, setHtml] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>(live ? 'loading' : 'idle')
  const [scale, setScale] = useState(1)
  /** How many previews came back: a test waits for the next one, never for a fixed time. */
  const [renders, setRenders] = useState(0)
  const box = useRef<HTMLDivElement>(null)
  const report = useRef(onValidation)
  report.current = onValidation
  const size = DEVICES[device]

  useEffect(() => {
    if (!live) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setStatus('loading')
      try {
        const response = await fetch(previewUrl, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'Content-Type': 'application/json',
            /** JSON: a refused page answers 422 with its field errors (HTML would redirect back). */
            'Accept': 'application/json',
            'X-XSRF-TOKEN': xsrfToken(),
          },
          body,
          signal: controller.signal,
        })
        if (response.ok) {
          setHtml(await response.text())
          setRenders((value) => value + 1)
          setStatus('idle')
          report.current?.(null)
        } else if (response.status === 422) {
          const json = (await response.json()) as {
            errors?: Array<{ field?: string; message: string }>
          }
          const errors: Record<string, string> = {}
          for (const error of json.errors ?? []) {
            if (error.field && !errors[error.field]) errors[error.field] = error.message
          }
          setStatus('invalid')
          report.current?.(errors)
        } else {
          setStatus('failed')
        }
      } catch {
        if (!controller.signal.aborted) setStatus('failed')
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [body, live, previewUrl, refreshKey])

  useEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) =>
      setScale(Math.min(1, entry.contentRect.width / size.width))
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [size.width])

  return (
    <section className="flex flex-col gap-2" aria-labelledby="page-preview-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="page-preview-title" className="text-sm font-semibold">
          {t('page_editor.preview.title')}
        </h2>
        <div
          role="group"
          aria-label={t('page_editor.preview.device')}
          className="flex gap-1 rounded-md border p-0.5"
        >
          {(['mobile', 'desktop'] as const).map((option) => {
            const Icon = option === 'mobile' ? SmartphoneIcon : MonitorIcon
            return (
              <Button
                key={option}
                type="button"
                size="sm"
                variant={device === option ? 'secondary' : 'ghost'}
                aria-pressed={device === option}
                onClick={() => setDevice(option)}
                className="h-7 px-2"
                data-test={`preview-device-${option}`}
              >
                <Icon aria-hidden="true" />
                {t(`page_editor.preview.${option}`)}
              </Button>
            )
          })}
        </div>
      </div>
      <div
        ref={box}
        className="relative w-full overflow-hidden rounded-xl border bg-muted shadow-xs"
        style={{ height: `min(${size.height * scale}px, calc(100svh - 8rem))` }}
        data-device={device}
        data-test="page-preview-box"
      >
        {status === 'loading' && (
          <div className="absolute top-2 right-2 z-10 flex items-center gap-1.5 rounded-full bg-background/90 px-2.5 py-1 text-xs text-muted-foreground shadow-xs">
            <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden="true" />
            {t('page_editor.preview.updating')}
          </div>
        )}
        <iframe
          /**
           * One source for the frame's life: editors only ever get `srcdoc` (their first render
           * is POSTed at once), viewers only the saved page's URL. Switching a frame from `src`
           * to `srcdoc` left Chromium's frame unreadable now and then.
           */
          src={live ? undefined : savedUrl}
          srcDoc={live ? withPageNonce(html ?? '') : undefined}
          title={t('page_editor.preview.frame', { name })}
          sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"
          className="origin-top-left border-0 bg-white"
          style={{
            width: size.width,
            height: `calc(100% / ${scale})`,
            transform: `scale(${scale})`,
          }}
          data-test="page-preview-frame"
          data-renders={renders}
          data-width={size.width}
        />
      </div>
      <p
        role="status"
        className={cn(
          'flex min-h-5 items-center gap-1.5 text-xs',
          status === 'invalid' || status === 'failed' ? 'text-destructive' : 'text-muted-foreground'
        )}
        data-test="page-preview-status"
      >
        {(status === 'invalid' || status === 'failed') && (
          <AlertCircleIcon className="size-3.5 shrink-0" aria-hidden="true" />
        )}
        {status === 'invalid'
          ? t('page_editor.preview.invalid')
          : status === 'failed'
            ? t('page_editor.preview.failed')
            : live
              ? t('page_editor.preview.live')
              : null}
      </p>
    </section>
  )
}
