import { WebhookEndpointSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { jsonColumn } from '#models/json_column'
import { column } from '@adonisjs/lucid/orm'
import encryption from '@adonisjs/core/services/encryption'

/** An agency's own endpoint that receives signed event webhooks. The secret is encrypted at rest. */
export default class WebhookEndpoint extends compose(WebhookEndpointSchema, WithWorkspace) {
  @column(jsonColumn)
  declare events: string[]

  @column({
    prepare: (value: string) => encryption.encrypt(value),
    consume: (value: string) => encryption.decrypt<string>(value) ?? '',
    serializeAs: null,
  })
  declare secret: string
}
