/** The `email-providers` package (ISC): a maintained list of mailbox-provider domains, as its default export. */
declare module 'email-providers' {
  const domains: readonly string[]
  export default domains
}
