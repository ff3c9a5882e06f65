import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { CreditCardIcon, LoaderCircleIcon } from 'lucide-react'
import { SaveFailure } from '~/components/app/save-failure'
import { useSaveFailure, useWarnBeforeLeaving } from '~/hooks/use_save_guard'
import { DeleteStepDialog } from '~/components/funnels/delete-step-dialog'
import { StepContentFields, type Content } from '~/components/funnels/step-content-fields'
import { STEP_TYPE_ICONS, defaultContent } from '~/components/funnels/step-type'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { Separator } from '~/components/ui/separator'
import { useT } from '~/lib/i18n'
import { sanitizeSlugInput, slugify } from '~/lib/slug'
import type { Data } from '@generated/data'
import { STEP_TYPES } from '~/components/funnels/options'
import { urlFor } from '~/lib/client'

type Step = Data.Step.Variants['inFunnel']
type StepType = Data.Step['stepType']

type FormState = {
  name: string
  slug: string
  stepType: StepType
  isActive: boolean
  /** The content typed for each type tried, so switching back restores it. */
  contents: Partial<Record<StepType, Content>>
}

function formOf(step: Step): FormState {
  return {
    name: step.name,
    slug: step.slug,
    stepType: step.stepType,
    isActive: step.isActive,
    contents: { [step.stepType]: step.content },
  }
}

/**
 * The selected step's form: name, address, type, on/off, and the type's content. Changing the
 * type swaps in that type's fields. When the server sends a new version of the step (after a
 * save, or a reorder that bumped every version) the form takes it, unless it holds unsaved
 * changes of the user's that were not what just got saved.
 */
