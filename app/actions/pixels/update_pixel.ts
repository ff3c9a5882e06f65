import db from '@adonisjs/lucid/services/db'
import type TrackingPixel from '#models/tracking_pixel'
import { type PixelData, pixelAttributes } from '#actions/pixels/pixel_data'

interface Params {
  pixel: TrackingPixel
  data: PixelData
}

/** Changes a pixel; `data` is the whole pixel (stored values merged with the request). */
export default class UpdatePixel {
  static async handle({ pixel, data }: Params) {
    await db.transaction(async (trx) => {
      pixel.useTransaction(trx)
      pixel.merge({
        ...pixelAttributes(data),
        ...(data.isActive !== undefined ? { isActive: data.isActive } : {}),
      })
      await pixel.save()
    })
    await pixel.load((loader) => loader.load('funnel').load('step'))
    return pixel
  }
}
