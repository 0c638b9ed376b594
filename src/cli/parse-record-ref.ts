/** Parses `SYSTEM:OBJECT/ID` (object optional: `SYSTEM:ID`). */
export function parseRecordRef(ref: string): { system: string; object?: string; id: string } {
  const m = /^([a-z][a-z0-9_-]*):(?:([A-Za-z0-9_]+)\/)?(.+)$/.exec(ref)
  if (!m) throw new Error(`"${ref}" is not a record reference; write SYSTEM:OBJECT/ID, e.g. hubspot:contacts/101`)
  return { system: m[1] as string, ...(m[2] ? { object: m[2] } : {}), id: m[3] as string }
}
