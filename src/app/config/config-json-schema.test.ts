import { it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { configJsonSchemaText } from './config-json-schema.js'

it('the committed JSON Schema is current with the zod config schema (run npm run schema)', () => {
  const committed = readFileSync(new URL('../../../schema/revsync.schema.json', import.meta.url), 'utf8')
  assert.equal(committed, configJsonSchemaText())
})

it('the JSON Schema describes systems, mappings and the System of Record policies', () => {
  const text = configJsonSchemaText()
  for (const word of ['"systems"', '"mappings"', '"system-of-record"', '"most-recent"', '"sugarcrm"']) assert.ok(text.includes(word), word)
})
