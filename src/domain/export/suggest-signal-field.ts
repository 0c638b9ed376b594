import { closest } from '../config/check-fields.js'
import { signalFieldPaths } from './signal.js'

const lastPart = (path: string): string => path.slice(path.lastIndexOf('.') + 1).toLowerCase()
const parentOf = (path: string): string => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '')

/**
 * The signal field an unknown key most likely meant, for a "did you mean": a field of the
 * same name in another place (`email` at the top for `person.email`, `person.domain` for
 * `company.domain`), else one whose name is spelt nearly the same (`company.nam`), else
 * one whose name contains the key or is contained in it (`person.linkedin`). Names are
 * compared without their parent, which would make any two fields of one parent look
 * alike. A field under the key's own parent wins a tie; undefined when nothing is close.
 */
export function suggestSignalField(path: string): string | undefined {
  const key = lastPart(path)
  if (key === '') return undefined
  const parent = parentOf(path)
  const prefer = (candidates: readonly string[]): string | undefined => candidates.find((c) => parentOf(c) === parent) ?? candidates[0]
  const named = prefer(signalFieldPaths.filter((p) => lastPart(p) === key))
  if (named) return named
  const near = closest(key, signalFieldPaths.map(lastPart))
  if (near) return prefer(signalFieldPaths.filter((p) => lastPart(p) === near))
  // Only keys long enough to mean something: "e" is in most field names.
  return key.length >= 4 ? prefer(signalFieldPaths.filter((p) => lastPart(p).includes(key) || key.includes(lastPart(p)))) : undefined
}
