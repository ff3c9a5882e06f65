import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { PauseIcon, PencilIcon, PlayIcon, PlusIcon, TicketPercentIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { PaginationNav } from '~/components/app/pagination-nav'
import { RowIconButton } from '~/components/app/row-icon-button'
import { CouponFormDialog } from '~/components/coupons/coupon-form-dialog'
import type { Data } from '@generated/data'
import type { FunnelOption } from '#controllers/admin/coupons_controller'
import type { PageMeta } from '#services/pagination'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent } from '~/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { formatBRL } from '~/lib/money'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type CouponRow = Data.Coupon

type Target = { coupon: CouponRow | null; open: boolean; key: number } | null

/** Active, deactivated, expired or used up: what a buyer typing the code would meet. */
function couponStatus(coupon: CouponRow) {
  if (!coupon.isActive) return 'inactive'
  if (coupon.expiresAt && Date.parse(coupon.expiresAt) <= Date.now()) return 'expired'
  if (coupon.maxUses !== null && coupon.usage.taken >= coupon.maxUses) return 'exhausted'
  return 'active'
}

/** The form's fields for a coupon, with `isActive` flipped: the admin update takes the whole coupon. */
function toggledPayload(coupon: CouponRow) {
  return {
    code: coupon.code,
    description: coupon.description,
    discountType: coupon.discountType,
    percentOff: coupon.percentOff,
    amountOffCents: coupon.amountOffCents,
    maxUses: coupon.maxUses,
    maxUsesPerBuyer: coupon.maxUsesPerBuyer,
    minOrderCents: coupon.minOrderCents,
    expiresAt: coupon.expiresAt,
    funnelIds: coupon.funnels.map((funnel) => funnel.id),
    isActive: !coupon.isActive,
  }
}

export default function CouponsIndex({
  coupons,
  funnels,
}: {
  coupons: { data: CouponRow[]; meta: PageMeta }
  funnels: FunnelOption[]
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [target, setTarget] = useState<Target>(null)
  if (!workspace) return null
  const canWrite = workspace.can.write
  const base = urlFor('w.coupons.index', { workspaceSlug: workspace.slug })
  const { meta } = coupons
  const open = (coupon: CouponRow | null) =>
    setTarget({ coupon, open: true, key: (target?.key ?? 0) + 1 })

  return (
    <>
      <PageHeader
        title={t('coupons.title')}
        description={t('coupons.subtitle')}
        actions={
          canWrite && (
            <Button onClick={() => open(null)} data-test="new-coupon">
              <PlusIcon />
              {t('coupons.new')}
            </Button>
          )
        }
      />

      {coupons.data.length === 0 ? (
        <EmptyState icon={TicketPercentIcon} description={t('coupons.none')} />
      ) : (
        <Card className="gap-0 py-2">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-6">{t('coupons.code')}</TableHead>
                  <TableHead>{t('coupons.discount')}</TableHead>
                  <TableHead className="hidden lg:table-cell">{t('coupons.limits')}</TableHead>
                  <TableHead>{t('common.status')}</TableHead>
                  <TableHead>{t('coupons.usage')}</TableHead>
                  {canWrite && (
                    <TableHead className="pr-6 text-right">
                      <span className="sr-only">{t('common.actions')}</span>
                    </TableHead>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {coupons.data.map((coupon) => {
                  const status = couponStatus(coupon)
                  return (
                    <TableRow key={coupon.id} data-test={`coupon-row-${coupon.code}`}>
                      <TableCell className="pl-6">
                        <div className="font-mono font-medium">{coupon.code}</div>
                        {coupon.description && (
                          <div className="text-xs text-muted-foreground">{coupon.description}</div>
                        )}
                        <div className="text-xs text-muted-foreground">
                          {coupon.funnels.length
                            ? coupon.funnels.map((funnel) => funnel.name).join(', ')
                            : t('coupons.funnels.all')}
                        </div>
                      </TableCell>
                      <TableCell
                        className="font-medium"
                        data-test={`coupon-discount-${coupon.code}`}
                      >
                        {coupon.discountType === 'percent'
                          ? `${coupon.percentOff}%`
                          : formatBRL(coupon.amountOffCents ?? 0)}
                      </TableCell>
                      <TableCell className="hidden text-xs text-muted-foreground lg:table-cell">
                        <div>
                          {t('coupons.max_uses')}: {coupon.maxUses ?? t('coupons.unlimited')}
                        </div>
                        <div>
                          {t('coupons.max_uses_per_buyer')}:{' '}
                          {coupon.maxUsesPerBuyer ?? t('coupons.unlimited')}
                        </div>
                        {coupon.minOrderCents !== null && (
                          <div>
                            {t('coupons.min_order')}: {formatBRL(coupon.minOrderCents)}
                          </div>
                        )}
                        {coupon.expiresAt && (
                          <div>
                            {t('coupons.expires_at')}: {new Date(coupon.expiresAt).toLocaleString()}
                          </div>
                        )}
                      </TableCell>
                      <TableCell>
                        <Badge
                          variant={status === 'active' ? 'success' : 'secondary'}
                          data-test={`coupon-status-${coupon.code}`}
                        >
                          {t(`coupons.status.${status}`)}
                        </Badge>
                      </TableCell>
                      <TableCell data-test={`coupon-usage-${coupon.code}`}>
                        <div className="font-mono text-sm">
                          {coupon.usage.taken}
                          {coupon.maxUses !== null ? ` / ${coupon.maxUses}` : ''}
                        </div>
                        <div className="text-xs text-muted-foreground">
                          {t('coupons.usage.detail', {
                            paid: coupon.usage.paid,
                            pending: coupon.usage.pending,
                          })}
                        </div>
                        {coupon.usage.discountCents > 0 && (
                          <div className="text-xs text-muted-foreground">
                            {t('coupons.usage.discount', {
                              amount: formatBRL(coupon.usage.discountCents),
                            })}
                          </div>
                        )}
                      </TableCell>
                      {canWrite && (
                        <TableCell className="pr-6 text-right">
                          <div className="flex justify-end gap-1">
                            <RowIconButton
                              icon={coupon.isActive ? PauseIcon : PlayIcon}
                              label={
                                coupon.isActive ? t('coupons.deactivate') : t('coupons.activate')
                              }
                              subject={coupon.code}
                              onClick={() =>
                                router.put(
                                  urlFor('w.coupons.update', {
                                    workspaceSlug: workspace.slug,
                                    id: coupon.id,
                                  }),
                                  toggledPayload(coupon),
                                  {
                                    preserveScroll: true,
                                  }
                                )
                              }
                              test={`toggle-coupon-${coupon.code}`}
                            />
                            <RowIconButton
                              icon={PencilIcon}
                              label={t('common.edit')}
                              subject={coupon.code}
                              onClick={() => open(coupon)}
                              test={`edit-coupon-${coupon.code}`}
                            />
                          </div>
                        </TableCell>
                      )}
                    </TableRow>
                  )
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <PaginationNav meta={meta} pageUrl={(page) => (page > 1 ? `${base}?page=${page}` : base)} />

      {canWrite && target && (
        <CouponFormDialog
          key={target.key}
          coupon={target.coupon}
          funnels={funnels}
          open={target.open}
          onOpenChange={(isOpen) => {
            if (!isOpen) setTarget((current) => current && { ...current, open: false })
          }}
        />
      )}
    </>
  )
}
