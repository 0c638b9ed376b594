/** A webhook request as a receiver got it, before anything is parsed. */
export interface IncomingRequest {
  readonly method: string
  /**
   * The full URL the vendor called (`https://sync.example.com/hooks/hubspot?x=1`): behind a
   * proxy, rebuild it from the public scheme and host, since the vendor signed that one.
   */
  readonly url: string
  /** The raw body, exactly as received: a re-serialized JSON body would not verify. */
  readonly body: string
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
}

/** Whether a request passed its vendor's check; a refusal says why, never with the secret. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly status: 401; readonly reason: string }

/** One header's value, whatever its case and however many times it came. */
export function headerOf(request: IncomingRequest, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue
    return typeof value === 'string' ? value : value[0]
  }
  return undefined
}

/** A refusal; its reason goes to logs and answers, so it never holds the secret. */
export function refused(reason: string): Verdict {
  return { ok: false, status: 401, reason }
}
