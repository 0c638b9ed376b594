import { z } from 'zod'
import { configSchema } from '../../domain/config/config-schema.js'

/**
 * The published JSON Schema of `revsync.yaml`, generated from the zod schema that validates
 * it, so editors can complete and check the file and the two never disagree.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return { ...schema, $id: 'https://revsync.dev/schema/revsync.schema.json', title: 'revsync.yaml' }
}

/** The schema as committed under `schema/`: pretty JSON with a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`
}
