import type { HttpContext } from '@adonisjs/core/http'

/**
 * Workspace pages whose features arrive with later issues (funnels, visitors, payments,
 * pixels, credentials): the shell renders them so navigation is complete today.
 */
export default class SectionsController {
  async dashboard({ inertia }: HttpContext) {
    return inertia.render('dashboard', {})
  }

  async show({ inertia, params }: HttpContext) {
    return inertia.render('section_placeholder', { section: params.section as string })
  }

  async settings({ inertia }: HttpContext) {
    return inertia.render('settings/index', {})
  }
}
