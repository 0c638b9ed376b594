/**
 * Removes every known secret from a text before it is logged or put in an error. Connectors
 * register the secrets they were given; vendors sometimes echo tokens back in error bodies.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real credentials are longer.
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('[redacted]')
  }
  return out
}
