import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors as vineErrors } from '@vinejs/vine'
import User from '#models/user'

/**
 * `node ace agency:create`: an agency with its owner (an existing account, or a new one whose
 * e-mail counts as verified) and optionally a first workspace. For operators and for the first
 * run of docker compose; missing values are asked for on a terminal.
 */
export default class AgencyCreate extends BaseCommand {
  static commandName = 'agency:create'
  static description = 'Create an agency with its owner and, optionally, a first workspace'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Agency name' })
  declare name?: string

  @flags.string({ description: "Owner's e-mail (an existing account is reused)" })
  declare ownerEmail?: string

  @flags.string({ description: "Owner's name (new account)" })
  declare ownerName?: string

  @flags.string({ description: "Owner's password (new account; asked for or generated)" })
  declare ownerPassword?: string

  @flags.string({ description: 'Language of a new owner: pt-BR or en', default: 'pt-BR' })
  declare locale: string

  @flags.string({ description: 'First workspace name' })
  declare workspace?: string

  @flags.string({ description: 'First workspace slug (subdomain); from its name when omitted' })
  declare workspaceSlug?: string

  async run() {
    /** Loaded here: the validators need the booted app (ace reads commands before booting). */
    const accounts = await import('#actions/accounts/create_account')
    const { default: CreateAccount, generatePassword, operatorUserValidator } = accounts
    const { operatorWorkspaceValidator } = accounts
    const { freeAgencySlug, slugify } = await import('#actions/accounts/agency_slug')
    const interactive = Boolean(process.stdin.isTTY) && !this.app.inTest
    const name = this.name ?? (interactive ? await this.prompt.ask('Nome da agência') : undefined)
    if (!name || name.trim().length < 2) return this.#fail('--name is required')
    const email = String(
      this.ownerEmail ?? (interactive ? await this.prompt.ask('E-mail do proprietário') : '')
    )
      .trim()
      .toLowerCase()
    if (!email) return this.#fail('--owner-email is required')

    let owner = await User.query().whereRaw('lower(email) = ?', [email]).first()
    let generated: string | null = null
    if (!owner) {
      const ownerName =
        this.ownerName ?? (interactive ? await this.prompt.ask('Nome do proprietário') : undefined)
      let password = this.ownerPassword
      if (!password && interactive)
        password = await this.prompt.secure('Senha (mínimo 8 caracteres)')
      if (!password) password = generated = generatePassword()
      const data = await this.#validate(() =>
        operatorUserValidator.validate({ email, name: ownerName, password, locale: this.locale })
      )
      if (!data) return
      owner = await CreateAccount.user({ data })
      this.logger.success(`Owner #${owner.id} created: ${owner.email}`)
    } else {
      this.logger.info(`Owner: existing account #${owner.id} (${owner.email})`)
    }

    const workspaceName =
      this.workspace ??
      (interactive
        ? await this.prompt.ask('Primeiro workspace (vazio para nenhum)', { default: '' })
        : '')
    let workspace
    if (workspaceName) {
      workspace = await this.#validate(() =>
        operatorWorkspaceValidator.validate({
          name: workspaceName,
          slug: this.workspaceSlug ?? slugify(workspaceName),
        })
      )
      if (!workspace) return
    }

    const created = await CreateAccount.agency({
      name: name.trim(),
      slug: await freeAgencySlug(name),
      owner,
      workspace,
    })
    this.logger.success(`Agency #${created.agency.id} created: ${created.agency.name}`)
    if (created.workspace) this.logger.info(`Workspace: ${created.workspace.slug}`)
    if (generated) this.logger.log(`Password: ${generated}`)
  }

  async #validate<T>(run: () => Promise<T>) {
    try {
      return await run()
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        this.#fail(
          error.messages
            .map((m: { field: string; message: string }) => `${m.field}: ${m.message}`)
            .join('; ')
        )
        return null
      }
      throw error
    }
  }

  #fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
