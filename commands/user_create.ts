import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors as vineErrors } from '@vinejs/vine'
import Agency from '#models/agency'
import User from '#models/user'
import Workspace from '#models/workspace'
import { AGENCY_ROLES, WORKSPACE_ROLES, type AgencyRole, type WorkspaceRole } from '#enums/roles'

/**
 * `node ace user:create`: an account for an operator to hand over (e-mail counts as verified),
 * optionally a member of an agency (`--agency slug --role admin`) or of one workspace
 * (`--workspace slug --role editor`, a client login). Missing values are asked for on a
 * terminal; without one, a missing password is generated and printed once.
 */
export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create a user account, optionally a member of an agency or workspace'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'E-mail (login)' })
  declare email?: string

  @flags.string({ description: 'Full name' })
  declare name?: string

  @flags.string({ description: 'Password (asked for, or generated, when omitted)' })
  declare password?: string

  @flags.string({ description: 'Language: pt-BR or en', default: 'pt-BR' })
  declare locale: string

  @flags.string({ description: 'Agency slug or id to join (all its workspaces)' })
  declare agency?: string

  @flags.string({ description: 'Workspace slug to join (a client login: only this workspace)' })
  declare workspace?: string

  @flags.string({
    description: `Role: ${AGENCY_ROLES.join(', ')} (agency) or ${WORKSPACE_ROLES.join(', ')} (workspace)`,
  })
  declare role?: string

  async run() {
    /** Loaded here: the validators need the booted app (ace reads commands before booting). */
    const {
      default: CreateAccount,
      generatePassword,
      operatorUserValidator,
    } = await import('#actions/accounts/create_account')
    const interactive = Boolean(process.stdin.isTTY) && !this.app.inTest
    const email = this.email ?? (interactive ? await this.prompt.ask('E-mail') : undefined)
    const name = this.name ?? (interactive ? await this.prompt.ask('Nome') : undefined)
    let password = this.password
    let generated = false
    if (!password && interactive) password = await this.prompt.secure('Senha (mínimo 8 caracteres)')
    if (!password) {
      password = generatePassword()
      generated = true
    }

    if (this.agency && this.workspace) return this.#fail('use --agency or --workspace, not both')
    const agency = this.agency ? await this.#findAgency(this.agency) : null
    if (this.agency && !agency) return this.#fail(`agency not found: ${this.agency}`)
    const workspace = this.workspace ? await Workspace.findBy('slug', this.workspace) : null
    if (this.workspace && !workspace) return this.#fail(`workspace not found: ${this.workspace}`)
    const roles: readonly string[] = workspace ? WORKSPACE_ROLES : AGENCY_ROLES
    const role = this.role ?? (agency || workspace ? 'viewer' : undefined)
    if (role && !roles.includes(role)) return this.#fail(`role must be one of: ${roles.join(', ')}`)

    let data
    try {
      data = await operatorUserValidator.validate({ email, name, password, locale: this.locale })
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        return this.#fail(
          error.messages
            .map((m: { field: string; message: string }) => `${m.field}: ${m.message}`)
            .join('; ')
        )
      }
      throw error
    }
    if (await User.query().whereRaw('lower(email) = ?', [data.email]).first()) {
      return this.#fail(`there is already an account with ${data.email}`)
    }

    const user = await CreateAccount.user({
      data,
      agency,
      agencyRole: role as AgencyRole,
      workspace,
      workspaceRole: role as WorkspaceRole,
    })
    this.logger.success(`User #${user.id} created: ${user.email}`)
    if (agency) this.logger.info(`member of agency "${agency.name}" as ${role}`)
    if (workspace) this.logger.info(`member of workspace "${workspace.slug}" as ${role}`)
    if (generated) this.logger.log(`Password: ${password}`)
  }

  async #findAgency(value: string) {
    return /^\d+$/.test(value) ? Agency.find(Number(value)) : Agency.findBy('slug', value)
  }

  #fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
