/**
 * Props the server shares with every Inertia page (InertiaMiddleware.share) and the records the
 * admin pages receive, as `node ace codegen` generates them from the middleware and the
 * transformers (.adonisjs/client/data.d.ts): nothing here is copied by hand, so a renamed or
 * retyped field fails `npm run typecheck` in the page that reads it.
 */
import type { Data } from '@generated/data'

export type { JsonObject } from '#types/json'

export type SharedProps = Data.SharedProps & { [key: string]: unknown }

export type Locale = SharedProps['locale']
export type FlashMessages = SharedProps['flash']
/** The brand of the admin: an agency's (white-label) or the product's own. */
export type Brand = SharedProps['brand']

export type SharedUser = Data.User
/** The workspace of the current `/w/:slug` URL, with the viewer's role and permissions. */
export type CurrentWorkspace = Data.Workspace
export type WorkspaceRole = NonNullable<CurrentWorkspace['role']>
/** One entry of the workspace switcher. */
export type WorkspaceOption = Data.Workspace.Variants['summary']
/** A workspace as listed on the workspaces page (`role` null for a non-member agency manager). */
export type WorkspaceRow = Data.Workspace.Variants['detail']

/** An agency and its workspaces, on the workspaces page (WorkspacesController.index). */
export type AgencyWithWorkspaces = {
  id: number
  name: string
  canManage: boolean
  workspaces: WorkspaceRow[]
}

declare module '@inertiajs/core' {
  export interface InertiaConfig {
    sharedPageProps: SharedProps
    flashDataType: FlashMessages
  }
}
