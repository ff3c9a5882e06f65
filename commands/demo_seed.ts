import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import SeedDemoAgency, { DEMO_FUNNEL, DEMO_LOGIN } from '#actions/demo/seed_demo_agency'

/** Seeds the demo agency on first start (idempotent) and prints the demo login. */
export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description = 'Create the demo agency, workspace and funnel if they do not exist'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { created } = await SeedDemoAgency.handle()
    this.logger.info(created ? 'Agência demo criada.' : 'Agência demo já existe.')
    this.logger.log(`Login: ${DEMO_LOGIN.email} / senha: ${DEMO_LOGIN.password}`)
    /** Read by `npm start` (bin/start.js), which knows the host and port, to print the funnel's URL. */
    this.logger.log(`Funil demo: ${DEMO_FUNNEL.workspaceSlug} /${DEMO_FUNNEL.funnelSlug}`)
  }
}
