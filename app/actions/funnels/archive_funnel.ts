import { DateTime } from 'luxon'
import type Funnel from '#models/funnel'

/** Archives a funnel: hidden from lists and no longer served, its data (payments) kept. */
export default class ArchiveFunnel {
  static async handle({ funnel }: { funnel: Funnel }) {
    if (!funnel.archivedAt) {
      funnel.archivedAt = DateTime.now()
      await funnel.save()
    }
    return funnel
  }
}
