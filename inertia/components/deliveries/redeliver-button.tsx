import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { RotateCwIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { canRedeliver } from '~/components/deliveries/options'
import { urlFor } from '~/lib/client'

type DeliveryRow = Data.Delivery

/**
 * "Reenviar" for a failed or dead delivery, for editors only: posts to the admin route, which
 * flashes the outcome and redirects back to the page it came from.
 */
export function RedeliverButton({
  delivery,
  size = 'sm',
}: {
  delivery: Pick<DeliveryRow, 'id' | 'status'>
  size?: 'sm' | 'default'
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [processing, setProcessing] = useState(false)
  if (!workspace?.can.write || !canRedeliver(delivery)) return null
  const redeliver = () =>
    router.post(
      urlFor('w.deliveries.redeliver', { workspaceSlug: workspace.slug, id: delivery.id }),
      {},
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onFinish: () => setProcessing(false),
      }
    )
  return (
    <Button
      variant="outline"
      size={size}
      onClick={redeliver}
      disabled={processing}
      data-test={`redeliver-${delivery.id}`}
    >
      <RotateCwIcon />
      {t('deliveries.redeliver')}
    </Button>
  )
}
