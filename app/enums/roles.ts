/** Roles inside an agency (apply to all its workspaces) or inside one workspace. */
export const AGENCY_ROLES = ['owner', 'admin', 'editor', 'viewer'] as const
export type AgencyRole = (typeof AGENCY_ROLES)[number]

export const WORKSPACE_ROLES = ['admin', 'editor', 'viewer'] as const
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number]

export type Role = AgencyRole | WorkspaceRole

/** Who may change funnels, pixels, credentials, payments. */
export const WRITE_ROLES: readonly Role[] = ['owner', 'admin', 'editor']

/** Who may create, rename and archive workspaces and manage members. */
export const MANAGE_ROLES: readonly Role[] = ['owner', 'admin']
