import type { AccessToken } from '@adonisjs/auth/access_tokens'

/**
 * API tokens are bound to one workspace (`workspace:<id>` in their abilities) or agency-wide
 * (`agency`), in which case each request names its workspace in `X-Workspace`.
 */
export const AGENCY_WIDE_ABILITY = 'agency'

export function workspaceAbility(workspaceId: number) {
  return `workspace:${workspaceId}`
}

export function workspaceIdOfToken(token: AccessToken): number | null {
  for (const ability of token.abilities) {
    const match = /^workspace:(\d+)$/.exec(ability)
    if (match) return Number(match[1])
  }
  return null
}

/** A token that may only read (GET/HEAD/OPTIONS): writes answer 403 (requireWrite). */
export const READ_ONLY_ABILITY = 'read-only'

export function isReadOnlyToken(token: AccessToken) {
  return token.abilities.includes(READ_ONLY_ABILITY)
}
