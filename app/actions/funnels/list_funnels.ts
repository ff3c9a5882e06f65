import type Workspace from '#models/workspace'
import { pageParams } from '#services/pagination'

export interface FunnelFilters {
  page?: number
  perPage?: number
  /** Part of the name; case and accents do not matter. */
  search?: string
  active?: boolean
  /** Archived funnels are left out unless asked for. */
  archived?: boolean
}

/** Accented letters and their plain forms, so "pascoa" finds "Páscoa" (no extension needed). */
const ACCENTED = 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ'
const PLAIN = 'AAAAAEEEEIIIIOOOOOUUUUCNaaaaaeeeeiiiiooooouuuucn'

/** The funnel name lowercased without accents, in SQL; `fold` does the same to the search. */
const foldedName = `lower(translate(funnels.name, '${ACCENTED}', '${PLAIN}'))`
function fold(value: string) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * One page of a workspace's funnels, most recently changed first, each with its number of
 * steps counted in the same query (a subquery, not a query per row).
 */
export default class ListFunnels {
  static async handle({ workspace, filters }: { workspace: Workspace; filters: FunnelFilters }) {
    const { page, perPage } = pageParams(filters)
    const query = workspace.related('funnels').query().withCount('steps')
    if (filters.search) {
      const pattern = fold(filters.search).replace(/[\\%_]/g, '\\$&')
      query.whereRaw(`${foldedName} LIKE ?`, [`%${pattern}%`])
    }
    if (filters.active !== undefined) query.where('is_active', filters.active)
    if (!filters.archived) query.whereNull('archived_at')
    return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').paginate(page, perPage)
  }
}
