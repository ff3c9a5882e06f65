import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Funnel from '#models/funnel'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import { RESERVED_FUNNEL_SLUGS, freeSlug, slugify } from '#validators/funnel'
import { workspaceTable } from '#services/tenancy'

export interface FunnelData {
  name: string
  slug?: string
  description?: string | null
  niche?: string | null
  isActive?: boolean
  settings?: Record<string, unknown>
}

interface Params {
  workspace: Workspace
  user?: User | null
  data: FunnelData
}

/**
 * Creates a funnel. A chosen slug was checked by the validator; without one, the slug is the
 * name's (lowercase, no accents), suffixed `-2`, `-3`… when the workspace already uses it.
 */
export default class CreateFunnel {
  static async handle({ workspace, user, data }: Params) {
    return db.transaction(async (trx) => {
      const slug = data.slug ?? (await this.availableSlug(trx, workspace, data.name))
      return Funnel.create(
        {
          workspaceId: workspace.id,
          name: data.name,
          slug,
          description: data.description ?? null,
          niche: data.niche ?? null,
          isActive: data.isActive ?? true,
          settings: data.settings ?? {},
          createdBy: user?.id ?? null,
        },
        { client: trx }
      )
    })
  }

  /** A slug derived from `source` that no funnel of the workspace uses yet. */
  static async availableSlug(trx: TransactionClientContract, workspace: Workspace, source: string) {
    const base = slugify(source) || 'funil'
    const rows = await workspaceTable(workspace, 'funnels', trx)
      .whereLike('slug', `${base.replace(/[\\%_]/g, '\\$&')}%`)
      .select('slug')
    return freeSlug(base, [...RESERVED_FUNNEL_SLUGS, ...rows.map((row) => row.slug as string)])
  }
}
