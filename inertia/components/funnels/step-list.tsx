import { useEffect, useMemo, useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVerticalIcon } from 'lucide-react'
import { toast } from 'sonner'
import { STEP_TYPE_ICONS } from '~/components/funnels/step-type'
import { Badge } from '~/components/ui/badge'
import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type Step = Data.Step.Variants['inFunnel']

function SortableStep({
  step,
  position,
  selected,
  sortable,
  onSelect,
}: {
  step: Step
  position: number
  selected: boolean
  sortable: boolean
  onSelect: () => void
}) {
  const t = useT()
  const Icon = STEP_TYPE_ICONS[step.stepType]
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: step.id,
    disabled: !sortable,
    attributes: { roleDescription: t('funnels.builder.a11y.role') },
  })

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-test={`step-item-${step.slug}`}
      data-position={position}
      className={cn(
        'group flex items-center gap-1 rounded-lg border bg-card pr-2 text-sm shadow-xs transition-colors',
        selected ? 'border-primary ring-1 ring-primary' : 'hover:border-ring/60',
        isDragging && 'relative z-10 shadow-lg'
      )}
    >
      {sortable ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('funnels.builder.drag', { name: step.name })}
          className="flex h-full cursor-grab touch-none items-center self-stretch rounded-l-lg px-1.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 active:cursor-grabbing"
          data-test={`step-drag-handle-${step.slug}`}
        >
          <GripVerticalIcon className="size-4" />
        </button>
      ) : (
        <span className="w-2" />
      )}
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? 'step' : undefined}
        className="flex min-w-0 flex-1 items-center gap-2.5 rounded-md py-2.5 text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        data-test={`step-select-${step.slug}`}
      >
        <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-accent text-accent-foreground">
          <Icon className="size-4" />
        </span>
        <span className="flex min-w-0 flex-col">
          {/* A long name wraps (the list column is narrow) instead of being cut off. */}
          <span
            className="font-medium break-words"
            title={step.name}
            data-test={`step-name-${step.slug}`}
          >
            <span className="text-muted-foreground tabular-nums">{position + 1}.</span> {step.name}
          </span>
          <span className="truncate text-xs text-muted-foreground">
            {t(`funnels.step_types.${step.stepType}`)}
          </span>
        </span>
      </button>
      {!step.isActive && (
        <Badge variant="secondary" className="shrink-0">
          {t('funnels.status.inactive')}
        </Badge>
      )}
    </li>
  )
}

/**
 * The funnel's steps, sortable with the mouse (drag the handle), touch, or the keyboard (focus
 * the handle, Space, arrows, Space). A drop shows the new order at once and saves it through the
 * reorder route; if the server refuses, the previous order comes back with a toast.
 */
export function StepList({
  funnelId,
  steps,
  selectedId,
  onSelect,
}: {
  funnelId: number
  steps: Step[]
  selectedId: number | null
  onSelect: (step: Step) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const sortable = workspace?.can.write ?? false
  const [order, setOrder] = useState<number[]>(() => steps.map((step) => step.id))
  const byId = useMemo(() => new Map(steps.map((step) => [step.id, step])), [steps])

  /** The server's order wins whenever new props arrive (after a save, or a refusal). */
  useEffect(() => setOrder(steps.map((step) => step.id)), [steps])

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates })
  )

  const nameOf = (id: UniqueIdentifier) => byId.get(Number(id))?.name ?? ''
  const positionOf = (id: UniqueIdentifier) => order.indexOf(Number(id)) + 1
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('funnels.builder.a11y.picked', {
        name: nameOf(active.id),
        position: positionOf(active.id),
      }),
    onDragOver: ({ active, over }) =>
      over
        ? t('funnels.builder.a11y.over', { name: nameOf(active.id), position: positionOf(over.id) })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('funnels.builder.a11y.dropped', {
            name: nameOf(active.id),
            position: positionOf(over.id),
          })
        : undefined,
    onDragCancel: ({ active }) => t('funnels.builder.a11y.cancelled', { name: nameOf(active.id) }),
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id || !workspace) return
    const previous = order
    const next = arrayMove(order, order.indexOf(Number(active.id)), order.indexOf(Number(over.id)))
    setOrder(next)

    const rollback = (message?: string) => {
      setOrder(previous)
      toast.error(message ?? t('funnels.builder.reorder_failed'))
    }
    router.put(
      urlFor('w.steps.reorder', { workspaceSlug: workspace.slug, funnelId }),
      { ids: next },
      {
        preserveScroll: true,
        preserveState: true,
        onError: (errors) => rollback(errors.ids),
        onHttpException: () => {
          rollback()
          return false
        },
        onNetworkError: () => {
          rollback()
          return false
        },
      }
    )
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('funnels.builder.a11y.instructions') },
      }}
    >
      <SortableContext items={order} strategy={verticalListSortingStrategy}>
        <ol className="flex flex-col gap-2" data-test="step-list" aria-label={t('funnels.steps')}>
          {order.map((id, position) => {
            const step = byId.get(id)
            if (!step) return null
            return (
              <SortableStep
                key={id}
                step={step}
                position={position}
                selected={id === selectedId}
                sortable={sortable}
                onSelect={() => onSelect(step)}
              />
            )
          })}
        </ol>
      </SortableContext>
    </DndContext>
  )
}
