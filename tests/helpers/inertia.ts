import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import type { ApiRequest } from '@japa/api-client'

/**
 * The assets version the server expects, computed as @adonisjs/inertia does: the Vite
 * manifest's hash after a build, "1" while the dev server serves the assets.
 */
function assetsVersion() {
  const manifest = app.makePath('public/assets/.vite/manifest.json')
  if (!existsSync(manifest)) return '1'
  const parsed = JSON.parse(readFileSync(manifest, 'utf8'))
  return createHash('md5').update(JSON.stringify(parsed)).digest('hex')
}

/**
 * Makes an admin request the way the Inertia client does (JSON page object instead of HTML),
 * with the current assets version so the server does not answer 409.
 */
export function asInertia(request: ApiRequest) {
  return request.header('x-inertia', 'true').header('x-inertia-version', assetsVersion())
}
