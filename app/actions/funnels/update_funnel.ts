import type Funnel from '#models/funnel'
import type { FunnelData } from '#actions/funnels/create_funnel'

interface Params {
  funnel: Funnel
  data: Partial<FunnelData>
}

/** Changes a funnel's fields; absent fields stay as they are (the slug never follows the name). */
export default class UpdateFunnel {
  static async handle({ funnel, data }: Params) {
    const changes: Partial<FunnelData> = {}
    for (const key of ['name', 'slug', 'description', 'niche', 'isActive', 'settings'] as const) {
      if (data[key] !== undefined) (changes as Record<string, unknown>)[key] = data[key]
    }
    funnel.merge(changes)
    await funnel.save()
    return funnel
  }
}
