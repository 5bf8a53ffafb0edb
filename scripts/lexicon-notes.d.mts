/** A lexicon file's JSON without its notes (and `$schema`); undefined for any other JSON. */
export function stripLexiconNotes(text: string): string | undefined
