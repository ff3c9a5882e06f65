import type { HttpContext } from '@adonisjs/core/http'
import { buyerJourneySettings } from '#services/buyer_journey'
import { workspaceBrandProps } from '#services/workspace_brand'

/** Workspace settings (name, time zone, custom domain): the props are the shared workspace. */
export default class SectionsController {
  async settings({ inertia, workspace }: HttpContext) {
    /** The buyer's journey card (e-mails, consent, recovery) reads its settings from here. */
    return inertia.render('settings/index', {
      buyerJourney: buyerJourneySettings(workspace),
      /** The page-brand card (logo, colours, font, seller and legal links of every step). */
      workspaceBrand: workspaceBrandProps(workspace),
    })
  }
}
