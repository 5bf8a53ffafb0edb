/**
 * Bundle the command line into dist/src/cli/ (beside tsc's declarations),
 * so that starting `liaison` reads a few files instead of resolving ~150 ESM
 * modules. The library's entry points are bundled apart, as ES modules
 * (scripts/build-library.mjs).
 *
 * Two entry points, bin.js and lsp-worker.js (the language server's lint
 * worker), are small files; the rest is CommonJS chunks (`.cjs`) that they
 * load with V8's code cache (src/cli/code-cache.ts): Node 20 reuses compiled
 * code only for scripts compiled through `node:vm`, and compiling the chunks
 * was a third of a one-file lint's start-up.
 *
 * Rolldown, not esbuild: each module file costs Node a resolve, a read, a
 * compile and a link (about a millisecond each on an idle machine), and
 * esbuild's splitting makes one chunk per set of entries that share a module,
 * so a one-file lint loaded 25 of them. Rolldown lets the build name its
 * chunks (`codeSplitting.groups`), and these are drawn from the import graph
 * itself, not from lists of files that would go stale:
 * - `run.cjs`: what `run()` needs to read its arguments, and what the language
 *   server shares with a lint; loaded by every run;
 * - `lint`: everything else a lint loads at once (the engine, the rules,
 *   config discovery, the stylish formatter): one file.
 * What only some runs need stays in chunks of its own, loaded when first
 * needed: Markdown (remark), YAML, globs, the other formatters, init, audit,
 * and the language server (which answers `initialize` without `lint`; its
 * worker, the second entry, loads it).
 */
import {createHash} from 'node:crypto'
import {chmodSync, writeFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {build} from 'rolldown'
import {asciiOnly, comments, lexiconNotes} from './bundle-options.mjs'

const outdir = 'dist/src/cli'
const cli = (path) => resolve('src/cli', path)

/** The chunk each grouped module goes to, from the graph of static imports. */
function chunksOf(graph) {
  /** `id` and what it imports statically, transitively: what loading it loads at once. */
  const loadedWith = (id) => {
    const seen = new Set()
    const visit = (at) => {
      if (seen.has(at)) return
      seen.add(at)
      for (const next of graph.getModuleInfo(at)?.importedIds ?? []) visit(next)
    }
    visit(id)
    return seen
  }
  const run = loadedWith(cli('run.ts'))
  const lint = loadedWith(cli('lint-modules.ts'))
  const server = loadedWith(cli('lsp/command.ts'))
  const chunks = new Map()
  for (const id of lint) chunks.set(id, 'lint')
  // Shared with the server: in `cli`, so that the server never loads `lint` for them.
  for (const id of [...run, ...[...server].filter((id) => lint.has(id))]) chunks.set(id, 'cli')
  return chunks
}

// Without comments, `lint` is 490 kB instead of 620 kB for Node to read (scripts/bundle-options.mjs).

let chunks
const {output} = await build({
  // The language server's lint worker (src/cli/lsp/runner.ts) is a second entry, sharing chunks with the command.
  input: {run: 'src/cli/run.ts', 'lsp-worker': 'src/cli/lsp/worker.ts'},
  platform: 'node',
  // A chunk may add exports to an entry (which the groups below need).
  preserveEntrySignatures: 'allow-extension',
  // Loaded lazily, only for runs that need them, and their Node builds are
  // CommonJS that does not survive bundling: resolve them from node_modules.
  external: ['yaml', /^node:/],
  logLevel: 'warn',
  plugins: [lexiconNotes, asciiOnly],
  output: {
    dir: outdir,
    format: 'cjs',
    // require(), not import(), for yaml and Node's modules: import() in a script compiled by node:vm needs an experimental flag.
    dynamicImportInCjs: false,
    entryFileNames: '[name].cjs',
    // Chunks sit beside bin.js, so paths relative to a module (package.json, lsp-worker.js) stay the same.
    chunkFileNames: 'bin-[name]-[hash].cjs',
    comments,
    codeSplitting: {
      // Each module goes where chunksOf() says, not where a module that imports it goes.
      includeDependenciesRecursively: false,
      groups: [
        {
          debugName: 'cli and lint',
          name(id, graph) {
            chunks ??= chunksOf(graph)
            return chunks.get(id) ?? null
          },
        },
      ],
    },
  },
})

// Each chunk's SHA-256, for the entry points to name its code cache by (src/cli/code-cache.ts).
const hashes = Object.fromEntries(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, createHash('sha256').update(chunk.code).digest('hex')]))

// The entry points, each one file: they load the chunks above. CommonJS too,
// since Node starts a CommonJS entry without its ES module loader (~5 ms of
// CPU): the package.json beside them says so, as the package's says "module".
for (const [name, entry] of [['bin', 'src/cli/bin.ts'], ['lsp-worker', 'src/cli/lsp/worker-main.ts']]) {
  await build({
    input: {[name]: entry},
    platform: 'node',
    external: [/^node:/],
    logLevel: 'warn',
    plugins: [asciiOnly],
    transform: {define: {LIAISON_CHUNK_HASHES: JSON.stringify(hashes)}},
    output: {dir: outdir, format: 'cjs', entryFileNames: '[name].js', comments},
  })
}
writeFileSync(`${outdir}/package.json`, `${JSON.stringify({type: 'commonjs'}, null, 2)}\n`)
chmodSync(`${outdir}/bin.js`, 0o755)
