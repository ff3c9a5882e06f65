import { createHmac } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import type Workspace from '#models/workspace'
import Credential from '#models/credential'
import CpfLookup from '#models/cpf_lookup'
import DatagetLookup, { type CpfPerson } from '#integrations/dataget/lookup'

const DAY_SECONDS = 24 * 3600

/** `52998224725` → `529.***.***-25`. */
export function maskCpf(cpf: string) {
  return `${cpf.slice(0, 3)}.***.***-${cpf.slice(9)}`
}

/**
 * Fills the buyer's name from the CPF at checkout, for workspaces that opted in by adding an
 * active "dataget" credential (their legal basis is stated there). The CPF must have valid check
 * digits (validated by the caller); the provider gets 2 s; results are cached per workspace and
 * CPF for 24 h; every lookup, cached or not, is written to the audit log with the CPF masked.
 * Never throws: a failure is simply "no name".
 */
export default class LookupCpf {
  static async handle(params: {
    workspace: Workspace
    cpf: string
    sessionId: string | null
    ip: string | null
  }): Promise<CpfPerson | null> {
    const { workspace, cpf } = params
    const credential = await Credential.forWorkspace(workspace)
      .where('service', 'dataget')
      .where('is_active', true)
      .orderBy('id', 'desc')
      .first()
    if (!credential || credential.settings?.cpfLookup === false) return null

    const hash = createHmac('sha256', env.get('APP_KEY').release())
      .update(`${workspace.id}:${cpf}`)
      .digest('hex')
    const key = `funil:cpf:${workspace.id}:${hash}`
    const started = Date.now()
    let person: CpfPerson | null = null
    let outcome: CpfLookup['outcome']

    const cached = await redis.get(key).catch(() => null)
    if (cached) {
      person = JSON.parse(cached).person
      outcome = 'cached'
    } else {
      const result = await new DatagetLookup({
        apiKey: credential.apiKey,
        apiSecret: credential.apiSecret,
        apiUrl: credential.apiUrl,
        settings: credential.settings ?? {},
      }).lookup(cpf)
      person = result.person
      outcome = result.outcome
      if (result.outcome === 'found' || result.outcome === 'not_found') {
        await redis.setex(key, DAY_SECONDS, JSON.stringify({ person })).catch(() => {})
      }
    }

    try {
      await CpfLookup.create({
        workspaceId: workspace.id,
        cpfMasked: maskCpf(cpf),
        cpfHash: hash,
        outcome,
        sessionId: params.sessionId,
        ipAddress: params.ip,
        durationMs: Date.now() - started,
      })
    } catch (error) {
      logger.error({ err: error }, 'could not write the CPF lookup audit')
    }
    return person
  }
}
