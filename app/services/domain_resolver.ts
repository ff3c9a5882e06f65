import { Resolver } from 'node:dns/promises'

/**
 * DNS TXT lookups for custom-domain verification. A class of its own so the container can hand
 * tests a fake (`app.container.swap(DomainResolver, …)`): no test depends on real DNS.
 */
export default class DomainResolver {
  #resolver = new Resolver({ timeout: 3_000, tries: 2 })

  /** TXT records of `name`, each as its character-strings (joined by the caller). */
  resolveTxt(name: string): Promise<string[][]> {
    return this.#resolver.resolveTxt(name)
  }
}
