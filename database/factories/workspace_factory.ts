import factory from '@adonisjs/lucid/factories'
import { randomBytes } from 'node:crypto'
import Workspace from '#models/workspace'
import { AgencyFactory } from '#database/factories/agency_factory'

export const WorkspaceFactory = factory
  .define(Workspace, ({ faker }) => ({
    name: faker.company.name(),
    slug: `ws-${randomBytes(5).toString('hex')}`,
    timezone: 'America/Sao_Paulo',
    settings: {},
    webhookToken: randomBytes(24).toString('base64url'),
  }))
  .relation('agency', () => AgencyFactory)
  .build()
