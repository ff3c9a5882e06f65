import { useRef, useState } from 'react'
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCorners,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import {
  AlertCircleIcon,
  ArrowDownIcon,
  ArrowUpIcon,
  GripVerticalIcon,
  LockIcon,
  PlusIcon,
  Trash2Icon,
} from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useT, type Translate } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import {
  canRemove,
  canRemoveSection,
  dropTarget,
  locate,
  moveBlock,
  type PageBlock,
  type PageSection,
  type StepPage,
} from '~/components/page-editor/page_model'

/** One line that tells blocks of the same type apart in the list. */
export function blockSummary(block: PageBlock, t: Translate): string {
  switch (block.type) {
    case 'headline':
    case 'text':
      return block.text
    case 'button':
      return block.label
    case 'image':
      return block.alt || block.url
    case 'video':
      return block.url
    case 'countdown':
      return `${block.minutes} min · ${block.label}`
    case 'guarantee':
      return `${block.days} · ${block.text}`
    case 'testimonials':
    case 'faq':
    case 'bullets':
      return t('page_editor.fields.item', { number: block.items.length })
    default:
      return ''
  }
}

function SortableBlock({
  block,
  stepType,
  selected,
  sortable,
  errors,
  onSelect,
  onRemove,
}: {
  block: PageBlock
  stepType: string
  selected: boolean
  sortable: boolean
  errors: Record<string, string> | undefined
  onSelect: () => void
  onRemove: () => void
}) {
  const t = useT()
  const label = t(`page_editor.types.${block.type}`)
  const summary = blockSummary(block, t)
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: block.id,
    disabled: !sortable,
    attributes: { roleDescription: t('page_editor.a11y.role') },
  })
  const invalid = errors !== undefined && Object.keys(errors).length > 0
  const removable = sortable && canRemove(stepType, block)

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        'flex items-center gap-1 rounded-lg border bg-card pr-1 text-sm shadow-xs',
        selected ? 'border-primary ring-1 ring-primary' : 'hover:border-ring/60',
        invalid && 'border-destructive',
        isDragging && 'relative z-10 shadow-lg'
      )}
      data-test={`block-${block.type}`}
      data-block-id={block.id}
    >
      {sortable ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('page_editor.block.drag', {
            block: summary ? `${label}: ${summary}` : label,
          })}
          className="flex cursor-grab touch-none items-center self-stretch rounded-l-lg px-1.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 active:cursor-grabbing"
          data-test="block-drag-handle"
        >
          <GripVerticalIcon className="size-4" aria-hidden="true" />
        </button>
      ) : (
        <span className="w-2" />
      )}
      <button
        type="button"
        onClick={onSelect}
        aria-pressed={selected}
        className="flex min-w-0 flex-1 flex-col items-start rounded-md py-2 text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        data-test="block-select"
      >
        <span className="flex items-center gap-1.5 font-medium">
          {label}
          {!canRemove(stepType, block) && (
            <span className="inline-flex items-center gap-1 text-xs font-normal text-muted-foreground">
              <LockIcon className="size-3" aria-hidden="true" />
              {t('page_editor.block.required')}
            </span>
          )}
        </span>
        {summary && (
          <span className="w-full truncate text-xs text-muted-foreground" data-test="block-summary">
            {summary}
          </span>
        )}
        {invalid && (
          <span
            className="flex items-center gap-1 text-xs text-destructive"
            data-test="block-error"
          >
            <AlertCircleIcon className="size-3" aria-hidden="true" />
            {t('page_editor.block.has_errors')}
          </span>
        )}
      </button>
      {removable && (
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          onClick={onRemove}
          aria-label={t('page_editor.block.remove', { block: label })}
          data-test="block-remove"
        >
          <Trash2Icon aria-hidden="true" />
        </Button>
      )}
    </li>
  )
}

function Section({
  section,
  number,
  count,
  page,
  stepType,
  selectedId,
  current,
  sortable,
  errors,
  onSelect,
  onRemove,
  onSectionChange,
}: {
  section: PageSection
  number: number
  count: number
  page: StepPage
  stepType: string
  selectedId: string | null
  current: boolean
  sortable: boolean
  errors: Record<string, Record<string, string>>
  onSelect: (id: string) => void
  onRemove: (id: string) => void
  onSectionChange: (
    action: 'up' | 'down' | 'remove' | 'focus' | { background: string | null }
  ) => void
}) {
  const t = useT()
  /** An empty section still takes a dropped block (sections with blocks take it over a block). */
  const { setNodeRef, isOver } = useDroppable({
    id: section.id,
    disabled: section.blocks.length > 0,
  })
  const headingId = `section-${section.id}-title`
  const colorId = `section-${section.id}-background`

  return (
    <section
      aria-labelledby={headingId}
      className={cn('rounded-xl border bg-muted/40 p-3', current && 'border-ring/60')}
      onFocusCapture={() => onSectionChange('focus')}
      onClick={() => onSectionChange('focus')}
      data-test={`section-${number}`}
      data-section-id={section.id}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="mr-auto text-sm font-semibold">
          {t('page_editor.section', { number })}
        </h3>
        {sortable && (
          <>
            <label htmlFor={colorId} className="sr-only">
              {t('page_editor.section.background', { number })}
            </label>
            <input
              id={colorId}
              type="color"
              value={section.background ?? '#ffffff'}
              onChange={(event) => onSectionChange({ background: event.target.value })}
              className="h-7 w-9 cursor-pointer rounded border bg-background p-0.5"
              data-test="section-background"
            />
            {section.background && (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="h-7"
                onClick={() => onSectionChange({ background: null })}
              >
                {t('page_editor.section.background_default')}
              </Button>
            )}
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              disabled={number === 1}
              onClick={() => onSectionChange('up')}
              aria-label={t('page_editor.section.up', { number })}
            >
              <ArrowUpIcon aria-hidden="true" />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              disabled={number === count}
              onClick={() => onSectionChange('down')}
              aria-label={t('page_editor.section.down', { number })}
            >
              <ArrowDownIcon aria-hidden="true" />
            </Button>
            {canRemoveSection(page, section.id, stepType) && (
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                onClick={() => onSectionChange('remove')}
                aria-label={t('page_editor.section.remove', { number })}
                data-test="section-remove"
              >
                <Trash2Icon aria-hidden="true" />
              </Button>
            )}
          </>
        )}
      </div>
      <SortableContext
        id={section.id}
        items={section.blocks.map((block) => block.id)}
        strategy={verticalListSortingStrategy}
      >
        <ol
          ref={setNodeRef}
          className={cn(
            'flex min-h-12 flex-col gap-2 rounded-lg',
            isOver && 'bg-accent/60 ring-2 ring-ring/40'
          )}
          aria-label={t('page_editor.section', { number })}
        >
          {section.blocks.length === 0 && (
            <li className="px-2 py-3 text-xs text-muted-foreground">
              {t('page_editor.section.empty')}
            </li>
          )}
          {section.blocks.map((block) => (
            <SortableBlock
              key={block.id}
              block={block}
              stepType={stepType}
              selected={block.id === selectedId}
              sortable={sortable}
              errors={errors[block.id]}
              onSelect={() => onSelect(block.id)}
              onRemove={() => onRemove(block.id)}
            />
          ))}
        </ol>
      </SortableContext>
    </section>
  )
}

