import { CpfLookupSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { column } from '@adonisjs/lucid/orm'
import { WithWorkspace } from '#models/mixins/with_workspace'

export type CpfLookupOutcome = 'found' | 'not_found' | 'cached' | 'error' | 'timeout'

/** One CPF lookup at checkout, for the audit log (the CPF itself is never stored in clear). */
export default class CpfLookup extends compose(CpfLookupSchema, WithWorkspace) {
  static table = 'cpf_lookups'

  @column()
  declare outcome: CpfLookupOutcome
}
