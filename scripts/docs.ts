/** `npm run docs`: refresh the generated sections of every rules/<id>.md. */
import {readFileSync, writeFileSync} from 'node:fs'
import {rules} from '../rules/index.ts'
import {renderDoc} from '../test/support/docs.ts'
import {root} from '../test/support/fixtures.ts'

let changed = 0
for (const rule of rules) {
  const path = `${root}rules/${rule.meta.id}.md`
  const before = readFileSync(path, 'utf8')
  const after = renderDoc(rule.meta, before, `rules/${rule.meta.id}.md`)
  if (after !== before) {
    writeFileSync(path, after)
    changed++
    console.log(`updated rules/${rule.meta.id}.md`)
  }
}
console.log(changed ? `${changed} doc(s) updated` : 'docs are up to date')
