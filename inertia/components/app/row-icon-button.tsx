import type { ComponentType } from 'react'
import { Button } from '~/components/ui/button'
import { cn } from '~/lib/utils'

/**
 * An icon action on a list row ("Editar", "Excluir", "Arquivar"…): its label is the tooltip and,
 * with the row's name, what a screen reader hears. `destructive` reddens it on hover.
 */
export function RowIconButton({
  icon: Icon,
  label,
  subject,
  onClick,
  destructive = false,
  test,
}: {
  icon: ComponentType
  label: string
  /** What the row is called, read after the label ("Editar: Loja da Ana"). */
  subject: string
  onClick: () => void
  destructive?: boolean
  test: string
}) {
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      className={cn(destructive && 'text-muted-foreground hover:text-destructive')}
      onClick={onClick}
      aria-label={`${label}: ${subject}`}
      title={label}
      data-test={test}
    >
      <Icon />
    </Button>
  )
}
