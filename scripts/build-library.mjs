/**
 * Bundle the library's two entry points, `liaison` (src/index.ts) and
 * `liaison/markdown` (src/markdown.ts), into dist/src/ as ES modules: the
 * entries and one chunk they share. tsc writes only the declarations
 * (tsconfig.build.json), so the types keep their documentation while the
 * code Node loads has none.
 *
 * Why bundle a library: `import {lint} from 'liaison'` loaded ~110 module
 * files of ours, and Node keeps a module record, a source string and its
 * bookkeeping for each. Bundled, with comments and lexicon notes dropped
 * (scripts/bundle-options.mjs), a process that imports liaison is ~2.5 MiB
 * smaller (issue #14 budgets peak RSS). Dependencies stay imports, resolved
 * from the user's node_modules: one unified, one vfile for the whole app.
 * Users' bundlers still drop what they do not use, statement by statement.
 */
import {isAbsolute} from 'node:path'
import {build} from 'rolldown'
import {asciiOnly, comments, lexiconNotes} from './bundle-options.mjs'

/** A bare specifier (`unified`, `vfile/…`), not a path of ours. */
const isDependency = (id) => !id.startsWith('.') && !isAbsolute(id)

await build({
  input: {index: 'src/index.ts', markdown: 'src/markdown.ts'},
  // No Node built-in is imported by the library (src/text/re2.ts reaches re2js through `process`), so it also bundles for browsers.
  platform: 'neutral',
  external: isDependency,
  logLevel: 'warn',
  plugins: [lexiconNotes, asciiOnly],
  output: {dir: 'dist/src', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js', comments},
})
