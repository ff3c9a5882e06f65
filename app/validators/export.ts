import vine from '@vinejs/vine'
import { EXPORT_KINDS, type ExportKind } from '#models/data_export'
import { paymentFiltersValidator } from '#validators/payment'
import { listVisitorsValidator } from '#validators/visitor'
import { deliveryFiltersValidator } from '#validators/delivery'

/** `POST /w/:workspaceSlug/exports`: which list to export (its filters come along). */
export const createExportValidator = vine.create({
  kind: vine.enum(EXPORT_KINDS),
})

/**
 * An export's filters are its list's filters, validated by the list's own validator (a bad
 * date is a 422 with the field's message, as on the list); the page number is not a filter.
 */
export async function validateExportFilters(kind: ExportKind, input: Record<string, unknown>) {
  const validator = {
    payments: paymentFiltersValidator,
    leads: listVisitorsValidator,
    visitors: listVisitorsValidator,
    deliveries: deliveryFiltersValidator,
  }[kind]
  const filters = (await validator.validate(input)) as Record<string, unknown>
  /** The page and page size are the list's, not the export's. */
  delete filters.page
  delete filters.perPage
  return filters
}
