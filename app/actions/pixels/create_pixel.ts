import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import { type PixelData, pixelAttributes } from '#actions/pixels/pixel_data'

interface Params {
  workspace: Workspace
  data: PixelData
}

/** Adds an ad pixel to a funnel (all its steps, or one). */
export default class CreatePixel {
  static async handle({ workspace, data }: Params) {
    const pixel = await db.transaction((trx) =>
      workspace
        .related('trackingPixels')
        .create({ ...pixelAttributes(data), isActive: data.isActive ?? true }, { client: trx })
    )
    await pixel.load((loader) => loader.load('funnel').load('step'))
    return pixel
  }
}
