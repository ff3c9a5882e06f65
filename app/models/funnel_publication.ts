import { FunnelPublicationSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Funnel from '#models/funnel'
import User from '#models/user'
import type { PublicationSnapshot } from '#services/funnel_publication'

/**
 * One published version of a funnel (issue 18 item 4): an immutable copy of its steps and
 * checkout configurations as they were when "Publicar" was pressed. The public site serves the
 * funnel's `published_publication_id` only.
 */
export default class FunnelPublication extends compose(FunnelPublicationSchema, WithWorkspace) {
  declare snapshot: PublicationSnapshot

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @belongsTo(() => User, { foreignKey: 'publishedBy' })
  declare publisher: BelongsTo<typeof User>
}
