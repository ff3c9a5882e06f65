import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { router, usePage } from '@inertiajs/react'
import {
  AlertCircleIcon,
  CheckIcon,
  LoaderCircleIcon,
  LockIcon,
  PlusIcon,
  Redo2Icon,
  Undo2Icon,
} from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { Select } from '~/components/ui/select'
import { Label } from '~/components/ui/label'
import { useT, useLocale } from '~/lib/i18n'
import { urlFor } from '~/lib/client'
import { xsrfToken } from '~/components/checkout/form'
import { useWarnBeforeLeaving } from '~/hooks/use_save_guard'
import type { Data } from '@generated/data'
import { BlockFields } from '~/components/page-editor/block-panel'
import { PageCanvas } from '~/components/page-editor/page-canvas'
import { PagePreview } from '~/components/page-editor/page-preview'
import { StepBlockFields } from '~/components/page-editor/step-block-fields'
import {
  addBlock,
  addSection,
  commit,
  errorsByBlock,
  findBlock,
  historyOf,
  isStepBlock,
  locate,
  moveBlock,
  moveSection,
  newBlock,
  newSection,
  paletteFor,
  redo,
  removeBlock,
  removeSection,
  undo,
  updateBlock,
  updateSection,
  type BlockTexts,
  type BlockType,
  type History,
  type StepPage,
} from '~/components/page-editor/page_model'

type Step = Data.Step.Variants['inFunnel']

const AUTOSAVE_MS = 800

type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'failed' }

/** Where the page is saved (PUT, the draft) and rendered unsaved (POST → HTML). */
function pageUrls(workspaceSlug: string, step: Step) {
  const params = { workspaceSlug, funnelId: step.funnelId, stepId: step.id }
  return {
    save: urlFor('w.step_pages.update', params),
    preview: urlFor('w.step_pages.preview', params),
    saved: urlFor('w.step_previews.show', params),
  }
}

/**
 * The block editor of a step's page: palette, sections of sortable blocks, the selected block's
 * fields, a live preview of the unsaved page, undo/redo (buttons, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y)
 * over a history of page states, and autosave (debounced PUT of the whole page, its state in
 * words; a refused save keeps the page and shows the server's errors on the blocks).
 */
