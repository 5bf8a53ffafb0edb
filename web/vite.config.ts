/**
 * The playground: one static page that lints in the browser with the library
 * itself. `base: './'` keeps asset URLs relative, so `web/dist/` can be
 * hosted from any folder (GitHub Pages serves a project under /<repo>/).
 */
import {defineConfig} from 'vite'

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
})
