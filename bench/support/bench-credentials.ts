/** Sandbox-only credentials shared by the benchmark and its simulator process. */
export const benchCredentials = {
  sugarPassword: 'sandbox-password',
  hubspotToken: 'pat-na1-bench-token-0000',
} as const
