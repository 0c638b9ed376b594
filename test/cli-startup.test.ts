import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const main = join(root, 'src/cli/main.ts')

/**
 * Every module `src/cli/main.ts` loads before commander parses its arguments: the files and
 * packages reached through static imports (type-only imports and `import()` excluded, as
 * neither loads anything at start).
 */
function loadedAtStart(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    for (const statement of source.statements) {
      const isImport = ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly
      const isReExport = ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier !== undefined
      if (!isImport && !isReExport) continue
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else packages.add(specifier)
    }
  }
  visit(entry)
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() }
}

/** Runs the CLI as a user would; resolves with its exit code and output, never throws. */
async function revsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('the command line starts light', () => {
  it('loads only command definitions before parsing: no app, store, engine, connector or vendor code', () => {
    const { files, packages } = loadedAtStart(main)
    assert.deepEqual(files.filter((f) => !f.startsWith('src/cli/') && !f.startsWith('src/domain/')), [])
    assert.deepEqual(files.filter((f) => f.startsWith('src/cli/actions/')), [])
    assert.deepEqual(packages.filter((p) => p !== 'commander' && !p.startsWith('node:')), [])
  })

  it('--help still lists every command, and an unknown command is refused with exit 1', async () => {
    const help = await revsync(['--help'])
    assert.equal(help.code, 0, help.stderr)
    for (const command of ['validate', 'refresh-fields', 'sync', 'plan', 'runs', 'explain', 'review', 'sandbox', 'demo', 'export', 'match']) {
      assert.match(help.stdout, new RegExp(`\\n  ${command}\\b`), `--help lists ${command}`)
    }
    const sub = await revsync(['export', '--help'])
    assert.equal(sub.code, 0, sub.stderr)
    assert.match(sub.stdout, /-t, --target <name>/)
    const unknown = await revsync(['synk'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /unknown command 'synk'/)
  })
})
