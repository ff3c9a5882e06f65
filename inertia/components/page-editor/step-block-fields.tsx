import { useEffect, useRef, useState, type FormEvent } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { CheckIcon, CreditCardIcon, LoaderCircleIcon } from 'lucide-react'
import { SaveFailure } from '~/components/app/save-failure'
import { useSaveFailure } from '~/hooks/use_save_guard'
import { StepContentFields, type Content } from '~/components/funnels/step-content-fields'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'
import type { Data } from '@generated/data'
import type { BlockType } from '~/components/page-editor/page_model'

type Step = Data.Step.Variants['inFunnel']

/**
 * The side panel of a block whose content belongs to the step: the capture form and the upsell
 * offer edit the step's content here (saved with the step, like the step form does — what is
 * sold never lives in the page's layout); the checkout's blocks link to the checkout editor.
 */
export function StepBlockFields({
  type,
  step,
  steps,
  onDraft,
  liveErrors = {},
}: {
  type: BlockType
  step: Step
  steps: Step[]
  /** The unsaved content, for the live preview (null: the saved one). */
  onDraft?: (content: Content | null) => void
  /** What the live preview found wrong in the unsaved content (`content.*`). */
  liveErrors?: Record<string, string>
}) {
  const t = useT()
  const { workspace } = usePage().props
  const canWrite = workspace?.can.write ?? false
  const [content, setContent] = useState<Content>(() => step.content)
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [processing, setProcessing] = useState(false)
  const [saved, setSaved] = useState(false)
  const saveFailure = useSaveFailure()
  const draft = useRef(onDraft)
  draft.current = onDraft
  /** Leaving the panel drops the unsaved content from the preview (it was not saved). */
  useEffect(() => () => draft.current?.(null), [])

  if (type === 'checkout_form' || type === 'order_summary') {
    return (
      <div className="grid gap-3 text-sm">
        <p className="text-muted-foreground">{t(`page_editor.step_block.${type}`)}</p>
        {workspace && (
          <Button asChild variant="outline" size="sm" className="justify-self-start">
            <Link
              route="w.checkout.edit"
              routeParams={{
                workspaceSlug: workspace.slug,
                funnelId: step.funnelId,
                stepId: step.id,
              }}
              data-test="block-edit-checkout"
            >
              <CreditCardIcon aria-hidden="true" />
              {t('page_editor.step_block.edit_checkout')}
            </Link>
          </Button>
        )}
      </div>
    )
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!workspace) return
    router.put(
      urlFor('w.steps.update', {
        workspaceSlug: workspace.slug,
        funnelId: step.funnelId,
        stepId: step.id,
      }),
      {
        name: step.name,
        slug: step.slug,
        stepType: step.stepType,
        isActive: step.isActive,
        content,
      },
      {
        preserveScroll: true,
        preserveState: true,
        ...saveFailure.callbacks,
        onStart: () => {
          saveFailure.callbacks.onStart()
          setProcessing(true)
          setSaved(false)
        },
        onSuccess: () => {
          setErrors({})
          setSaved(true)
          onDraft?.(null)
        },
        onError: (bag) => setErrors(bag),
        onFinish: () => setProcessing(false),
      }
    )
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" data-test="step-block-form">
      <p className="text-sm text-muted-foreground">{t(`page_editor.step_block.${type}`)}</p>
      <fieldset disabled={!canWrite || processing} className="grid min-w-0 gap-5">
        <StepContentFields
          type={step.stepType}
          content={content}
          onChange={(patch) => {
            setSaved(false)
            const next = { ...content, ...patch }
            setContent(next)
            onDraft?.(next)
          }}
          errors={{ ...liveErrors, ...errors }}
          targets={steps.filter((other) => other.id !== step.id)}
        />
      </fieldset>
      {canWrite && (
        <div className="flex flex-wrap items-center justify-end gap-3">
          {saveFailure.failure ? (
            <SaveFailure message={saveFailure.failure} disabled={processing} />
          ) : (
            saved && (
              <p role="status" className="flex items-center gap-1 text-sm text-muted-foreground">
                <CheckIcon className="size-4" aria-hidden="true" />
                {t('page_editor.step_block.saved')}
              </p>
            )
          )}
          <Button type="submit" size="sm" disabled={processing} data-test="step-block-save">
            {processing && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
            {t('page_editor.step_block.save')}
          </Button>
        </div>
      )}
    </form>
  )
}
