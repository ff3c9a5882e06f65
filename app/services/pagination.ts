import vine from '@vinejs/vine'
import type { ModelPaginatorContract, LucidRow } from '@adonisjs/lucid/types/model'
import type {
  CollectionContract,
  UnpackAsTopLevelCollection,
} from '@adonisjs/core/types/transformers'
import { serialize } from '#services/serialize'

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
  return { data: paginator.all().map(transform), meta: pageMeta(paginator) }
}

/**
 * The same shape for a page of transformer output: `collect` gets the page's rows and returns
 * `X.transform(rows).useVariant(...)`, resolved here, so `data` has the variant's generated type.
 * (A transformer `Paginator` would answer `{ data, metadata }`; the API and pages say `meta`.)
 */
export async function pageOf<Row extends LucidRow, Rows extends CollectionContract<any, any, any>>(
  paginator: ModelPaginatorContract<Row>,
  collect: (rows: Row[]) => Rows
): Promise<{ data: UnpackAsTopLevelCollection<Rows, undefined>; meta: PageMeta }> {
  return { data: await serialize(collect(paginator.all())), meta: pageMeta(paginator) }
}

export type PageMeta = { total: number; perPage: number; currentPage: number; lastPage: number }

/** What `pageOf` resolves to, for a page's prop type: `Paginated<Data.Funnel>`. */
export type Paginated<Row> = { data: Row[]; meta: PageMeta }

function pageMeta(paginator: ModelPaginatorContract<LucidRow>): PageMeta {
  return {
    total: paginator.total,
    perPage: paginator.perPage,
    currentPage: paginator.currentPage,
    lastPage: paginator.lastPage,
  }
}
