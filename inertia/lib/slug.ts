/** Subdomains are DNS labels: at most 63 characters. */
const MAX_SLUG_LENGTH = 63

/** Removes accents: "São João" → "Sao Joao". */
function stripAccents(value: string) {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
}

/** Suggests a subdomain from a name: "Clínica Ávila & Cia" → "clinica-avila-cia". */
export function slugify(value: string) {
  return stripAccents(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')
}

/**
 * Cleans what the user types in the slug field without fighting the cursor: hyphens stay
 * where they are typed (even at the end), everything else invalid becomes one.
 */
export function sanitizeSlugInput(value: string) {
  return stripAccents(value)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
}
