import type { FieldValue } from '../../domain/records.js'
import type { ReviewItem } from '../../domain/review.js'
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
  if ('take' in choice) {
    const candidate = item.candidates.find((c) => c.system === choice.take)
    if (!candidate) throw new Error(`review item ${idOrPrefix} has no value from "${choice.take}"; choose one of: ${item.candidates.map((c) => c.system).join(', ')}`)
    return store.resolveReview(item.id, { value: candidate.value, by, at })
  }
  return store.resolveReview(item.id, { value: choice.value, by, at })
}
