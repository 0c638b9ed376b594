import { benchFields } from './transfer-floor.js'

/**
 * The benchmarks' revsync.yaml: Sugar Contacts and HubSpot contacts matched by email, one
 * row per benchmark field. `row` adds settings to a row (a direction, a policy), `sync` to
 * the sync section; the credentials come from the environment as in any real config.
 */
export function benchConfigText(urls: { sugar: string; hubspot: string }, store: string, options: { row?: (sugarField: string) => string; sync?: string } = {}): string {
  const rows = benchFields
    .map(([sugar, hubspot]) => `      - { ${sugar === 'email1' ? 'name: email, ' : ''}sugar: ${sugar}, hubspot: ${hubspot}${options.row?.(sugar) ?? ''} }`)
    .join('\n')
  return `store: ${store}
systems:
  sugar: { kind: sugarcrm, url: "${urls.sugar}", auth: { username: admin, password: "\${SUGAR_PASSWORD}" } }
  hubspot: { kind: hubspot, url: "${urls.hubspot}", auth: { token: "\${HUBSPOT_TOKEN}" } }
sync: { batchSize: ${Number(process.env.BENCH_BATCH ?? 100)}${options.sync ? `, ${options.sync}` : ''} }
mappings:
  people:
    entity: person
    systems:
      - { system: sugar, objects: [Contacts] }
      - { system: hubspot, objects: [contacts] }
    match: [email]
    fields:
${rows}
`
}
