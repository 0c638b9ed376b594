import { randomUUID } from 'node:crypto'
import { invalidParameter, missingParameter, recordNotFound, SugarFailure } from './errors.js'
import type { SugarSeedRecord } from './seed.js'
import { formatSugarDate, parseSugarDate } from './sugar-time.js'
import { moduleFields } from './vardefs.js'
import type { SugarFieldDef, SugarModule } from './vardefs.js'

export type Scalar = string | number | boolean | null

/** One entry of a record's `email` array. */
export interface EmailEntry {
  email_address: string
  primary_address: boolean
  opt_out: boolean
  invalid_email: boolean
  reply_to_address: boolean
}

/** A stored record: database fields by Sugar name, plus its email addresses. */
export interface StoredRecord {
  readonly id: string
  readonly module: SugarModule
  values: Record<string, Scalar>
  email: EmailEntry[]
  /** `date_modified` as epoch ms (whole seconds), for filters and ordering. */
  modifiedMs: number
}

/** Fields written by Sugar itself, never taken from a request body. */
const systemFields = new Set(['id', 'date_entered', 'date_modified', 'modified_user_id', 'created_by', 'deleted', 'converted', 'contact_id'])
/** Non-db fields a request may still set: the email pair and Contacts' relate id. */
const writableNonDb = new Set(['email', 'email1', 'account_id'])

/**
 * The in-memory database of the simulator: records per module, with Sugar's save rules
 * (required fields, active assigned users, existing related records, timestamps).
 */
export class SugarStore {
  readonly modules: Record<SugarModule, Map<string, StoredRecord>> = { Leads: new Map(), Contacts: new Map(), Accounts: new Map(), Users: new Map() }
  readonly passwords = new Map<string, string>()
  /** Hears every save and delete made through the API (web logic hooks); seeding is silent. */
  onChange: ((rec: StoredRecord, event: 'after_save' | 'after_delete', isUpdate: boolean) => void) | undefined = undefined

  constructor(readonly now: () => number) {}

  /** A live (not deleted) record, or a 404 failure. */
  get(module: SugarModule, id: string): StoredRecord {
    const rec = this.modules[module].get(id)
    if (!rec || rec.values.deleted === true) throw recordNotFound(module, id)
    return rec
  }

  /** Loads a seed record as-is (timestamps kept when given). */
  load(module: SugarModule, seed: SugarSeedRecord | Record<string, unknown>): StoredRecord {
    const at = formatSugarDate(this.now())
    const { email, ...rest } = seed as Record<string, unknown> & { email?: Partial<EmailEntry>[] }
    const id = typeof rest.id === 'string' ? rest.id : randomUUID()
    const values: Record<string, Scalar> = { deleted: false, date_entered: at, date_modified: at, ...(rest as Record<string, Scalar>), id }
    const rec: StoredRecord = { id, module, values, email: [], modifiedMs: 0 }
    rec.modifiedMs = parseSugarDate(String(values.date_modified))
    if (Number.isNaN(rec.modifiedMs)) throw new Error(`${module} ${id}: date_modified "${String(values.date_modified)}" is not ISO-8601`)
    values.date_modified = formatSugarDate(rec.modifiedMs)
    if (email) rec.email = email.map(normalizeEmail)
    else if (typeof values.email1 === 'string' && values.email1 !== '') setPrimaryEmail(rec, values.email1)
    delete values.email1
    this.modules[module].set(id, rec)
    return rec
  }

  /** Creates a record from an API body, as `POST /{module}` does. */
  create(module: SugarModule, body: Record<string, unknown>, userId: string): StoredRecord {
    const rec: StoredRecord = { id: randomUUID(), module, values: { deleted: false }, email: [], modifiedMs: 0 }
    const draft = this.applyBody(rec, body)
    for (const def of moduleFields(module).values()) {
      if (def.required && def.name !== 'id' && isBlank(draft.values[def.name])) throw missingParameter(def.name)
    }
    this.commit(draft, userId, true)
    this.modules[module].set(draft.id, draft)
    this.onChange?.(draft, 'after_save', false)
    return draft
  }

  /** Updates a record from an API body, as `PUT /{module}/{id}` does. */
  update(module: SugarModule, id: string, body: Record<string, unknown>, userId: string): StoredRecord {
    const current = this.get(module, id)
    const draft = this.applyBody(current, body)
    for (const def of moduleFields(module).values()) {
      if (def.required && def.name in body && isBlank(draft.values[def.name])) throw missingParameter(def.name)
    }
    this.commit(draft, userId, false)
    this.modules[module].set(id, draft)
    this.onChange?.(draft, 'after_save', true)
    return draft
  }

  /** Marks a record deleted, as Sugar's soft delete does. */
  remove(module: SugarModule, id: string, userId: string): void {
    const rec = this.get(module, id)
    rec.values.deleted = true
    this.commit(rec, userId, false)
    this.onChange?.(rec, 'after_delete', true)
  }

