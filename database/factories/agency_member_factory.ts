import factory from '@adonisjs/lucid/factories'
import AgencyMember from '#models/agency_member'
import { AgencyFactory } from '#database/factories/agency_factory'
import { UserFactory } from '#database/factories/user_factory'

export const AgencyMemberFactory = factory
  .define(AgencyMember, () => ({ role: 'owner' as const }))
  .relation('agency', () => AgencyFactory)
  .relation('user', () => UserFactory)
  .build()
