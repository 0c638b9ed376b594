import { z } from 'zod'

// Only http and https: a file:// or ftp:// URL passes a plain URL check and then fails at
// the first call with a message that names no setting.
const url = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL, such as https://api.hubapi.com or http://127.0.0.1:4101' })

/** Calls a second revsync may start against this system; no run exceeds it. */
const requestsPerSecond = z.number().positive().max(1000).optional()

/**
 * Seconds one API call may take before it is abandoned and, like any transient failure,
 * retried. A create abandoned this way is looked up before it is sent again.
 */
const timeoutSeconds = z.number().positive().max(600).default(60)

/** HubSpot: a private-app token. */
export const hubspotSystemSchema = z.strictObject({
  kind: z.literal('hubspot'),
  url: url.default('https://api.hubapi.com'),
  requestsPerSecond,
  timeoutSeconds,
  auth: z.strictObject({ token: z.string().min(1) }),
})

/** SugarCRM: OAuth2 password grant with a custom platform, so revsync has its own session. */
export const sugarcrmSystemSchema = z.strictObject({
  kind: z.literal('sugarcrm'),
  url,
  requestsPerSecond,
  timeoutSeconds,
  auth: z.strictObject({
    username: z.string().min(1),
    password: z.string().min(1),
    clientId: z.string().min(1).default('sugar'),
    clientSecret: z.string().default(''),
    platform: z.string().min(1).default('revsync'),
  }),
})

/** Salesforce: a ready access token, or the client-credentials / username-password flows. */
export const salesforceSystemSchema = z.strictObject({
  kind: z.literal('salesforce'),
  /** The login URL for the OAuth flows, or the instance URL with an access token. */
  url,
  apiVersion: z.string().regex(/^\d+\.\d$/).default('62.0'),
  requestsPerSecond,
  timeoutSeconds,
  /** Ask Salesforce to run its lead assignment rules on leads revsync creates (Sforce-Auto-Assign). */
  assignLeads: z.boolean().optional(),
  auth: z.union([
    z.strictObject({ accessToken: z.string().min(1) }),
    z.strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
    z.strictObject({
      username: z.string().min(1),
      password: z.string().min(1),
      clientId: z.string().min(1).optional(),
      clientSecret: z.string().min(1).optional(),
    }),
  ]),
})

export const systemConfigSchema = z.discriminatedUnion('kind', [hubspotSystemSchema, sugarcrmSystemSchema, salesforceSystemSchema])

export type HubSpotSystemConfig = z.infer<typeof hubspotSystemSchema>
export type SugarCrmSystemConfig = z.infer<typeof sugarcrmSystemSchema>
export type SalesforceSystemConfig = z.infer<typeof salesforceSystemSchema>
export type SystemConfig = z.infer<typeof systemConfigSchema>