export function PageEditor({ step, steps }: { step: Step & { page: StepPage }; steps: Step[] }) {
  const t = useT()
  const locale = useLocale()
  const { workspace } = usePage().props
  const canWrite = workspace?.can.write ?? false
  const urls = pageUrls(workspace?.slug ?? '', step)

  const [history, setHistory] = useState<History>(() => historyOf(step.page))
  const page = history.present
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [currentSectionId, setCurrentSectionId] = useState<string | null>(null)
  /** The last refused save's errors, already keyed by block id (they follow a moved block). */
  const [serverErrors, setServerErrors] = useState<Record<string, Record<string, string>>>({})
  const [previewErrors, setPreviewErrors] = useState<Record<string, string>>({})
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: null })
  /** The capture form's / upsell offer's unsaved step content, drawn by the live preview. */
  const [contentDraft, setContentDraft] = useState<Record<string, unknown> | null>(null)

  const texts: BlockTexts = useMemo(
    () => ({
      headline: t('page_editor.defaults.headline'),
      text: t('page_editor.defaults.text'),
      button: t('page_editor.defaults.button'),
      countdown: t('page_editor.defaults.countdown'),
      guarantee: t('page_editor.defaults.guarantee'),
      testimonialName: t('page_editor.defaults.testimonial_name'),
      testimonialText: t('page_editor.defaults.testimonial_text'),
      faqQuestion: t('page_editor.defaults.faq_question'),
      faqAnswer: t('page_editor.defaults.faq_answer'),
      bullet: t('page_editor.defaults.bullet'),
    }),
    [t]
  )

  const change = useCallback((next: (page: StepPage) => StepPage, coalesce?: string) => {
    setHistory((current) => commit(current, next(current.present), coalesce ?? null))
  }, [])

  /** The errors of the last refused save, else of the live preview, grouped by block. */
  const errors = useMemo(() => {
    if (Object.keys(serverErrors).length > 0) return serverErrors
    const pageErrors = Object.entries(previewErrors).filter(([key]) => !key.startsWith('content.'))
    return errorsByBlock(page, Object.fromEntries(pageErrors))
  }, [page, serverErrors, previewErrors])
  /** The preview's verdict on the unsaved step content, shown in the step block's panel. */
  const contentErrors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(previewErrors).filter(([key]) => key.startsWith('content.'))
      ),
    [previewErrors]
  )

  /* ---------- autosave ---------- */
  const json = JSON.stringify(page)
  const latest = useRef(json)
  latest.current = json
  const savedJson = useRef(json)
  const attempted = useRef<string | null>(null)
  const inFlight = useRef(false)
  const savedAt = useRef<Date | null>(null)

  const saveNow = useCallback(async () => {
    if (!canWrite || inFlight.current) return
    const body = latest.current
    if (body === savedJson.current) {
      setSave({ kind: 'saved', at: savedAt.current })
      return
    }
    inFlight.current = true
    attempted.current = body
    setSave({ kind: 'saving' })
    let outcome: SaveState
    try {
      const response = await fetch(urls.save, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'X-XSRF-TOKEN': xsrfToken(),
        },
        body,
      })
      if (response.ok) {
        savedJson.current = body
        savedAt.current = new Date()
        setServerErrors({})
        outcome = { kind: 'saved', at: savedAt.current }
      } else if (response.status === 422) {
        const data = (await response.json().catch(() => ({}))) as {
          errors?: Array<{ field?: string; message: string }>
        }
        const found: Record<string, string> = {}
        for (const error of data.errors ?? []) {
          const field = error.field ?? ''
          if (!found[field]) found[field] = error.message
        }
        setServerErrors(errorsByBlock(JSON.parse(body) as StepPage, found))
        outcome = { kind: 'invalid' }
      } else {
        outcome = { kind: 'failed' }
      }
    } catch {
      outcome = { kind: 'failed' }
    }
    inFlight.current = false
    /** Typed on during the save: that newer page goes next (a refused one waits for a change). */
    if (outcome.kind !== 'failed' && latest.current !== body) {
      setSave({ kind: 'pending' })
      void saveNow()
      return
    }
    setSave(outcome)
    /** The builder's props hold the page too: a later visit to this step opens what was saved. */
    if (outcome.kind === 'saved') router.reload({ only: ['funnel'] })
  }, [canWrite, urls.save])

  useEffect(() => {
    if (!canWrite) return
    /** Back to what is saved (an undo): nothing to send, nothing refused. */
    if (json === savedJson.current) {
      if (!inFlight.current) {
        setSave({ kind: 'saved', at: savedAt.current })
        setServerErrors({})
      }
      return
    }
    /** The page a save is sending, or the one the server refused: wait for a change. */
    if (json === attempted.current) return
    setSave((old) => (old.kind === 'saving' ? old : { kind: 'pending' }))
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_MS)
    return () => clearTimeout(timer)
  }, [json, canWrite, saveNow])

  /**
   * Another step selected (a partial visit, not "leaving") or the page closed within the
   * autosave delay: the last changes still go, on a request that outlives the editor.
   */
  useEffect(
    () => () => {
      if (!canWrite || latest.current === savedJson.current) return
      if (latest.current === attempted.current) return
      void fetch(urls.save, {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'X-XSRF-TOKEN': xsrfToken(),
        },
        body: latest.current,
      })
        .then(() => router.reload({ only: ['funnel'] }))
        .catch(() => {})
    },
    []
  )

  const unsaved = json !== savedJson.current
  useWarnBeforeLeaving(canWrite && unsaved)

  /* ---------- actions ---------- */
  const selected = selectedId ? findBlock(page, selectedId) : null
  const targetSectionId =
    (selectedId && locate(page, selectedId)?.sectionId) ??
    page.sections.find((s) => s.id === currentSectionId)?.id ??
    page.sections[page.sections.length - 1]?.id ??
    null
  const palette = paletteFor(step.stepType, page)

  function add(type: BlockType) {
    const block = newBlock(type, texts)
    change((current) => addBlock(current, block, targetSectionId))
    setSelectedId(block.id)
  }

  function remove(blockId: string) {
    change((current) => removeBlock(current, blockId, step.stepType))
    if (selectedId === blockId) setSelectedId(null)
  }

  const onUndo = () => setHistory(undo)
  const onRedo = () => setHistory(redo)

  function onKeyDown(event: KeyboardEvent) {
    if (!canWrite || !(event.ctrlKey || event.metaKey) || event.altKey) return
    /** The step's own content form (capture, upsell) is not in the page's history. */
    if ((event.target as HTMLElement).closest('[data-test="step-block-form"]')) return
    const key = event.key.toLowerCase()
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault()
      onUndo()
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault()
      onRedo()
    }
  }

  const selectedAt = selectedId ? locate(page, selectedId) : null
  const targets = steps.filter((other) => other.id !== step.id)
  const time =
    save.kind === 'saved' && save.at
      ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(save.at)
      : null

  return (
    <div
      className="grid grid-cols-1 items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]"
      onKeyDown={onKeyDown}
      data-test="page-editor"
    >
      <Card className="gap-4">
        <CardHeader className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <CardTitle>{t('page_editor.title')}</CardTitle>
            <CardDescription>{t('page_editor.description')}</CardDescription>
          </div>
          {canWrite ? (
            <div className="flex flex-wrap items-center gap-2">
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                onClick={onUndo}
                disabled={history.past.length === 0}
                aria-label={t('page_editor.undo')}
                title={t('page_editor.undo')}
                aria-keyshortcuts="Control+Z"
                data-test="page-undo"
              >
                <Undo2Icon aria-hidden="true" />
              </Button>
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                onClick={onRedo}
                disabled={history.future.length === 0}
                aria-label={t('page_editor.redo')}
                title={t('page_editor.redo')}
                aria-keyshortcuts="Control+Shift+Z Control+Y"
                data-test="page-redo"
              >
                <Redo2Icon aria-hidden="true" />
              </Button>
              <div
                role="status"
                className="flex min-h-8 items-center gap-1.5 text-sm"
                data-test="page-save-state"
                data-state={save.kind}
              >
                {save.kind === 'saving' && (
                  <>
                    <LoaderCircleIcon className="size-4 animate-spin" aria-hidden="true" />
                    <span className="text-muted-foreground">{t('page_editor.save.saving')}</span>
                  </>
                )}
                {save.kind === 'pending' && (
                  <span className="text-muted-foreground">{t('page_editor.save.pending')}</span>
                )}
                {save.kind === 'saved' && (
                  <span className="flex items-center gap-1 text-muted-foreground">
                    <CheckIcon className="size-4" aria-hidden="true" />
                    {time ? t('page_editor.save.saved_at', { time }) : t('page_editor.save.saved')}
                  </span>
                )}
                {save.kind === 'invalid' && (
                  <span className="flex items-center gap-1 text-destructive">
                    <AlertCircleIcon className="size-4" aria-hidden="true" />
                    {t('page_editor.save.invalid')}
                  </span>
                )}
                {save.kind === 'failed' && (
                  <span className="flex items-center gap-1 text-destructive">
                    <AlertCircleIcon className="size-4" aria-hidden="true" />
                    {t('page_editor.save.failed')} —
                    <Button
                      type="button"
                      variant="link"
                      size="sm"
                      className="h-auto p-0 text-destructive"
                      onClick={() => void saveNow()}
                      data-test="page-save-retry"
                    >
                      {t('page_editor.save.retry')}
                    </Button>
                  </span>
                )}
              </div>
            </div>
          ) : (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <LockIcon className="size-4" aria-hidden="true" />
              {t('page_editor.read_only')}
            </p>
          )}
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-4">
          {canWrite && (
            <div className="grid gap-2" data-test="block-palette">
              <h3 id="page-palette-title" className="text-sm font-medium">
                {t('page_editor.palette')}
              </h3>
              <div
                role="group"
                aria-labelledby="page-palette-title"
                aria-describedby="page-palette-hint"
                className="flex flex-wrap gap-1.5"
              >
                {palette.map((type) => (
                  <Button
                    key={type}
                    type="button"
                    variant="outline"
                    size="sm"
                    onClick={() => add(type)}
                    data-test={`palette-${type}`}
                  >
                    <PlusIcon aria-hidden="true" />
                    {t(`page_editor.types.${type}`)}
                  </Button>
                ))}
              </div>
              <p id="page-palette-hint" className="text-xs text-muted-foreground">
                {t('page_editor.palette.target')}
              </p>
            </div>
          )}
          {errors[''] && (
            <p role="alert" className="text-sm text-destructive" data-test="page-errors">
              {Object.values(errors['']).join(' ')}
            </p>
          )}
          <PageCanvas
            page={page}
            stepType={step.stepType}
            selectedId={selectedId}
            currentSectionId={targetSectionId}
            sortable={canWrite}
            errors={errors}
            onCommit={(next) => change(() => next)}
            onSelect={(id) => setSelectedId(id)}
            onRemove={remove}
            onAddSection={() => {
              const section = newSection()
              change((current) => addSection(current, section))
              setCurrentSectionId(section.id)
              setSelectedId(null)
            }}
            onSectionChange={(sectionId, action) => {
              if (action === 'focus') {
                setCurrentSectionId(sectionId)
              } else if (action === 'up' || action === 'down') {
                change((current) => moveSection(current, sectionId, action === 'up' ? -1 : 1))
              } else if (action === 'remove') {
                change((current) => removeSection(current, sectionId, step.stepType))
              } else {
                change(
                  (current) => updateSection(current, sectionId, action),
                  `${sectionId}.background`
                )
              }
            }}
          />
        </CardContent>
      </Card>

      <div className="flex flex-col gap-6 2xl:sticky 2xl:top-6">
        <Card className="gap-4" data-test="block-panel">
          <CardHeader>
            <CardTitle className="text-base">
              {selected ? t(`page_editor.types.${selected.type}`) : t('page_editor.panel.title')}
            </CardTitle>
          </CardHeader>
          <CardContent>
            {!selected ? (
              <p className="text-sm text-muted-foreground">{t('page_editor.panel.none')}</p>
            ) : isStepBlock(selected.type) ? (
              <StepBlockFields
                key={selected.id}
                type={selected.type}
                step={step}
                steps={steps}
                onDraft={setContentDraft}
                liveErrors={contentDraft ? contentErrors : {}}
              />
            ) : (
              <fieldset disabled={!canWrite} className="grid min-w-0 gap-4">
                <BlockFields
                  block={selected}
                  onChange={(patch, field) =>
                    change(
                      (current) => updateBlock(current, selected.id, patch),
                      `${selected.id}.${field}`
                    )
                  }
                  errors={errors[selected.id] ?? {}}
                  targets={targets}
                />
                {page.sections.length > 1 && selectedAt && (
                  <div className="grid gap-2">
                    <Label htmlFor="block-section">{t('page_editor.block.move_to')}</Label>
                    <Select
                      id="block-section"
                      value={selectedAt.sectionId}
                      onChange={(event) =>
                        change((current) =>
                          moveBlock(current, selected.id, event.target.value, Infinity)
                        )
                      }
                      data-test="block-move-section"
                    >
                      {page.sections.map((section, index) => (
                        <option key={section.id} value={section.id}>
                          {t('page_editor.section', { number: index + 1 })}
                        </option>
                      ))}
                    </Select>
                  </div>
                )}
              </fieldset>
            )}
          </CardContent>
        </Card>
        <PagePreview
          page={page}
          content={contentDraft}
          previewUrl={urls.preview}
          savedUrl={urls.saved}
          live={canWrite}
          name={step.name}
          refreshKey={step.version}
          onValidation={(found) => {
            /** The preview validates like a save, and later: its verdict replaces the save's. */
            setServerErrors({})
            setPreviewErrors(found ?? {})
          }}
        />
      </div>
    </div>
  )
}
