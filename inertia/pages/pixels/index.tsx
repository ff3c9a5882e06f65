import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { CrosshairIcon, PencilIcon, PlusIcon, Trash2Icon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { PaginationNav } from '~/components/app/pagination-nav'
import { DeletePixelDialog } from '~/components/pixels/delete-pixel-dialog'
import { PixelFormDialog } from '~/components/pixels/pixel-form-dialog'
import { PixelTypeBadge } from '~/components/pixels/pixel-type-badge'
import type { Data } from '@generated/data'
import type { FunnelWithSteps as FunnelOption } from '#actions/visitors/visitor_rows'
import type { PageMeta } from '#services/pagination'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent } from '~/components/ui/card'
import { Select } from '~/components/ui/select'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { RowIconButton } from '~/components/app/row-icon-button'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type PixelRow = Data.Pixel

/** Which dialog is open, and for which pixel (kept while the dialog closes). */
type Target =
  | { kind: 'create'; pixel: null; open: boolean }
  | { kind: 'edit' | 'delete'; pixel: PixelRow; open: boolean }
  | null

export default function PixelsIndex({
  pixels,
  funnels,
  filters,
}: {
  pixels: { data: PixelRow[]; meta: PageMeta }
  funnels: FunnelOption[]
  filters: { funnelId: number | null }
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [target, setTarget] = useState<Target>(null)
  if (!workspace) return null
  const canWrite = workspace.can.write
  const base = urlFor('w.pixels.index', { workspaceSlug: workspace.slug })
  const { meta } = pixels

  const close = (open: boolean) => {
    if (!open) setTarget((current) => current && { ...current, open: false })
  }

  const pageUrl = (page: number) => {
    const query = new URLSearchParams()
    if (filters.funnelId) query.set('funnel_id', String(filters.funnelId))
    if (page > 1) query.set('page', String(page))
    const search = query.toString()
    return search ? `${base}?${search}` : base
  }

  return (
    <>
      <PageHeader
        title={t('pixels.title')}
        description={t('pixels.subtitle')}
        actions={
          <>
            {funnels.length > 1 && (
              <div className="w-48">
                <Select
                  aria-label={t('pixels.filter')}
                  value={filters.funnelId ? String(filters.funnelId) : ''}
                  onChange={(event) =>
                    router.get(base, event.target.value ? { funnel_id: event.target.value } : {}, {
                      preserveScroll: true,
                    })
                  }
                  data-test="pixel-filter"
                >
                  <option value="">{t('pixels.filter.all')}</option>
                  {funnels.map((funnel) => (
                    <option key={funnel.id} value={funnel.id}>
                      {funnel.name}
                    </option>
                  ))}
                </Select>
              </div>
            )}
            {canWrite && funnels.length > 0 && (
              <Button
                onClick={() => setTarget({ kind: 'create', pixel: null, open: true })}
                data-test="new-pixel"
              >
                <PlusIcon />
                {t('pixels.new')}
              </Button>
            )}
          </>
        }
      />

      {funnels.length === 0 ? (
        <EmptyState icon={CrosshairIcon} description={t('pixels.no_funnels')}>
          <Button asChild variant="outline">
            <Link route="w.funnels.index" routeParams={{ workspaceSlug: workspace.slug }}>
              {t('nav.funnels')}
            </Link>
          </Button>
        </EmptyState>
      ) : pixels.data.length === 0 ? (
        <EmptyState
          icon={CrosshairIcon}
          description={filters.funnelId ? t('pixels.none_for_funnel') : t('pixels.none')}
        />
      ) : (
        <Card className="gap-0 py-2">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-6">{t('pixels.type')}</TableHead>
                  <TableHead>{t('pixels.pixel_id')}</TableHead>
                  <TableHead className="hidden md:table-cell">{t('pixels.funnel')}</TableHead>
                  <TableHead className="hidden md:table-cell">{t('pixels.step')}</TableHead>
                  <TableHead className="hidden lg:table-cell">{t('pixels.event')}</TableHead>
                  <TableHead>{t('common.status')}</TableHead>
                  {canWrite && (
                    <TableHead className="pr-6 text-right">
                      <span className="sr-only">{t('common.actions')}</span>
                    </TableHead>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {pixels.data.map((pixel) => (
                  <TableRow key={pixel.id} data-test={`pixel-row-${pixel.id}`}>
                    <TableCell className="pl-6">
                      <PixelTypeBadge type={pixel.pixelType} />
                    </TableCell>
                    <TableCell className="max-w-48 truncate font-mono text-xs">
                      {pixel.pixelId}
                    </TableCell>
                    <TableCell className="hidden md:table-cell">{pixel.funnel?.name}</TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">
                      {pixel.step?.name ?? t('pixels.all_steps')}
                    </TableCell>
                    <TableCell className="hidden lg:table-cell">
                      {pixel.eventName ? (
                        <span className="font-mono text-xs">{pixel.eventName}</span>
                      ) : (
                        <span className="text-muted-foreground">{t('pixels.event.default')}</span>
                      )}
                    </TableCell>
                    <TableCell>
                      {pixel.isActive ? (
                        <Badge variant="success">{t('pixels.active')}</Badge>
                      ) : (
                        <Badge variant="secondary">{t('pixels.inactive')}</Badge>
                      )}
                    </TableCell>
                    {canWrite && (
                      <TableCell className="pr-6 text-right">
                        <div className="flex justify-end gap-1">
                          <RowIconButton
                            icon={PencilIcon}
                            label={t('common.edit')}
                            subject={pixel.pixelId}
                            onClick={() => setTarget({ kind: 'edit', pixel, open: true })}
                            test={`edit-pixel-${pixel.id}`}
                          />
                          <RowIconButton
                            icon={Trash2Icon}
                            label={t('common.delete')}
                            subject={pixel.pixelId}
                            onClick={() => setTarget({ kind: 'delete', pixel, open: true })}
                            destructive
                            test={`delete-pixel-${pixel.id}`}
                          />
                        </div>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <PaginationNav meta={meta} pageUrl={pageUrl} />

      {canWrite && (
        <>
          <PixelFormDialog
            pixel={target?.kind === 'edit' ? target.pixel : null}
            funnels={funnels}
            open={(target?.kind === 'create' || target?.kind === 'edit') && target.open}
            onOpenChange={close}
          />
          <DeletePixelDialog
            pixel={target?.kind === 'delete' ? target.pixel : null}
            open={target?.kind === 'delete' && target.open}
            onOpenChange={close}
          />
        </>
      )}
    </>
  )
}
