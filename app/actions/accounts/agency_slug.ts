import { randomBytes } from 'node:crypto'
import Agency from '#models/agency'

/** "Clínica Ávila & Cia" → "clinica-avila-cia" (agency slugs are internal, never shown as URLs). */
export function slugify(value: string) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
}

/** An unused agency slug from its name, with a random suffix when the plain one is taken. */
export async function freeAgencySlug(name: string) {
  const base = slugify(name) || 'agencia'
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt ? `${base}-${randomBytes(3).toString('hex')}` : base
    if (!(await Agency.findBy('slug', slug))) return slug
  }
  return `${base}-${randomBytes(6).toString('hex')}`
}
