import vine from '@vinejs/vine'
import { workspaceTable } from '#services/tenancy'

/** `#rrggbb`: the only colour format the step renderer prints into its CSS. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

/** Highest price a checkout accepts: R$ 1.000.000,00 (integer cents, far below int4). */
export const MAX_PRICE_CENTS = 100_000_000

const httpsUrl = () =>
  vine
    .string()
    .trim()
    .maxLength(2048)
    .url({ protocols: ['https'], require_protocol: true, require_valid_protocol: true })

const color = () => vine.string().trim().regex(HEX_COLOR)

/**
 * A checkout step's configuration, for the upsert (PUT) and for the preview of unsaved
 * changes (POST …/preview), which must accept and refuse exactly the same input. Prices are
 * integer cents; the upsell step must be another step of the same funnel in the workspace.
 */
export const checkoutConfigValidator = vine
  .withMetaData<{ workspaceId: number; funnelId: number; stepId: number }>()
  .compile(
    vine.object({
      productName: vine.string().trim().minLength(1).maxLength(255),
      productPriceCents: vine.number().withoutDecimals().min(100).max(MAX_PRICE_CENTS),
      currency: vine.enum(['BRL'] as const).optional(),
      paymentMethods: vine
        .array(vine.enum(['pix'] as const))
        .minLength(1)
        .distinct()
        .optional(),
      fieldsConfig: vine
        .object({
          name: vine.boolean(),
          email: vine.boolean(),
          phone: vine.boolean(),
          cpf: vine.boolean(),
        })
        .optional(),
      designConfig: vine
        .object({
          primaryColor: color().optional(),
          backgroundColor: color().optional(),
          logoUrl: httpsUrl().nullable().optional(),
          countdownMinutes: vine.number().withoutDecimals().min(0).max(240).optional(),
          guaranteeText: vine.string().trim().maxLength(1000).nullable().optional(),
          testimonials: vine
            .array(
              vine.object({
                name: vine.string().trim().minLength(1).maxLength(120),
                text: vine.string().trim().minLength(1).maxLength(1000),
                photoUrl: httpsUrl().nullable().optional(),
              })
            )
            .maxLength(10)
            .optional(),
        })
        .optional(),
      orderBumps: vine
        .array(
          vine.object({
            name: vine.string().trim().minLength(1).maxLength(255),
            priceCents: vine.number().withoutDecimals().min(1).max(MAX_PRICE_CENTS),
            description: vine.string().trim().maxLength(500).nullable().optional(),
            imageUrl: httpsUrl().nullable().optional(),
          })
        )
        .maxLength(5)
        .optional(),
      upsellConfig: vine
        .object({
          stepId: vine
            .number()
            .withoutDecimals()
            .exists(async (db, value, field) => {
              if (value === field.meta.stepId) return false
              const row = await workspaceTable(field.meta.workspaceId, 'funnel_steps', db)
                .where('funnel_id', field.meta.funnelId)
                .where('id', value)
                .first()
              return !!row
            })
            .nullable()
            .optional(),
        })
        .optional(),
    })
  )

export type CheckoutConfigInput = Awaited<ReturnType<typeof checkoutConfigValidator.validate>>
