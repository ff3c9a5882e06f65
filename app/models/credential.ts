import { CredentialSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { column } from '@adonisjs/lucid/orm'
import encryption from '@adonisjs/core/services/encryption'
import type { CredentialService } from '#enums/funnels'

/** Encrypts on write and decrypts on read; a value that cannot be decrypted reads as null. */
const encrypted = {
  prepare: (value: string | null) => (value === null ? null : encryption.encrypt(value)),
  consume: (value: string | null) =>
    value === null ? null : (encryption.decrypt<string>(value) ?? null),
}

/**
 * An integration credential. `apiKey` and `apiSecret` are encrypted at rest with the app key and
 * never serialized: transformers expose them masked only.
 */
export default class Credential extends compose(CredentialSchema, WithWorkspace) {
  declare service: CredentialService
  declare settings: Record<string, unknown>

  @column({ ...encrypted, serializeAs: null })
  declare apiKey: string

  @column({ ...encrypted, serializeAs: null })
  declare apiSecret: string | null
}
