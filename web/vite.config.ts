/**
 * The playground: one static page that lints in the browser with the library
 * itself. `base: './'` keeps asset URLs relative, so `web/dist/` can be
 * hosted from any folder (GitHub Pages serves a project under /<repo>/).
 */
import {defineConfig} from 'vite'
import {stripLexiconNotes} from '../scripts/lexicon-notes.mjs'

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    {
      // Before Vite's JSON plugin turns the file into a module: see scripts/lexicon-notes.mjs.
      name: 'lexicon-notes',
      enforce: 'pre',
      transform(code, id) {
        if (!id.endsWith('.json')) return null
        const stripped = stripLexiconNotes(code)
        return stripped === undefined ? null : {code: stripped, map: null}
      },
    },
  ],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
})
