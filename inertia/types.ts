/**
 * Props the server shares with every Inertia page (see the Inertia middleware), plus the
 * records the admin pages receive. Kept by hand so the client program does not pull the
 * server's type graph in.
 */
export type Locale = 'pt-BR' | 'en'

export type WorkspaceRole = 'owner' | 'admin' | 'editor' | 'viewer'

export type Section = 'funnels' | 'visitors' | 'payments' | 'pixels' | 'credentials'

export interface SharedUser {
  id: number
  name: string
  email: string
  initials: string
  emailVerified?: boolean
}

/** The workspace of the current `/w/:slug` URL. */
export interface CurrentWorkspace {
  id: number
  name: string
  slug: string
  timezone: string
  customDomain: string | null
  /** The custom domain's verification (null without one); see app/services/custom_domain.ts. */
  domain: {
    domain: string
    status: 'pending' | 'verified'
    verifiedAt: string | null
    record: { type: 'TXT'; name: string; value: string } | null
  } | null
  role: WorkspaceRole
  can: { write: boolean; manage: boolean }
}

/** One entry of the workspace switcher. */
export interface WorkspaceOption {
  id: number
  name: string
  slug: string
  agencyName: string | null
}

export interface FlashMessages {
  success?: string
  error?: string
  /** The toast's "Desfazer" button: POSTs to `url`. */
  undo?: { url: string; label: string }
}

/** The brand of the admin: an agency's (white-label) or the product's own. */
export interface Brand {
  productName: string
  logoUrl: string
  faviconUrl: string
  primaryColor: string
  primaryForeground: string
  whiteLabel: boolean
}

export interface SharedProps {
  brand?: Brand
  user: SharedUser | null
  locale: Locale
  workspace: CurrentWorkspace | null
  workspaces: WorkspaceOption[]
  appDomain: string
  flash: FlashMessages
  errors: Record<string, string>
  [key: string]: unknown
}

declare module '@inertiajs/core' {
  export interface InertiaConfig {
    sharedPageProps: SharedProps
    flashDataType: FlashMessages
  }
}

/** A workspace as listed on the workspaces page. */
export interface WorkspaceRow {
  id: number
  name: string
  slug: string
  timezone: string
  customDomain: string | null
  archivedAt: string | null
  role: WorkspaceRole
}

/** An agency and its workspaces, on the workspaces page. */
export interface AgencyWithWorkspaces {
  id: number
  name: string
  canManage: boolean
  workspaces: WorkspaceRow[]
}
