import type Workspace from '#models/workspace'
import type { Role } from '#enums/roles'
import type { Locale } from '#services/i18n'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The resolved tenant: set by the workspace middlewares (admin, API, public host). */
    workspace: Workspace
    /** The signed-in user's role in `workspace` (admin and API only). */
    workspaceRole: Role
    /** pt-BR unless the user chose otherwise. */
    locale: Locale
  }
}
