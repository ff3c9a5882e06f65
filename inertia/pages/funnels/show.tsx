import { useEffect, useRef, useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { ArrowLeftIcon, ExternalLinkIcon, LayersIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { GatewayHealthBanner } from '~/components/app/gateway-health-banner'
import { AddStepDialog } from '~/components/funnels/add-step-dialog'
import { FunnelSettingsDialog } from '~/components/funnels/funnel-settings-dialog'
import { SaveTemplateDialog } from '~/components/templates/save-template-dialog'
import { FunnelStatusBadge } from '~/components/funnels/funnel-status-badge'
import { PublishDialog } from '~/components/funnels/publish-dialog'
import { StepEditor } from '~/components/funnels/step-editor'
import { StepList } from '~/components/funnels/step-list'
import { StepPreview } from '~/components/funnels/step-preview'
import { PageEditor } from '~/components/page-editor/page-editor'
import type { StepPage } from '~/components/page-editor/page_model'
import { SplitTestCard, type SplitTest } from '~/components/funnels/split-test-card'
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type FunnelDetail = Data.Funnel.Variants['detail']
type Step = Data.Step.Variants['inFunnel']
type StepType = Data.Step['stepType']

/** The usual next step after the last one: capture → VSL → checkout → upsell → thank-you. */
function suggestedType(steps: Step[]): StepType {
  const flow: StepType[] = ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']
  const last = steps[steps.length - 1]?.stepType
  return last ? (flow[flow.indexOf(last) + 1] ?? 'thankyou') : 'capture'
}

/**
 * The funnel builder: the steps (sortable) on the left, the selected step's form in the middle,
 * its live preview on the right. The selection lives in the URL (`?step=`) so a reload or a
 * shared link opens the same step.
 */
export default function FunnelShow({
  funnel,
  selectedStepId,
  splitTests = [],
}: {
  funnel: FunnelDetail
  selectedStepId: number | null
  /** The funnel's A/B tests with their results (issue 16). */
  splitTests?: SplitTest[]
  /** The workspace's public address (the slug field's hint reads it from the page props). */
  siteUrl: string
  stepTypes: StepType[]
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [selectedId, setSelectedId] = useState(selectedStepId)
  useEffect(() => setSelectedId(selectedStepId), [selectedStepId])
  const selected = funnel.steps.find((step) => step.id === selectedId) ?? funnel.steps[0] ?? null
  /** The step's block page (issue 18), when it has one; older steps keep the per-type form. */
  const selectedPage = (selected as { page?: StepPage | null } | null)?.page ?? null

  const dirty = useRef(false)

  function select(step: Step) {
    if (step.id === selected?.id) return
    if (dirty.current && !window.confirm(t('funnels.editor.discard'))) return
    dirty.current = false
    setSelectedId(step.id)
    router.get(
      urlFor('w.funnels.show', { workspaceSlug: workspace?.slug ?? '', id: funnel.id }),
      { step: step.id },
      { preserveState: true, preserveScroll: true, replace: true, only: ['selectedStepId'] }
    )
  }

  if (!workspace) return null

  return (
    <>
      <div className="-mb-2">
        <Link
          route="w.funnels.index"
          routeParams={{ workspaceSlug: workspace.slug }}
          className="inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
          data-test="back-to-funnels"
        >
          <ArrowLeftIcon className="size-4" />
          {t('funnels.title')}
        </Link>
      </div>
      <GatewayHealthBanner />
      <PageHeader
        title={funnel.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FunnelStatusBadge status={funnel.status} />
            <a
              href={funnel.publicUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex min-w-0 items-center gap-1 font-mono text-xs break-all underline-offset-4 hover:text-foreground hover:underline"
              data-test="funnel-public-url"
            >
              {funnel.publicUrl.replace(/^https?:\/\//, '')}
              <ExternalLinkIcon className="size-3 shrink-0" aria-hidden="true" />
            </a>
          </span>
        }
        actions={
          /* Three buttons are wider than a 390 px phone: they wrap onto a second row there
             (the header's action row itself does not wrap). */
          <div
            className="flex min-w-0 flex-wrap items-center gap-2 sm:justify-end"
            data-test="funnel-actions"
          >
            <SaveTemplateDialog funnel={funnel} />
            <FunnelSettingsDialog funnel={funnel} />
            <PublishDialog funnel={funnel} />
          </div>
        }
      />

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[14rem_minmax(0,1fr)] xl:grid-cols-[14rem_minmax(0,1fr)_18rem]">
        <Card className="gap-3 py-4 lg:sticky lg:top-6">
          <CardHeader className="px-4">
            <CardTitle className="flex items-center justify-between text-sm">
              {t('funnels.steps')}
              <span className="font-normal text-muted-foreground tabular-nums">
                {funnel.steps.length}
              </span>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-[minmax(0,1fr)] gap-3 px-3">
            {funnel.steps.length === 0 ? (
              <p className="px-1 text-sm text-muted-foreground">{t('funnels.builder.no_steps')}</p>
            ) : (
              <StepList
                funnelId={funnel.id}
                steps={funnel.steps}
                selectedId={selected?.id ?? null}
                onSelect={select}
              />
            )}
            <AddStepDialog funnelId={funnel.id} suggestedType={suggestedType(funnel.steps)} />
          </CardContent>
        </Card>

        {selected && selectedPage ? (
          <>
            {/* A step with a page: the block editor (with its live preview) takes the form's and
                the preview's columns; the step's name, address, type and on/off stay below. */}
            <div className="min-w-0 xl:col-span-2">
              <PageEditor
                key={selected.id}
                step={{ ...selected, page: selectedPage }}
                steps={funnel.steps}
              />
            </div>
            <div className="lg:col-start-2 xl:col-span-2">
              <StepEditor
                key={selected.id}
                step={selected}
                steps={funnel.steps}
                hideContent
                onDirtyChange={(value) => {
                  dirty.current = value
                }}
              />
            </div>
            <div className="lg:col-start-2 xl:col-span-2">
              <SplitTestCard step={selected} steps={funnel.steps} splitTests={splitTests} />
            </div>
          </>
        ) : selected ? (
          <>
            <StepEditor
              key={selected.id}
              step={selected}
              steps={funnel.steps}
              onDirtyChange={(value) => {
                dirty.current = value
              }}
            />
            <div className="lg:col-start-2 xl:sticky xl:top-6 xl:col-start-auto">
              <StepPreview step={selected} />
            </div>
            <div className="lg:col-start-2">
              <SplitTestCard step={selected} steps={funnel.steps} splitTests={splitTests} />
            </div>
          </>
        ) : (
          <EmptyState
            icon={LayersIcon}
            title={t('funnels.builder.empty.title')}
            description={
              workspace.can.write
                ? t('funnels.builder.empty.text')
                : t('funnels.builder.empty.read_only')
            }
          />
        )}
      </div>
    </>
  )
}
