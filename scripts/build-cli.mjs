/**
 * Bundle the command line into dist/src/cli/bin.js (over tsc's unbundled
 * output), so that starting `liaison` reads a few files instead of resolving
 * ~150 ESM modules: a one-file run went from ~3.1× to ~1.7× `node -e 0`.
 * Dynamic imports (remark, yaml, formatters, tinyglobby) stay separate
 * chunks beside it, loaded only when a run needs them. The library itself
 * (dist/src/index.js) stays unbundled for tree-shaking by its users.
 */
import {chmodSync} from 'node:fs'
import {build} from 'esbuild'

const outdir = 'dist/src/cli'
await build({
  // The language server's lint worker (src/cli/lsp/runner.ts) is a second entry, sharing chunks with the command.
  entryPoints: {bin: 'src/cli/bin.ts', 'lsp-worker': 'src/cli/lsp/worker.ts'},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks sit beside bin.js, so paths relative to a module (package.json) stay the same.
  chunkNames: 'bin-[hash]',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {js: "import {createRequire as __liaisonRequire} from 'node:module'; const require = __liaisonRequire(import.meta.url);"},
  // Loaded lazily, only for runs that need them, and their Node builds are
  // CommonJS that does not survive bundling: resolve them from node_modules.
  external: ['yaml'],
  logLevel: 'warning',
})
chmodSync(`${outdir}/bin.js`, 0o755)
