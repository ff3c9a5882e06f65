import { defineConfig } from '@adonisjs/auth'
import { sessionGuard } from '@adonisjs/auth/session'
import { tokensGuard } from '@adonisjs/auth/access_tokens'
import {
  ActiveTokensUserProvider,
  VersionedSessionUserProvider,
} from '#services/auth_user_providers'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

/**
 * `web`: session cookie for the admin UI (pages, Inertia, Transmit), never for `/api/*`.
 * `api`: opaque access tokens (hashed in `auth_access_tokens`, revocable) for the seed's JSON
 * API, and the only way `/api/*` authenticates. Both refuse a deactivated user; the session
 * also stops at a bumped `session_version` (see app/services/auth_user_providers.ts).
 */
const authConfig = defineConfig({
  default: 'web',
  guards: {
    web: sessionGuard({
      useRememberMeTokens: false,
      provider: new VersionedSessionUserProvider({ model: () => import('#models/user') }),
    }),
    api: tokensGuard({
      provider: new ActiveTokensUserProvider({
        tokens: 'accessTokens',
        model: () => import('#models/user'),
      }),
    }),
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
