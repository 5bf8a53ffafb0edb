/**
 * What the two bundles of dist/ (scripts/build-library.mjs and
 * scripts/build-cli.mjs) share: sources go in without their comments and
 * lexicons without their notes. Both are for the people who edit the files;
 * no code reads them, yet Node reads and V8 keeps every module's source for
 * as long as the module lives (see the builds for what each saves).
 */
import {readFileSync} from 'node:fs'
import {stripLexiconNotes} from './lexicon-notes.mjs'

/** Rolldown plugin: lexicon JSON without notes (scripts/lexicon-notes.mjs), any other JSON as it is. */
export const lexiconNotes = {
  name: 'lexicon-notes',
  load(id) {
    if (!id.endsWith('.json')) return null
    const code = stripLexiconNotes(readFileSync(id, 'utf8'))
    return code === undefined ? null : {code, moduleType: 'json'}
  },
}

/** Rolldown's `output.comments`: licences only (there are none of ours; a bundled dependency's stays). */
export const comments = {legal: true, annotation: false, jsdoc: false}
