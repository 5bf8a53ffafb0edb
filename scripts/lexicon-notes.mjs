/**
 * Bundles drop the notes from lexicon files. A `note` says why a list or an
 * entry is there (schemas/lexicon.schema.json requires one everywhere); it is
 * for the people who edit the data and no code reads it, yet the notes are
 * half of the lexicons' weight: shipping them made the playground download
 * and every start-up parse text nobody reads. Used by scripts/build-cli.mjs
 * (esbuild) and web/vite.config.ts (Vite); tsc's unbundled dist/ keeps the
 * files as they are.
 */

/** Whether a parsed JSON file is a lexicon: it names the lexicon schema. */
function isLexicon(value) {
  return typeof value === 'object' && value !== null && typeof value.$schema === 'string' && value.$schema.endsWith('lexicon.schema.json')
}

function withoutNotes(value) {
  if (Array.isArray(value)) return value.map(withoutNotes)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'note' && key !== '$schema').map(([key, item]) => [key, withoutNotes(item)]))
}

/** A lexicon file's JSON without its notes (and `$schema`); any other JSON unchanged (undefined). */
export function stripLexiconNotes(text) {
  const value = JSON.parse(text)
  return isLexicon(value) ? JSON.stringify(withoutNotes(value)) : undefined
}