export function StepEditor({
  step,
  steps,
  onDirtyChange,
  hideContent = false,
}: {
  step: Step
  steps: Step[]
  /** The page editor edits what the page shows: this form keeps the step's settings only. */
  hideContent?: boolean
  /** Told whether the form holds unsaved changes (the builder asks before dropping them). */
  onDirtyChange?: (dirty: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const canWrite = workspace?.can.write ?? false
  const [form, setForm] = useState(() => formOf(step))
  const [generation, setGeneration] = useState(0)
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [processing, setProcessing] = useState(false)
  /** A save is in flight: the next version the server sends is that save's result. */
  const saving = useRef(false)
  const { name, slug, stepType, isActive } = form
  const content = form.contents[stepType] ?? defaultContent(stepType, t)
  const Icon = STEP_TYPE_ICONS[stepType]
  const targets = steps.filter((other) => other.id !== step.id)
  const set = (patch: Partial<FormState>) => setForm((current) => ({ ...current, ...patch }))

  const dirty = useMemo(
    () =>
      JSON.stringify({ name, slug, stepType, isActive, content }) !==
      JSON.stringify({
        name: step.name,
        slug: step.slug,
        stepType: step.stepType,
        isActive: step.isActive,
        content: step.content,
      }),
    [name, slug, stepType, isActive, content, step]
  )
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty
  /** A refused save (expired session, stale page, 5xx, offline) is shown, never as saved. */
  const saveFailure = useSaveFailure()
  useWarnBeforeLeaving(canWrite && dirty)
  useEffect(() => {
    onDirtyChange?.(dirty)
  }, [dirty, onDirtyChange])

  useEffect(() => {
    if (saving.current || !dirtyRef.current) {
      setForm(formOf(step))
      setGeneration((value) => value + 1)
    }
  }, [step.version])

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!workspace) return
    router.put(
      urlFor('w.steps.update', {
        workspaceSlug: workspace.slug,
        funnelId: step.funnelId,
        stepId: step.id,
      }),
      { name, slug, stepType, isActive, content },
      {
        preserveScroll: true,
        preserveState: true,
        ...saveFailure.callbacks,
        onStart: () => {
          saveFailure.callbacks.onStart()
          saving.current = true
          setProcessing(true)
        },
        onSuccess: () => setErrors({}),
        onError: (bag) => setErrors(bag),
        onFinish: () => {
          saving.current = false
          setProcessing(false)
        },
      }
    )
  }

  return (
    <Card className="@container gap-4" data-test="step-editor">
      <CardHeader className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent text-accent-foreground">
            <Icon className="size-5" />
          </span>
          <div className="min-w-0">
            <CardTitle className="truncate" data-test="editor-title">
              {step.name}
            </CardTitle>
            {step.publicUrl ? (
              <a
                href={step.publicUrl}
                target="_blank"
                rel="noreferrer"
                title={step.publicUrl}
                className="block truncate font-mono text-xs text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
                data-test="step-public-url"
              >
                /{step.slug}
              </a>
            ) : (
              <p className="truncate font-mono text-xs text-muted-foreground">/{step.slug}</p>
            )}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          {step.stepType === 'checkout' && workspace && (
            <Button asChild variant="outline" size="sm">
              <Link
                route="w.checkout.edit"
                routeParams={{
                  workspaceSlug: workspace.slug,
                  funnelId: step.funnelId,
                  stepId: step.id,
                }}
                data-test="edit-checkout"
              >
                <CreditCardIcon />
                {t('funnels.editor.edit_checkout')}
              </Link>
            </Button>
          )}
          <DeleteStepDialog step={step} />
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate>
          <fieldset disabled={!canWrite || processing} className="grid min-w-0 gap-5">
            <div className="grid gap-5 @md:grid-cols-2">
              <div className="grid gap-2">
                <Label htmlFor="editor-name">{t('common.name')}</Label>
                <Input
                  id="editor-name"
                  value={name}
                  onChange={(e) => set({ name: e.target.value })}
                  data-test="editor-name"
                  aria-invalid={errors.name ? true : undefined}
                />
                <InputError message={errors.name} />
              </div>
              <div className="grid gap-2">
                <Label htmlFor="editor-slug">{t('funnels.editor.slug')}</Label>
                <Input
                  id="editor-slug"
                  value={slug}
                  onChange={(e) => set({ slug: sanitizeSlugInput(e.target.value) })}
                  onBlur={() => set({ slug: slugify(slug || name) })}
                  className="font-mono text-sm"
                  autoCapitalize="none"
                  spellCheck={false}
                  data-test="editor-slug"
                  aria-invalid={errors.slug ? true : undefined}
                />
                <InputError message={errors.slug} />
              </div>
            </div>
            <div className="grid gap-5 @md:grid-cols-2 @md:items-end">
              <div className="grid gap-2">
                <Label htmlFor="editor-type">{t('funnels.builder.step_type')}</Label>
                <Select
                  id="editor-type"
                  value={stepType}
                  onChange={(e) => set({ stepType: e.target.value as StepType })}
                  data-test="editor-type"
                  aria-invalid={errors.stepType ? true : undefined}
                >
                  {STEP_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`funnels.step_types.${type}`)}
                    </option>
                  ))}
                </Select>
                <InputError message={errors.stepType} />
              </div>
              <label className="flex h-9 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={isActive}
                  onChange={(e) => set({ isActive: e.target.checked })}
                  className="size-4 accent-primary"
                  data-test="editor-active"
                />
                {t('funnels.editor.active')}
              </label>
            </div>

            {!hideContent && <Separator />}

            {!hideContent && (
              <StepContentFields
                key={`${stepType}-${generation}`}
                type={stepType}
                content={content}
                onChange={(patch) =>
                  setForm((current) => ({
                    ...current,
                    contents: { ...current.contents, [stepType]: { ...content, ...patch } },
                  }))
                }
                errors={errors}
                targets={targets}
              />
            )}
          </fieldset>
          {canWrite && (
            <div className="mt-6 flex items-center justify-end gap-3">
              {saveFailure.failure ? (
                <SaveFailure message={saveFailure.failure} disabled={processing} />
              ) : Object.keys(errors).length > 0 ? (
                <p className="text-sm text-destructive" role="status">
                  {t('funnels.editor.has_errors')}
                </p>
              ) : (
                dirty && (
                  <p className="text-sm text-muted-foreground" role="status" data-test="unsaved">
                    {t('funnels.editor.unsaved')}
                  </p>
                )
              )}
              <Button type="submit" disabled={processing} data-test="editor-submit">
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('funnels.editor.save')}
              </Button>
            </div>
          )}
        </form>
      </CardContent>
    </Card>
  )
}
