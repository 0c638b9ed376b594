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
      name: 'server-does-not-import-cli',
      severity: 'error',
      comment: 'The API and the CLI are two faces of the same use cases in src/app; neither borrows from the other.',
      from: { path: '^src/server' },
      to: { path: '^src/cli' },
    },
    {
      name: 'only-cli-starts-the-server',
      severity: 'error',
      comment: 'The service loop (scheduler, worker) lives in src/app/service; src/server is the HTTP face, started by `revsync serve`.',
      from: { path: '^src/(?!cli|server)' },
      to: { path: '^src/server' },
    },
    {
      name: 'queue-implementations-behind-the-port',
      severity: 'error',
      comment: 'Code outside src/queue and the composition in src/app/service knows the Queue port only, so a PostgreSQL queue can replace the in-process one.',
      from: { path: '^src/(?!queue|app/service/in-process-queue-for)', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/queue/(?!queue\\.ts$)' },
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
