import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceTransformer from '#transformers/workspace_transformer'
import VerifyCustomDomain from '#actions/workspaces/verify_custom_domain'
import WorkspacePolicy from '#policies/workspace_policy'
import { verificationRecord } from '#services/custom_domain'
import { t } from '#services/i18n'
import { serialize } from '#services/serialize'

/** Status of each verification outcome other than `verified`. */
const FAILED_STATUS = {
  no_domain: 422,
  record_missing: 422,
  record_mismatch: 422,
  lookup_failed: 422,
  taken: 409,
} as const

/** `GET /api/workspace`: the workspace this request resolves to (token or X-Workspace). */
export default class WorkspaceController {
  async show({ workspace }: HttpContext) {
    return serialize({ workspace: WorkspaceTransformer.transform(workspace) })
  }

  /**
   * `POST /api/workspace/domain/verify`: checks the custom domain's TXT record (owners and
   * admins). 200 with the workspace once verified; 422 (record missing or wrong, DNS not
   * answering) or 409 (verified by another workspace) with the reason otherwise.
   */
  async verifyDomain(ctx: HttpContext) {
    const { workspace, bouncer, response } = ctx
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const outcome = await VerifyCustomDomain.handle({ workspace })
    if (outcome === 'verified')
      return serialize({ workspace: WorkspaceTransformer.transform(workspace) })
    const message = t(ctx.locale, `domains.check.${outcome}`, {
      domain: workspace.customDomain ?? '',
      name: verificationRecord(workspace)?.name ?? '',
    })
    return response
      .status(FAILED_STATUS[outcome])
      .send({ errors: [{ field: 'customDomain', rule: outcome, message }] })
  }
}
