import { WebhookSender } from '../kit/webhook-sender.js'
import type { StoredRecord } from './store.js'
import type { SugarModule } from './vardefs.js'

/** The two trigger events of a Sugar web logic hook that a sync cares about. */
export type SugarHookEvent = 'after_save' | 'after_delete'

/** One web logic hook, as an admin defines it in Sugar (Admin > Web Logic Hooks). */
export interface SugarWebLogicHook {
  readonly url: string
  readonly module: SugarModule
  readonly event: SugarHookEvent
}

/** What `startSugarSim` takes to send web logic hooks. */
export interface SugarHookSettings {
  readonly hooks: readonly SugarWebLogicHook[]
  /**
   * Sent in `X-Revsync-Hook-Secret` when set. Sugar's own web logic hooks send no custom
   * header, so on a real instance the secret travels in the hook's URL (`?secret=`) instead,
   * or through a proxy that adds the header; the simulator can do either.
   */
  readonly secret?: string
  readonly retryDelaysMs?: readonly number[]
}

/** The header revsync reads a Sugar hook's shared secret from. */
export const sugarSecretHeader = 'x-revsync-hook-secret'

/**
 * The simulator's web logic hooks: after a record of a hooked module is saved or deleted,
 * POSTs `{ isUpdate, dataChanges, data }` (the record as the REST API shows it, with `_module`
 * and `id`) to each hook's URL, retrying failures.
 */
export class SugarWebLogicHooks {
  readonly sender: WebhookSender
  #settings: SugarHookSettings | undefined

  constructor(now: () => number) {
    this.sender = new WebhookSender({ now, headers: () => ({ 'content-type': 'application/json', ...(this.#settings?.secret ? { [sugarSecretHeader]: this.#settings.secret } : {}) }) })
  }

  /** Installs the hooks (or with `undefined`, removes them). */
  configure(settings: SugarHookSettings | undefined): void {
    this.#settings = settings
    if (settings?.retryDelaysMs) this.sender.retryDelays(settings.retryDelaysMs)
  }

  /** Called by the store after a save or a delete. */
  fire(rec: StoredRecord, event: SugarHookEvent, isUpdate: boolean): void {
    for (const hook of this.#settings?.hooks ?? []) {
      if (hook.module !== rec.module || hook.event !== event) continue
      const body = JSON.stringify({ isUpdate, dataChanges: {}, data: { ...rec.values, id: rec.id, _module: rec.module } })
      this.sender.target(hook.url)
      this.sender.send(() => body)
    }
  }
}
