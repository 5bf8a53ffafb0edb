/** `npm run docs`: rewrite the generated parts of README.md and rules/*.md (see generated-docs.ts). */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {root} from './fixtures.ts'
import {generatedFiles} from './generated-docs.ts'

let changed = 0
for (const {path, before, after} of await generatedFiles()) {
  if (after === before) continue
  writeFileSync(join(root, path), after)
  changed++
  console.log(`updated ${path}`)
}
console.log(changed ? `${changed} file(s) updated` : 'generated docs are up to date')
