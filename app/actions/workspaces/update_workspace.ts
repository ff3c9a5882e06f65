import type Workspace from '#models/workspace'

interface Params {
  workspace: Workspace
  data: { name: string; timezone: string; customDomain?: string | null }
}

/** Renames a workspace or changes its time zone and custom domain (the slug never changes: links live on it). */
export default class UpdateWorkspace {
  static async handle({ workspace, data }: Params) {
    workspace.merge({
      name: data.name,
      timezone: data.timezone,
      ...(data.customDomain !== undefined ? { customDomain: data.customDomain } : {}),
    })
    await workspace.save()
    return workspace
  }
}
