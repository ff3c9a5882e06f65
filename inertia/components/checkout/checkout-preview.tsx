import { useEffect, useRef, useState } from 'react'
import { AlertCircleIcon, LoaderCircleIcon } from 'lucide-react'
import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import { xsrfToken } from '~/components/checkout/form'
import { withPageNonce } from '~/lib/preview_frame'

/**
 * The phone the preview imitates (the same device as the funnel editor's preview), scaled to
 * the column and never taller than the window, so the preview stays in view while scrolling.
 */
const DEVICE = { width: 390, height: 780 }
const DEBOUNCE_MS = 300

type Status = 'idle' | 'loading' | 'invalid' | 'failed'

/**
 * The checkout as a visitor will see it. It opens on the saved version (`savedUrl`); once the
 * form changes, the unsaved values are POSTed to `previewUrl` (debounced, the previous request
 * aborted) and the returned HTML replaces the frame's `srcdoc`. The frame is sandboxed: the
 * page's own script runs, but in an opaque origin, away from the admin's session.
 */
export function CheckoutPreview({
  payload,
  previewUrl,
  savedUrl,
  live,
  onValidation,
}: {
  payload: unknown
  previewUrl: string
  savedUrl: string
  /** False for viewers: they see the saved checkout only. */
  live: boolean
  onValidation: (errors: Record<string, string> | null) => void
}) {
  const t = useT()
  const body = JSON.stringify(payload)
  const initialBody = useRef(body)
  const [html, setHtml] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>('idle')
  const [loaded, setLoaded] = useState(false)
  const [scale, setScale] = useState(1)
  const box = useRef<HTMLDivElement>(null)
  const report = useRef(onValidation)
  report.current = onValidation

  useEffect(() => {
    if (!live || (html === null && body === initialBody.current)) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setStatus('loading')
      try {
        const response = await fetch(previewUrl, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'Content-Type': 'application/json',
            'Accept': 'application/json',
            'X-XSRF-TOKEN': xsrfToken(),
          },
          body,
          signal: controller.signal,
        })
        if (response.ok) {
          setHtml(await response.text())
          setStatus('idle')
          report.current(null)
        } else if (response.status === 422) {
          const json = (await response.json()) as {
            errors?: Array<{ field?: string; message: string }>
          }
          const errors: Record<string, string> = {}
          for (const error of json.errors ?? []) {
            if (error.field && !errors[error.field]) errors[error.field] = error.message
          }
          setStatus('invalid')
          report.current(errors)
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
    /** `html` only gates the very first request: a new preview must not trigger another one. */
  }, [body, live, previewUrl])

  useEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) =>
      setScale(Math.min(1, entry.contentRect.width / DEVICE.width))
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  return (
    <div className="flex flex-col gap-2">
      <div
        ref={box}
        className="relative w-full overflow-hidden rounded-xl border bg-muted shadow-xs"
        style={{ height: `min(${DEVICE.height * scale}px, calc(100svh - 7rem))` }}
      >
        {(!loaded || status === 'loading') && (
          <div className="absolute top-2 right-2 z-10 flex items-center gap-1.5 rounded-full bg-background/90 px-2.5 py-1 text-xs text-muted-foreground shadow-xs">
            <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden="true" />
            {t('checkout.preview.updating')}
          </div>
        )}
        <iframe
          src={savedUrl}
          srcDoc={html === null ? undefined : withPageNonce(html)}
          title={t('checkout.preview.frame')}
          sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"
          onLoad={() => setLoaded(true)}
          className="origin-top-left border-0 bg-white"
          style={{
            width: DEVICE.width,
            height: `calc(100% / ${scale})`,
            transform: `scale(${scale})`,
          }}
          data-test="checkout-preview"
        />
      </div>
      <p
        role="status"
        className={cn(
          'flex min-h-5 items-center gap-1.5 text-xs',
          status === 'invalid' || status === 'failed' ? 'text-destructive' : 'text-muted-foreground'
        )}
      >
        {(status === 'invalid' || status === 'failed') && (
          <AlertCircleIcon className="size-3.5 shrink-0" aria-hidden="true" />
        )}
        {status === 'invalid'
          ? t('checkout.preview.invalid')
          : status === 'failed'
            ? t('checkout.preview.failed')
            : live
              ? t('checkout.preview.description')
              : null}
      </p>
    </div>
  )
}
