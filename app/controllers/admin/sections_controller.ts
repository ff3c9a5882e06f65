import type { HttpContext } from '@adonisjs/core/http'

/** Workspace settings (name, time zone, custom domain): the props are the shared workspace. */
export default class SectionsController {
  async settings({ inertia }: HttpContext) {
    return inertia.render('settings/index', {})
  }
}
