import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type Agency from '#models/agency'

export const BRAND_ASSET_KINDS = ['logo', 'favicon'] as const
export type BrandAssetKind = (typeof BRAND_ASSET_KINDS)[number]

/** The image types accepted, by extension, and the type they are served with. */
export const BRAND_ASSET_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
}

/** The versioned same-origin URL of an uploaded asset (a new upload, a new URL: cached forever). */
export function brandAssetUrl(agencyId: number, kind: BrandAssetKind, sha256: string) {
  return `/brand-assets/${agencyId}/${kind}?v=${sha256.slice(0, 16)}`
}

/**
 * Stores an agency's uploaded logo or favicon (one per kind, replaced by a new upload) and points
 * its brand at it, in one transaction. The file was validated (size, extension) by the caller.
 */
export default class StoreAgencyBrandAsset {
  static async handle(params: { agency: Agency; kind: BrandAssetKind; file: MultipartFile }) {
    const { agency, kind, file } = params
    const bytes = await readFile(file.tmpPath!)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const contentType = BRAND_ASSET_TYPES[file.extname!.toLowerCase()]
    await db.transaction(async (trx) => {
      await trx
        .insertQuery()
        .table('agency_brand_assets')
        .insert({ agency_id: agency.id, kind, content_type: contentType, bytes, sha256 })
        .onConflict(['agency_id', 'kind'])
        .merge(['content_type', 'bytes', 'sha256', 'updated_at'])
      agency.useTransaction(trx)
      agency.brand = {
        ...(agency.brand ?? {}),
        [`${kind}Url`]: brandAssetUrl(agency.id, kind, sha256),
      }
      await agency.save()
    })
    return agency
  }
}
