/** Import directions from docs/architecture.md, enforced in `npm run lint`. */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(?!domain)' },
    },
    {
      name: 'engine-and-matching-import-domain-only',
      severity: 'error',
      from: { path: '^src/(engine|matching)' },
      to: { path: '^src/(?!domain|engine|matching)' },
    },
    {
      name: 'engine-does-not-import-matching-internals-reverse',
      severity: 'error',
      from: { path: '^src/matching' },
      to: { path: '^src/engine' },
    },
    {
      name: 'connectors-import-domain-and-kit-only',
      severity: 'error',
      // Tests may start a simulator; production connector code may not know one exists.
      from: { path: '^src/connectors/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(?!domain|connectors/kit|connectors/$1/)' },
    },
    {
      name: 'store-and-queue-import-domain-only',
      severity: 'error',
      from: { path: '^src/(store|queue)' },
      to: { path: '^src/(?!domain|store|queue)' },
    },
    {
      name: 'sandbox-stands-alone',
      severity: 'error',
      comment: 'Simulators mimic vendors; they must not borrow revsync code that they are meant to test.',
      from: { path: '^src/sandbox' },
      to: { path: '^src/(?!sandbox)' },
    },
    {
      name: 'cli-and-server-import-app-and-domain',
      severity: 'error',
      from: { path: '^src/(cli|server)' },
      to: { path: '^src/(?!app|domain|cli|server)' },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^src', pathNot: '\\.test\\.ts$' },
      to: { path: '(\\.test\\.ts$|^test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
}
