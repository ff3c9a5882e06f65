import factory from '@adonisjs/lucid/factories'
import Agency from '#models/agency'
import { WorkspaceFactory } from '#database/factories/workspace_factory'

export const AgencyFactory = factory
  .define(Agency, ({ faker }) => ({
    name: `Agência ${faker.company.name()}`,
    slug: `agencia-${faker.string.alphanumeric({ length: 10, casing: 'lower' })}`,
  }))
  .relation('workspaces', () => WorkspaceFactory)
  .build()
