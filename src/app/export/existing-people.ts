import type { Connector } from '../../domain/connector.js'
import { objectOf } from '../../domain/export/record-sync.js'
import type { ExportKind } from '../../domain/export/record-sync.js'
import type { Signal } from '../../domain/export/signal.js'
import type { FieldValue, RemoteRecord } from '../../domain/records.js'
import { chooseExisting } from '../../engine/export/choose-existing.js'
import type { PeopleOf } from '../../engine/export/choose-existing.js'
import { createPersonIndex } from '../../matching/index.js'
import type { PersonIndex, PersonRecord } from '../../matching/index.js'
import { crmFields } from './crm-fields.js'

const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

/**
 * How leads are found: looked up by email and last name for each batch (a few calls per
 * batch), or read once in full like the contacts (a call per 2,000 leads). Reading in full
 * wins when a file holds many signals; `auto` picks it when the lookups would cost more calls
 * than reading as many leads as there are contacts.
 */
export type LeadIndexMode = 'lookup' | 'read'

/**
 * The existing people an export run knows: every contact (indexed at the start of the run),
 * the leads (read in full, or looked up for the signals so far), the full records of those a
 * signal matched, and the records the run itself created, so a person who appears twice in a
 * file is created once and then updated.
 */
export class ExistingPeople {
  private readonly leads: PersonIndex | null
  /** Converted leads, by lead id, with the contact each became: found by the lead's email or name. */
  private readonly converted: PersonIndex | null
  private readonly convertedInto = new Map<string, string>()
  private readonly records = new Map<string, RemoteRecord>()
  private readonly askedEmails = new Set<string>()
  private readonly askedNames = new Set<string>()
  private leadsRead = false
  private readonly contactObject: string
  private readonly leadObject: string | null

  constructor(
    private readonly kind: ExportKind,
    private readonly connector: Connector,
    private readonly contacts: PersonIndex,
    private readonly leadMode: LeadIndexMode = 'lookup',
    /** Told of contacts the index held that the CRM no longer returns, so the stored index drops them. */
    private readonly onGone: (ids: readonly string[]) => Promise<void> = async () => {},
  ) {
    this.contactObject = objectOf(kind, 'contact')
    this.leadObject = kind === 'salesforce' ? objectOf(kind, 'lead') : null
    this.leads = kind === 'salesforce' ? createPersonIndex([]) : null
    this.converted = kind === 'salesforce' ? createPersonIndex([]) : null
  }

  /**
   * Contacts, then contacts found through the leads converted into them, then leads: the
   * order `chooseExisting` prefers them in. A contact whose email or name changed after its
   * lead was converted is still found by the lead's.
   */
  peopleOf(): PeopleOf[] {
    const out: PeopleOf[] = [{ object: this.contactObject, index: this.contacts }]
    if (this.converted && this.leadObject) out.push({ object: this.contactObject, index: this.converted, convertedFrom: { object: this.leadObject, recordOf: (id) => this.convertedInto.get(id) } })
    if (this.leads && this.leadObject) out.push({ object: this.leadObject, index: this.leads })
    return out
  }

  /** The full current record of a person, once `prepare` fetched it or the run wrote it. */
  record(object: string, id: string): RemoteRecord | undefined {
    return this.records.get(`${object}/${id}`)
  }

