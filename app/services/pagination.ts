import vine from '@vinejs/vine'
import type { ModelPaginatorContract, LucidRow } from '@adonisjs/lucid/types/model'

/** `?page=&perPage=` of every list endpoint: 25 per page by default, 100 at most. */
export const paginationValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})

export function pageParams(input: { page?: number; perPage?: number }) {
  return { page: input.page ?? 1, perPage: input.perPage ?? 25 }
}

/** The JSON shape of every paginated list: `{ data, meta: { total, perPage, currentPage, lastPage } }`. */
export function paginated<Row extends LucidRow, Out>(
  paginator: ModelPaginatorContract<Row>,
  transform: (row: Row) => Out
) {
  return {
    data: paginator.all().map(transform),
    meta: {
      total: paginator.total,
      perPage: paginator.perPage,
      currentPage: paginator.currentPage,
      lastPage: paginator.lastPage,
    },
  }
}
