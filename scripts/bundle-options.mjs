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

/**
 * Rolldown plugin: every character beyond ASCII written as a `\uXXXX` escape
 * (astral ones as their two surrogates), which every place it can occur in
 * these chunks reads the same: string and template literals, regular
 * expressions (a surrogate pair escape is one code point under the `u` and
 * `v` flags), identifiers. V8 stores a source holding a single character
 * beyond Latin-1 (a curly quote in a message, Arabic in the language lexicon)
 * as two bytes a character: the library's chunk held 104 such characters
 * and took 627 KiB of heap instead of 314 KiB. Nothing here reads a raw
 * template string (`String.raw`), the one place an escape would read
 * differently; the build fails if one appears.
 */
export const asciiOnly = {
  name: 'ascii-only',
  // generateBundle, not renderChunk: Rolldown prints a chunk renderChunk returns afresh, escapes undone.
  generateBundle(options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !/[^\0-\x7F]/.test(chunk.code)) continue
      if (/\bString\.raw\b/.test(chunk.code)) throw new Error(`${chunk.fileName}: String.raw would read \\u escapes differently; scripts/bundle-options.mjs cannot make this chunk ASCII`)
      chunk.code = chunk.code.replace(/[^\0-\x7F]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    }
  },
}

/** Rolldown's `output.comments`: licences only (there are none of ours; a bundled dependency's stays). */
export const comments = {legal: true, annotation: false, jsdoc: false}
