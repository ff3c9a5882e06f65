/**
 * Props the server shares with every Inertia page (see the Inertia middleware), plus the
 * records the admin pages receive. Kept by hand so the client program does not pull the
 * server's type graph in.
 */
import type { JSONDataTypes } from '@adonisjs/core/types/transformers'

/** A jsonb bag (settings, content, gateway answers): JSON, so it can cross the page contract. */
export type JsonObject = { [key: string]: JSONDataTypes }

export type Locale = 'pt-BR' | 'en'

export type WorkspaceRole = 'owner' | 'admin' | 'editor' | 'viewer'

export type Section = 'funnels' | 'visitors' | 'payments' | 'pixels' | 'credentials'

export type SharedUser = {
  id: number
  name: string
  email: string
  initials: string
  emailVerified?: boolean
}

/** The workspace of the current `/w/:slug` URL. */
export type CurrentWorkspace = {
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
export type WorkspaceOption = {
  id: number
  name: string
  slug: string
  agencyName: string | null
}

export type FlashMessages = {
  success?: string
  error?: string
  /** The toast's "Desfazer" button: POSTs to `url`. */
  undo?: { url: string; label: string }
}

/** The brand of the admin: an agency's (white-label) or the product's own. */
export type Brand = {
  productName: string
  logoUrl: string
  faviconUrl: string
  primaryColor: string
  primaryForeground: string
  whiteLabel: boolean
}

export type SharedProps = {
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
export type WorkspaceRow = {
  id: number
  name: string
  slug: string
  timezone: string
  customDomain: string | null
  archivedAt: string | null
  /** null for an agency manager who is not a member of this workspace. */
  role: WorkspaceRole | null
}

/** An agency and its workspaces, on the workspaces page. */
export type AgencyWithWorkspaces = {
  id: number
  name: string
  canManage: boolean
  workspaces: WorkspaceRow[]
}
