import { BaseModel, column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { jsonColumn } from '#models/json_column'
import SplitTest from '#models/split_test'

export type SplitVariantStatus = 'active' | 'archived' | 'winner'

/**
 * One arm of a split test. The control shows the step itself; another variant shows its own
 * copy of the content and, on a checkout, of the checkout configuration.
 */
export default class SplitTestVariant extends compose(BaseModel, WithWorkspace) {
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare workspaceId: number
  @column()
  declare splitTestId: number
  @column()
  declare name: string
  @column()
  declare weight: number
  @column()
  declare isControl: boolean
  @column()
  declare status: SplitVariantStatus
  @column(jsonColumn)
  declare content: Record<string, unknown> | null
  @column(jsonColumn)
  declare checkoutConfig: Record<string, unknown> | null
  @column()
  declare version: number
  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => SplitTest)
  declare splitTest: BelongsTo<typeof SplitTest>
}