  /**
   * Gets ready to plan a batch of signals: looks leads up by email, then by last name for
   * the signals no email found (Salesforce), and fetches the full records of the existing
   * people the signals match. A few calls per batch, whatever the batch size.
   */
  async prepare(signals: readonly Signal[]): Promise<void> {
    if (this.leadObject && this.leadMode === 'read') await this.readLeads()
    else if (this.leadObject) await this.lookUpLeads(signals)
    const wanted = new Map<string, Set<string>>()
    for (const s of signals) {
      const choice = chooseExisting(s, this.peopleOf())
      if (choice.kind !== 'found' || this.records.has(`${choice.object}/${choice.id}`) || choice.id.startsWith('planned-')) continue
      wanted.set(choice.object, (wanted.get(choice.object) ?? new Set()).add(choice.id))
    }
    for (const [object, ids] of wanted) {
      const found = await this.connector.lookup(object, { field: 'id', values: [...ids] })
      for (const list of found.values()) for (const r of list) if (!r.deleted) this.records.set(`${r.object}/${r.id}`, r)
      // A person the index holds and the CRM no longer returns was deleted since the index
      // read it (HubSpot's reads of changes do not report archived records): forgotten, so
      // the signal is planned as if it had never existed instead of failing on it.
      const gone = [...ids].filter((id) => !this.records.has(`${object}/${id}`))
      for (const id of gone) (object === this.leadObject ? this.leads : this.contacts)?.remove(id)
      if (object === this.contactObject) await this.onGone(gone)
    }
  }

  /** Reads every lead once, keeping only what matching needs; matched ones are fetched whole later. */
  private async readLeads(): Promise<void> {
    if (this.leadsRead) return
    this.leadsRead = true
    const f = crmFields[this.kind]
    const fields = [f.email, f.firstName, f.lastName, ...(f.leadWebsite ? [f.leadWebsite] : [])]
    for await (const page of this.connector.read(this.leadObject as string, undefined, { fields })) {
      for (const r of page.records) if (!r.deleted) this.index(r)
    }
  }

  /** Adds or refreshes a person the run wrote (or, in a plan, would write). */
  remember(record: RemoteRecord): void {
    const key = `${record.object}/${record.id}`
    const merged: RemoteRecord = { ...(this.records.get(key) ?? {}), ...record, fields: { ...(this.records.get(key)?.fields ?? {}), ...record.fields }, refs: { ...(this.records.get(key)?.refs ?? {}), ...(record.refs ?? {}) } }
    this.records.set(key, merged)
    const index = record.object === this.leadObject ? this.leads : this.contacts
    index?.upsert(this.personOf(merged))
  }

  private personOf(r: RemoteRecord): PersonRecord {
    const f = crmFields[this.kind]
    return { id: r.id, email: text(r.fields[f.email]), firstName: text(r.fields[f.firstName]), lastName: text(r.fields[f.lastName]), ...(f.leadWebsite && r.object === this.leadObject ? { website: text(r.fields[f.leadWebsite]) } : {}) }
  }

  private async lookUpLeads(signals: readonly Signal[]): Promise<void> {
    const object = this.leadObject as string
    const f = crmFields[this.kind]
    const emails = [...new Set(signals.map((s) => s.person.email?.trim().toLowerCase()).filter((e): e is string => !!e && !this.askedEmails.has(e)))]
    if (emails.length > 0) this.add(await this.connector.lookup(object, { field: f.email, values: emails }))
    for (const e of emails) this.askedEmails.add(e)
    // Only people no email found are looked for by name; a common last name returns many leads.
    const unmatched = signals.filter((s) => chooseExisting(s, this.peopleOf()).kind === 'none')
    const names = [...new Set(unmatched.map((s) => s.person.lastName?.trim().toLowerCase()).filter((n): n is string => !!n && !this.askedNames.has(n)))]
    if (names.length > 0) this.add(await this.connector.lookup(object, { field: f.lastName, values: names }))
    for (const n of names) this.askedNames.add(n)
  }

  private add(found: Map<string, RemoteRecord[]>): void {
    for (const list of found.values()) {
      for (const r of list) {
        if (r.deleted) continue
        if (!r.convertedTo) this.records.set(`${r.object}/${r.id}`, r)
        this.index(r)
      }
    }
  }

  /**
   * A lead into the lead index; a converted lead, which lives on as its contact, into the
   * index of conversions, so its email and name still find that contact.
   */
  private index(lead: RemoteRecord): void {
    if (!lead.convertedTo) {
      this.leads?.upsert(this.personOf(lead))
      return
    }
    if (lead.convertedTo.object !== this.contactObject) return
    this.convertedInto.set(lead.id, lead.convertedTo.id)
    this.converted?.upsert(this.personOf(lead))
  }
}
