import { useEffect, useRef, useState } from 'react'
import { usePage } from '@inertiajs/react'
import { ExternalLinkIcon, LoaderCircleIcon } from 'lucide-react'
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type Step = Data.Step.Variants['inFunnel']

/** The phone the preview imitates: funnels are visited from ads, mostly on phones. */
const DEVICE = { width: 390, height: 780 }

/**
 * The step as a visitor sees it, rendered by the server (`…/steps/:id/preview`) in an iframe
 * scaled down to the column. `?v=<version>` changes on every save, which reloads it.
 */
export function StepPreview({ step }: { step: Step }) {
  const t = useT()
  const { workspace } = usePage().props
  const frame = useRef<HTMLDivElement>(null)
  const [scale, setScale] = useState(0.75)
  const [loading, setLoading] = useState(true)
  const src = urlFor(
    'w.step_previews.show',
    { workspaceSlug: workspace?.slug ?? '', funnelId: step.funnelId, stepId: step.id },
    { qs: { v: step.version } }
  )

  useEffect(() => setLoading(true), [src])

  useEffect(() => {
    const element = frame.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) =>
      setScale(Math.min(1, entry.contentRect.width / DEVICE.width))
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  return (
    <Card className="gap-3 py-4" data-test="step-preview">
      <CardHeader className="flex items-center justify-between gap-2 px-4">
        <CardTitle className="text-sm">{t('funnels.preview.title')}</CardTitle>
        <a
          href={src}
          target="_blank"
          rel="noreferrer"
          className="inline-flex items-center gap-1 text-xs text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
        >
          {t('funnels.preview.open')}
          <ExternalLinkIcon className="size-3" aria-hidden="true" />
        </a>
      </CardHeader>
      <CardContent className="px-4">
        <div
          ref={frame}
          className="relative w-full overflow-hidden rounded-xl border bg-muted"
          style={{ height: DEVICE.height * scale }}
        >
          {loading && (
            <div className="absolute inset-0 z-10 flex items-center justify-center text-muted-foreground">
              <LoaderCircleIcon className="size-5 animate-spin" aria-label={t('common.loading')} />
            </div>
          )}
          <iframe
            key={src}
            src={src}
            title={t('funnels.preview.frame', { name: step.name })}
            onLoad={() => setLoading(false)}
            className="origin-top-left border-0 bg-white"
            style={{ width: DEVICE.width, height: DEVICE.height, transform: `scale(${scale})` }}
            data-test="step-preview-frame"
            data-version={step.version}
          />
        </div>
        <p className="mt-2 text-xs text-muted-foreground">{t('funnels.preview.hint')}</p>
      </CardContent>
    </Card>
  )
}
