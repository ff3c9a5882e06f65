import type Agency from '#models/agency'

interface Params {
  agency: Agency
  data: {
    productName?: string | null
    logoUrl?: string | null
    faviconUrl?: string | null
    primaryColor?: string | null
  }
}

/**
 * Saves an agency's white-label brand (product name, logo, favicon, primary colour). Empty
 * fields clear their value; a brand with nothing set is the product's own again.
 */
export default class UpdateAgencyBrand {
  static async handle({ agency, data }: Params) {
    agency.brand = {
      productName: data.productName || null,
      logoUrl: data.logoUrl || null,
      faviconUrl: data.faviconUrl || null,
      primaryColor: data.primaryColor?.toLowerCase() || null,
    }
    await agency.save()
    return agency
  }
}
