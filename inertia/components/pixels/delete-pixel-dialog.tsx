import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { ConfirmDialog } from '~/components/app/confirm-dialog'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type PixelRow = Data.Pixel

/** Asks before deleting a pixel. */
export function DeletePixelDialog({
  pixel,
  open,
  onOpenChange,
}: {
  pixel: PixelRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!pixel || !workspace) return null
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('pixels.delete')}
      description={t('pixels.delete.confirm', {
        pixel: `${t(`pixels.type.${pixel.pixelType}`)} ${pixel.pixelId}`,
      })}
      confirmLabel={t('common.delete')}
      request={{
        method: 'delete',
        url: urlFor('w.pixels.destroy', { workspaceSlug: workspace.slug, id: pixel.id }),
      }}
      confirmTestId="confirm-delete-pixel"
    />
  )
}
