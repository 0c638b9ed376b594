/**
 * The real clock. It is read here only: the app passes it down (`App.now`) to runs, leases,
 * ids and commands, so a test or an embedding can hand in its own.
 */
export function systemClock(): Date {
  return new Date()
}
