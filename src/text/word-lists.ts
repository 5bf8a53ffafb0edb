/**
 * The one way code reads a lexicon file. Every word list (rules/*.json,
 * src/**\/*.json) has the shape of schemas/lexicon.schema.json, which
 * test/lexicons.test.ts checks, duplicates included: a file-level `note`,
 * then named lists, each a word set (`words`), words grouped by name
 * (`groups`) or entries (`entries`: phrases with what a match means), every
 * one with a note saying why it is there. The types below are that schema;
 * JSON imports are checked against them where they are read, and the one
 * thing the schema cannot know, which kinds a reader understands, is checked
 * here when the module loads, so no reader casts. Bundles (the CLI, the
 * playground) drop the notes: scripts/lexicon-notes.mjs; no code reads them.
 */

/** A set of words or phrases (`"words": [...]`). */
export interface WordList {
  readonly note: string
  readonly words: readonly string[]
}

/** Words grouped under a name each (`"groups": {"minute": ["min", "mins", …]}`). */
export interface WordGroups {
  readonly note: string
  readonly groups: Readonly<Record<string, readonly string[]>>
}

/** One entry of an entry list: phrases, why they are listed, and what a match means. */
export interface LexiconEntry {
  readonly phrases: readonly string[]
  readonly note: string
  readonly kind?: string
  readonly weight?: number
  readonly standalone?: boolean
  readonly suggest?: string
}

/** Phrases with what a match means (`"entries": [...]`), for a Lexicon. */
export interface EntryList {
  readonly note: string
  readonly entries: readonly LexiconEntry[]
}

/** A word list as a set, for lookups by normalised word. */
export function wordSet(list: WordList): ReadonlySet<string> {
  return new Set(list.words)
}

/** A list of phrases, each as its words ("or so" → ["or", "so"]). */
export function phraseWords(list: WordList): string[][] {
  return list.words.map((phrase) => phrase.split(' '))
}

/** Each word of grouped lists with the name of its group ("mins" → "minute"). */
export function groupOf(list: WordGroups): Map<string, string>
export function groupOf<G extends string>(list: WordGroups, names: readonly G[]): Map<string, G>
export function groupOf(list: WordGroups, names?: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const [group, words] of Object.entries(list.groups)) {
    if (names && !names.includes(group)) throw new Error(unknown('group', group, names))
    for (const word of words) out.set(word, group)
  }
  return out
}

/**
 * Each word of grouped lists with its group's name read as a number
 * ("forty" → 40, "pst" → -480): a name that is no number (a typo in the
 * data) throws when the reading module loads.
 */
export function groupNumbers(list: WordGroups): Map<string, number> {
  const out = new Map<string, number>()
  for (const [word, group] of groupOf(list)) {
    if (!/^-?\d+(?:\.\d+)?$/.test(group)) throw new Error(`lexicon: group ${JSON.stringify(group)} is no number (word "${word}")`)
    out.set(word, Number(group))
  }
  return out
}

/** An entry whose `kind` is one the reader knows. */
export type KindedEntry<K extends string> = LexiconEntry & {readonly kind: K}

/**
 * The entries of `list`, each with a `kind` among `kinds`: a missing or
 * unknown kind (a typo in the data) throws when the reading module loads,
 * naming the kind, the phrase and the kinds expected.
 */
export function entriesOf<K extends string>(list: EntryList, kinds: readonly K[]): Array<KindedEntry<K>> {
  const out: Array<KindedEntry<K>> = []
  for (const entry of list.entries) {
    if (!hasKind(entry, kinds)) throw new Error(`${unknown('kind', entry.kind, kinds)} (entry "${entry.phrases[0]!}")`)
    out.push(entry)
  }
  return out
}

function hasKind<K extends string>(entry: LexiconEntry, kinds: readonly K[]): entry is KindedEntry<K> {
  return entry.kind !== undefined && (kinds as readonly string[]).includes(entry.kind)
}

/** A filter for entries of some of the kinds: `entries.filter(ofKind(['impact', 'cause']))`. */
export function ofKind<K extends string>(kinds: readonly K[]): (entry: LexiconEntry) => entry is KindedEntry<K> {
  return (entry): entry is KindedEntry<K> => hasKind(entry, kinds)
}

function unknown(what: string, value: string | undefined, expected: readonly string[]): string {
  return `lexicon: ${value === undefined ? `no ${what}` : `unknown ${what} ${JSON.stringify(value)}`}; expected one of ${expected.join(', ')}`
}
