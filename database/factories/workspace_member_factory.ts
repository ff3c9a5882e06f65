import factory from '@adonisjs/lucid/factories'
import WorkspaceMember from '#models/workspace_member'
import { UserFactory } from '#database/factories/user_factory'
import { WorkspaceFactory } from '#database/factories/workspace_factory'

export const WorkspaceMemberFactory = factory
  .define(WorkspaceMember, () => ({ role: 'viewer' as const }))
  .relation('user', () => UserFactory)
  .relation('workspace', () => WorkspaceFactory)
  .build()
