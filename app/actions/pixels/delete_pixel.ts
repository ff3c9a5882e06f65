import db from '@adonisjs/lucid/services/db'
import type TrackingPixel from '#models/tracking_pixel'

/** Removes a pixel: the funnel's pages stop loading it. */
export default class DeletePixel {
  static async handle({ pixel }: { pixel: TrackingPixel }) {
    await db.transaction(async (trx) => {
      pixel.useTransaction(trx)
      await pixel.delete()
    })
  }
}
