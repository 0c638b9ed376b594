// Regenerates schema/revsync.schema.json from the zod config schema: npm run schema
import { writeFileSync } from 'node:fs'
import { configJsonSchemaText } from '../src/app/config/config-json-schema.js'

writeFileSync(new URL('../schema/revsync.schema.json', import.meta.url), configJsonSchemaText())
console.log('wrote schema/revsync.schema.json')
