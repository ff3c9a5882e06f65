import vine from '@vinejs/vine'
import { workspaceTable } from '#services/tenancy'
import { vineId } from '#services/public_input'

type CouponMeta = { workspaceId: number; couponId?: number }

/** The code as buyers type it, stored upper-case, unique in the workspace (this coupon excluded). */
const code = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{3,40}$/)
    .unique(async (_db, value, field) => {
      const row = await workspaceTable(field.meta.workspaceId, 'coupons')
        .where('code', value)
        .whereNot('id', field.meta.couponId ?? 0)
        .first()
      return !row
    })

/** Whole cents, positive, below R$ 10 million (int4 with room). */
const cents = () => vine.number().withoutDecimals().min(1).max(1_000_000_000)

/**
 * `POST /api/coupons`, `PUT /api/coupons/:id` and the admin form (an API update validates the
 * stored coupon merged with the request, like webhooks). `percentOff` is a whole percent from 1
 * to 99 (100 % would be a free PIX, which the gateways refuse); `amountOffCents` integer cents.
 * Funnels must be the workspace's own; none means every funnel.
 */
export const couponValidator = vine.withMetaData<CouponMeta>().compile(
  vine.object({
    code: code(),
    description: vine.string().trim().maxLength(255).nullable().optional(),
    discountType: vine.enum(['percent', 'fixed'] as const),
    percentOff: vine
      .number()
      .withoutDecimals()
      .min(1)
      .max(99)
      .nullable()
      .optional()
      .requiredWhen('discountType', '=', 'percent'),
    amountOffCents: cents().nullable().optional().requiredWhen('discountType', '=', 'fixed'),
    maxUses: vine.number().withoutDecimals().min(1).max(10_000_000).nullable().optional(),
    maxUsesPerBuyer: vine.number().withoutDecimals().min(1).max(1000).nullable().optional(),
    minOrderCents: cents().nullable().optional(),
    expiresAt: vine
      .date({ formats: ['iso8601', 'YYYY-MM-DDTHH:mm', 'YYYY-MM-DD'] })
      .nullable()
      .optional(),
    funnelIds: vine
      .array(
        vineId().exists(async (_db, value, field) => {
          const row = await workspaceTable(field.meta.workspaceId, 'funnels')
            .where('id', value)
            .first()
          return Boolean(row)
        })
      )
      .maxLength(100)
      .distinct()
      .optional(),
    isActive: vine.boolean().optional(),
  })
)

export type CouponInput = Awaited<ReturnType<typeof couponValidator.validate>>
