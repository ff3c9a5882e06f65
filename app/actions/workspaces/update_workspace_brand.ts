import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'

interface Params {
  workspace: Workspace
  data: {
    brand: {
      logoUrl?: string | null
      primaryColor?: string | null
      backgroundColor?: string | null
      font?: string | null
    }
    consent?: {
      sellerName?: string | null
      sellerDocument?: string | null
      termsUrl?: string | null
      privacyUrl?: string | null
    }
  }
}

/**
 * Saves a workspace's brand (`settings.brand`) and the seller/legal links (`settings.consent`,
 * shared with the consent notice) in one jsonb merge, so other keys of `settings` written
 * meanwhile (page language, buyer e-mails) are kept. Empty fields clear their value. The
 * public page cache needs no call: its key carries the workspace's updated_at.
 */
export default class UpdateWorkspaceBrand {
  static async handle({ workspace, data }: Params) {
    const changes: Record<string, unknown> = {
      brand: {
        logoUrl: data.brand.logoUrl || null,
        primaryColor: data.brand.primaryColor?.toLowerCase() || null,
        backgroundColor: data.brand.backgroundColor?.toLowerCase() || null,
        font: data.brand.font || 'system',
      },
    }
    if (data.consent) {
      const current = (workspace.settings?.consent ?? {}) as Record<string, unknown>
      changes.consent = {
        ...current,
        sellerName: data.consent.sellerName || null,
        sellerDocument: data.consent.sellerDocument || null,
        termsUrl: data.consent.termsUrl || null,
        privacyUrl: data.consent.privacyUrl || null,
      }
    }
    await db.rawQuery(
      `UPDATE workspaces SET settings = coalesce(settings, '{}'::jsonb) || ?::jsonb, updated_at = now()
        WHERE id = ?`,
      [JSON.stringify(changes), workspace.id]
    )
    await workspace.refresh()
    return workspace
  }
}
