import type { FieldValue } from '../../domain/records.js'
import type { ReviewItem } from '../../domain/review.js'
import { matchRowKey } from '../../domain/review.js'
import type { Store } from '../../store/store.js'
import { resolveId } from '../short-ids.js'

/** How a person settles a held row: take one system's value, type a value, or set it aside. */
export type ReviewChoice = { readonly take: string } | { readonly value: FieldValue } | { readonly dismiss: true }

/**
 * Settles an open review item. The chosen value is written by the next sync of its mapping,
 * which plans the entity whether or not anything changed; a dismissed item is set aside and
 * raised again if the conflict is still there when the entity next changes. The item is
 * named by its full id or a prefix naming it alone (an ambiguous one is refused).
 */
export async function settleReview(store: Store, idOrPrefix: string, choice: ReviewChoice, by: string, at: string): Promise<ReviewItem> {
  const item = await store.getReview(await resolveId(store, 'review', idOrPrefix))
  if (!item) throw new Error(`no review item ${idOrPrefix}; see revsync review`)
  if ('dismiss' in choice) return store.resolveReview(item.id, { dismissed: true, by, at })
  if (item.rowKey === matchRowKey) return store.resolveReview(item.id, { value: pickCandidate(item, choice), by, at })
  if ('take' in choice) {
    const candidate = item.candidates.find((c) => c.system === choice.take)
    if (!candidate) throw new Error(`review item ${idOrPrefix} has no value from "${choice.take}"; choose one of: ${item.candidates.map((c) => c.system).join(', ')}`)
    return store.resolveReview(item.id, { value: candidate.value, by, at })
  }
  return store.resolveReview(item.id, { value: choice.value, by, at })
}

/**
 * A match review is settled by picking one of its candidate records, named by its full
 * reference (`sugar:Contacts/ID`), its record id, or its system when only one candidate is there.
 */
function pickCandidate(item: ReviewItem, choice: ReviewChoice): string {
  const options = item.candidates.map((c) => String(c.value))
  if (!('take' in choice)) throw new Error(`review ${item.id} is a match: pick the record to link with --take, one of: ${options.join(', ')}; or --dismiss`)
  const picked = item.candidates.filter((c) => c.value === choice.take || String(c.value).endsWith(`/${choice.take}`) || c.system === choice.take)
  if (picked.length !== 1) throw new Error(`review ${item.id}: "${choice.take}" ${picked.length === 0 ? 'is none' : 'names several'} of its candidates; give one of: ${options.join(', ')}`)
  return String((picked[0] as ReviewItem['candidates'][number]).value)
}
