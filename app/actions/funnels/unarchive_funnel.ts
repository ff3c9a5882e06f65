import type Funnel from '#models/funnel'

/** Brings an archived funnel back to the lists (and, if active, to its public URL). */
export default class UnarchiveFunnel {
  static async handle({ funnel }: { funnel: Funnel }) {
    if (funnel.archivedAt) {
      funnel.archivedAt = null
      await funnel.save()
    }
    return funnel
  }
}