/**
 * The page's sections and their blocks, sortable with the mouse (drag the handle), touch, or
 * the keyboard (focus the handle, Space, arrows — across sections too —, Space), announced to
 * screen readers in the user's language. While a block is dragged the moves happen on a draft
 * of the page; the drop commits one history entry (one Ctrl+Z), Escape drops the draft.
 */
export function PageCanvas({
  page,
  stepType,
  selectedId,
  currentSectionId,
  sortable,
  errors,
  onCommit,
  onSelect,
  onRemove,
  onAddSection,
  onSectionChange,
}: {
  page: StepPage
  stepType: string
  selectedId: string | null
  currentSectionId: string | null
  sortable: boolean
  errors: Record<string, Record<string, string>>
  onCommit: (page: StepPage) => void
  onSelect: (id: string) => void
  onRemove: (id: string) => void
  onAddSection: () => void
  onSectionChange: (
    sectionId: string,
    action: 'up' | 'down' | 'remove' | 'focus' | { background: string | null }
  ) => void
}) {
  const t = useT()
  const [draft, setDraft] = useState<StepPage | null>(null)
  const shown = draft ?? page
  /** The announcements read the page as it is at that instant (the draft moves during a drag). */
  const shownRef = useRef(shown)
  shownRef.current = shown

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates })
  )

  const labelOf = (id: UniqueIdentifier) => {
    const at = locate(shownRef.current, String(id))
    const block = at && shownRef.current.sections[at.sectionIndex].blocks[at.blockIndex]
    return block ? t(`page_editor.types.${block.type}`) : ''
  }
  /** Position (1-based) and section number of a block, or the end of an (empty) section. */
  const placeOf = (id: UniqueIdentifier) => {
    const current = shownRef.current
    const at = locate(current, String(id))
    if (at) return { position: at.blockIndex + 1, section: at.sectionIndex + 1 }
    const index = current.sections.findIndex((s) => s.id === String(id))
    return { position: (current.sections[index]?.blocks.length ?? 0) + 1, section: index + 1 }
  }
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('page_editor.a11y.picked', { block: labelOf(active.id), ...placeOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('page_editor.a11y.over', { block: labelOf(active.id), ...placeOf(over.id) })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('page_editor.a11y.dropped', { block: labelOf(active.id), ...placeOf(over.id) })
        : undefined,
    onDragCancel: ({ active }) => t('page_editor.a11y.cancelled', { block: labelOf(active.id) }),
  }

  /** Across sections the block changes list while dragging (dnd-kit's multiple containers). */
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return
    setDraft((current) => {
      const base = current ?? page
      const from = locate(base, String(active.id))
      const target = dropTarget(base, String(active.id), String(over.id))
      if (!from || !target || target.sectionId === from.sectionId) return base
      return moveBlock(base, String(active.id), target.sectionId, target.index)
    })
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const base = draft ?? page
    setDraft(null)
    const target = over ? dropTarget(base, String(active.id), String(over.id)) : null
    const final = target ? moveBlock(base, String(active.id), target.sectionId, target.index) : base
    if (JSON.stringify(final) !== JSON.stringify(page)) onCommit(final)
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={() => setDraft(page)}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDraft(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('page_editor.a11y.instructions') },
      }}
    >
      <div className="flex flex-col gap-3" data-test="page-canvas">
        {shown.sections.map((section, index) => (
          <Section
            key={section.id}
            section={section}
            number={index + 1}
            count={shown.sections.length}
            page={shown}
            stepType={stepType}
            selectedId={selectedId}
            current={section.id === currentSectionId}
            sortable={sortable}
            errors={errors}
            onSelect={onSelect}
            onRemove={onRemove}
            onSectionChange={(action) => onSectionChange(section.id, action)}
          />
        ))}
        {sortable && (
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="self-start"
            onClick={onAddSection}
            data-test="section-add"
          >
            <PlusIcon aria-hidden="true" />
            {t('page_editor.section.add')}
          </Button>
        )}
      </div>
    </DndContext>
  )
}