  /** Stamps the save: ids of who and when, at the simulator clock's second. */
  commit(rec: StoredRecord, userId: string, created: boolean): void {
    const now = this.now()
    const at = formatSugarDate(now)
    if (created) Object.assign(rec.values, { id: rec.id, date_entered: at, created_by: userId })
    rec.values.date_modified = at
    rec.values.modified_user_id = userId
    rec.modifiedMs = Math.floor(now / 1000) * 1000
  }

  /** Returns a copy of `rec` with the body applied, after validating it; `rec` is untouched. */
  private applyBody(rec: StoredRecord, body: Record<string, unknown>): StoredRecord {
    const defs = moduleFields(rec.module)
    const draft: StoredRecord = { ...rec, values: { ...rec.values }, email: rec.email.map((e) => ({ ...e })) }
    for (const [name, raw] of Object.entries(body)) {
      const def = defs.get(name)
      // Sugar ignores unknown and read-only fields in a save rather than failing it.
      if (!def || systemFields.has(name) || (isReadOnly(def) && !writableNonDb.has(name))) continue
      if (name === 'email') draft.email = parseEmailArray(raw)
      else if (name === 'email1') setPrimaryEmail(draft, raw == null ? '' : String(raw))
      else draft.values[name] = coerce(def, raw)
    }
    this.checkRelations(draft, body)
    return draft
  }

  private checkRelations(draft: StoredRecord, body: Record<string, unknown>): void {
    if ('assigned_user_id' in body) this.checkAssignedUser(draft.values.assigned_user_id)
    if ('account_id' in body) this.checkExists('Accounts', 'account_id', draft.values.account_id)
    if ('parent_id' in body) {
      if (draft.values.parent_id === draft.id) throw invalidParameter('parent_id: an account cannot be its own parent')
      this.checkExists('Accounts', 'parent_id', draft.values.parent_id)
    }
  }

  private checkAssignedUser(value: Scalar | undefined): void {
    if (isBlank(value)) return
    const user = this.modules.Users.get(String(value))
    if (!user || user.values.deleted === true) throw invalidParameter(`assigned_user_id: no user with id ${String(value)}`)
    if (user.values.status !== 'Active') {
      throw invalidParameter(`assigned_user_id: user ${String(user.values.user_name)} (${user.id}) is Inactive and cannot be assigned records`)
    }
  }

  private checkExists(module: SugarModule, field: string, value: Scalar | undefined): void {
    if (isBlank(value)) return
    const rec = this.modules[module].get(String(value))
    if (!rec || rec.values.deleted === true) throw invalidParameter(`${field}: no ${module} record with id ${String(value)}`)
  }
}

/** True for values Sugar treats as empty. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function isReadOnly(def: SugarFieldDef): boolean {
  return def.readonly === true || def.source === 'non-db'
}

function coerce(def: SugarFieldDef, raw: unknown): Scalar {
  if (def.type === 'bool') return raw === true || raw === 1 || raw === '1' || raw === 'true'
  if (raw === null || raw === undefined) return ''
  if (typeof raw === 'object') throw invalidParameter(`${def.name}: expected a scalar value`)
  return String(raw)
}

function normalizeEmail(e: Partial<EmailEntry>): EmailEntry {
  return {
    email_address: String(e.email_address ?? ''),
    primary_address: e.primary_address === true,
    opt_out: e.opt_out === true,
    invalid_email: e.invalid_email === true,
    reply_to_address: e.reply_to_address === true,
  }
}

function parseEmailArray(raw: unknown): EmailEntry[] {
  if (!Array.isArray(raw)) throw invalidParameter('email: expected an array of email addresses')
  const list = raw.map((e) => normalizeEmail(e as Partial<EmailEntry>)).filter((e) => e.email_address !== '')
  // Sugar keeps exactly one primary address when there is any address at all.
  if (list.length > 0 && !list.some((e) => e.primary_address)) list[0]!.primary_address = true
  return list
}

/** Sets (or, with '', removes) the primary address; `email1` mirrors it. */
export function setPrimaryEmail(rec: StoredRecord, address: string): void {
  const value = address.trim()
  const rest = rec.email.filter((e) => !e.primary_address && e.email_address.toLowerCase() !== value.toLowerCase())
  if (value === '') {
    rec.email = rest
    if (rest[0]) rest[0].primary_address = true
    return
  }
  const primary: EmailEntry = { email_address: value, primary_address: true, opt_out: false, invalid_email: false, reply_to_address: false }
  rec.email = [primary, ...rest]
}

/** The primary address, the value Sugar reports as `email1`. */
export function primaryEmail(rec: StoredRecord): string {
  return rec.email.find((e) => e.primary_address)?.email_address ?? ''
}

/** Thrown for a write to a module the API does not let integrations write. */
export const notWritable = (module: string): SugarFailure =>
  new SugarFailure(403, 'not_authorized', `No access to edit records for module: ${module}`)
