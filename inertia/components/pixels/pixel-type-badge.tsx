import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import type { Data } from '@generated/data'

type PixelType = Data.Pixel['pixelType']

/** Brand colours, only for the small dot beside the name. */
const BRAND_DOT: Record<PixelType, string> = {
  facebook: 'bg-[#0866ff]',
  google: 'bg-[#34a853]',
  tiktok: 'bg-[#fe2c55]',
  custom: 'bg-muted-foreground',
}

/** The pixel's platform as a small label with its brand colour. */
export function PixelTypeBadge({ type, className }: { type: PixelType; className?: string }) {
  const t = useT()
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        className
      )}
    >
      <span aria-hidden="true" className={cn('size-2 rounded-full', BRAND_DOT[type])} />
      {t(`pixels.type.${type}`)}
    </span>
  )
}
