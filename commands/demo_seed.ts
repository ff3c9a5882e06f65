import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import SeedDemoAgency, { DEMO_FUNNEL, DEMO_LOGIN } from '#actions/demo/seed_demo_agency'
import Workspace from '#models/workspace'
import { publicFunnelUrl } from '#services/public_url'

/** Seeds the demo agency on first start (idempotent) and prints the demo login. */
export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description = 'Create the demo agency, workspace and funnel if they do not exist'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { created } = await SeedDemoAgency.handle()
    this.logger.info(created ? 'Agência demo criada.' : 'Agência demo já existe.')
    this.logger.log(`Login: ${DEMO_LOGIN.email} / senha: ${DEMO_LOGIN.password}`)
    /**
     * Read by `npm start`'s banner: "<workspace> /<funnel>" (older banners build the address from
     * them) and, after the arrow, the address itself from public_url.ts (APP_URL's scheme and
     * port in development, https on the verified custom domain or PUBLIC_DOMAIN otherwise).
     */
    const workspace = await Workspace.findBy('slug', DEMO_FUNNEL.workspaceSlug)
    const url = workspace ? publicFunnelUrl(workspace, DEMO_FUNNEL.funnelSlug) : null
    this.logger.log(
      `Funil demo: ${DEMO_FUNNEL.workspaceSlug} /${DEMO_FUNNEL.funnelSlug}${url ? ` → ${url}` : ''}`
    )
  }
}
