import { FunnelTemplateSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Agency from '#models/agency'
import User from '#models/user'
import type { FunnelSnapshot } from '../types/funnel_snapshot.js'

/**
 * A funnel saved as a template by an agency ("Salvar como modelo"): shared by all the agency's
 * workspaces, invisible to any other agency. Queries start from the agency
 * (`FunnelTemplate.forAgency(workspace.agencyId)`).
 */
export default class FunnelTemplate extends FunnelTemplateSchema {
  declare snapshot: FunnelSnapshot

  @belongsTo(() => Agency)
  declare agency: BelongsTo<typeof Agency>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  /** The agency's templates: the one way in, so another agency's id is simply not found. */
  static forAgency(agencyId: number, options?: Parameters<typeof FunnelTemplate.query>[0]) {
    return this.query(options).where('agency_id', agencyId)
  }
}
