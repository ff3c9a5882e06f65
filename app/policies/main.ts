/** Policies known to Bouncer, lazily imported. */
export const policies = {
  WorkspacePolicy: () => import('#policies/workspace_policy'),
  AgencyPolicy: () => import('#policies/agency_policy'),
}
