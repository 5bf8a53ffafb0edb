/**
 * A small grammar over a walked sentence, for rules that need to know what a
 * predicate is said of ("Exports are not finishing" vs "The fix is not
 * finished") without a part-of-speech tagger.
 *
 * One lexicon pass tags each word with its entry's kind; words no entry
 * covers are content (product and feature names need no list). The walks
 * below read those tags and stop at punctuation between words, so each is
 * bounded and a sentence costs linear time.
 */
import type {Lexicon} from './lexicon.ts'
import type {Sentence} from './walk.ts'

export interface Tagged<K extends string> {
  sentence: Sentence
  /** Each word's kind, or undefined for a content word. */
  kinds: Array<K | undefined>
  /** For the first word of each match, the index of its last word, in sentence order. */
  ends: Map<number, number>
  /** For every word, the last word of the match it belongs to (itself for a content word). */
  last: number[]
  /**
   * Clause punctuation stands between word `i - 1` and word `i`: "down, and"
   * is split; "logs/artifacts", "{{component}}" and "`db-1`" are not.
   */
  breaks: boolean[]
}

export interface GrammarKinds<K extends string> {
  /** Auxiliaries, adverbs and negators between a subject and its predicate: "are not being", "should now be". */
  chain: readonly K[]
  /** Prepositions: a noun phrase's head stands before them ("Exports for EU customers"). */
  preposition: readonly K[]
  /** Determiners and quantities, skipped when reading a noun phrase ("a small subset of"). */
  quantifier: readonly K[]
  /** Words that start a clause: a bearer never stands before one. */
  clause: readonly K[]
  /** Tagged words that can head a noun phrase besides content words: "customers", "our team", "the database". */
  noun: readonly K[]
  /** Tagged words that can modify a noun inside its phrase: "the affected database", "the failing exports". */
  modifier: readonly K[]
  /** Relative words ("that", "which"): they start a clause whose predicate is said of the noun before them. */
  relative: readonly K[]
}

/** How far a walk goes, in words: noun phrases in updates are short, and a bound keeps every walk constant-time. */
const reach = 8
/** Punctuation that ends a phrase; brackets, braces, quotes and slashes do not (they wrap or join words). */
const clausePunctuation = /[,;:.!?()\u2013\u2014]|\s-+\s/

export function tag<K extends string>(lexicon: Lexicon<{kind: K}>, text: string, sentence: Sentence): Tagged<K> {
  const {words} = sentence
  // fill(), not Array.from({length}): Array.from walks an array-like generically, and this runs for every sentence.
  const kinds = new Array<K | undefined>(words.length).fill(undefined)
  const ends = new Map<number, number>()
  const last = words.map((_, i) => i)
  for (const match of lexicon.find(sentence)) {
    ends.set(match.from, match.to)
    for (let i = match.from; i <= match.to; i++) {
      kinds[i] = match.entry.kind
      last[i] = match.to
    }
  }
  const breaks = words.map((word, i) => i > 0 && word.gap && clausePunctuation.test(text.slice(words[i - 1]!.end, word.start)))
  return {sentence, kinds, ends, last, breaks}
}

export class Grammar<K extends string> {
  readonly #chain: ReadonlySet<K | undefined>
  readonly #preposition: ReadonlySet<K | undefined>
  readonly #quantifier: ReadonlySet<K | undefined>
  readonly #clause: ReadonlySet<K | undefined>
  readonly #noun: ReadonlySet<K | undefined>
  readonly #nounPhrase: ReadonlySet<K | undefined>
  readonly #relative: ReadonlySet<K | undefined>

  constructor(kinds: GrammarKinds<K>) {
    this.#relative = new Set(kinds.relative)
    this.#noun = new Set([undefined, ...kinds.noun])
    this.#nounPhrase = new Set([undefined, ...kinds.noun, ...kinds.modifier, ...kinds.quantifier])
    this.#chain = new Set(kinds.chain)
    this.#preposition = new Set(kinds.preposition)
    this.#quantifier = new Set(kinds.quantifier)
    this.#clause = new Set([...kinds.clause, ...kinds.relative])
  }

  /** The verb group before word `index`: the first index of its auxiliaries and adverbs ("are not being" → "are"), or `index` when there are none. */
  chainStart(t: Tagged<K>, index: number): number {
    let k = index
    while (k > 0 && index - k < reach && !t.breaks[k] && this.#chain.has(t.kinds[k - 1])) k--
    return k
  }

  /**
   * The head of the noun phrase that bears the predicate at `index`: the word
   * before its verb group, or, when that word ends a prepositional phrase, the
   * word before the preposition ("Exports for EU customers are failing" →
   * Exports; "some of our servers are down" → servers). Undefined when the
   * predicate starts its clause ("Unable to provide an ETA"). After a
   * relative word, the noun before it: "nodes that were offline" → nodes.
   */
  bearer(t: Tagged<K>, index: number): number | undefined {
    const start = this.chainStart(t, index)
    if (start === 0 || t.breaks[start]) return undefined
    const relative = this.#relative.has(t.kinds[start - 1]) && start > 1 && !t.breaks[start - 1]
    const before = relative ? start - 2 : start - 1
    if (!this.#isNoun(t, before)) return undefined
    let head = before
    for (let j = before - 1; j >= 0 && before - j < reach && !t.breaks[j + 1]; j--) {
      const kind = t.kinds[j]
      if (this.#nounPhrase.has(kind)) continue
      if (!this.#preposition.has(kind)) break
      // "some of our servers": the head stays after "of"; "Exports for EU customers": it moves before the preposition.
      if (j === 0 || t.breaks[j] || this.#quantifier.has(t.kinds[j - 1])) break
      if (!this.#isNoun(t, j - 1)) break
      head = j - 1
    }
    return head
  }

  /**
   * The first content word of the noun phrase that starts at `index`,
   * skipping determiners, quantities ("a number of our"), adverbs and any
   * kind in `skip`; undefined at the end of the clause.
   */
  headAfter(t: Tagged<K>, index: number, skip: ReadonlySet<K | undefined> = new Set()): number | undefined {
    const {words} = t.sentence
    for (let i = index; i < words.length && i - index < reach; i++) {
      if (i > index && t.breaks[i]) return undefined
      const kind = t.kinds[i]
      const skippable =
        this.#quantifier.has(kind) ||
        this.#chain.has(kind) ||
        skip.has(kind) ||
        // A placeholder or a quoted word is a slot, not a name: "an issue with {{component}}".
        words[i]!.literal ||
        // "one of our databases"
        (this.#preposition.has(kind) && i > index && this.#quantifier.has(t.kinds[i - 1]))
      if (!skippable) return i
    }
    return undefined
  }

  /** The first word of the noun phrase whose head is `head`: back over content words, determiners and quantities. */
  nounPhraseStart(t: Tagged<K>, head: number): number {
    let k = head
    while (k > 0 && head - k < reach && !t.breaks[k] && (t.kinds[k - 1] === undefined || this.#quantifier.has(t.kinds[k - 1]))) k--
    return k
  }

  /** The first word of the clause holding word `index`: after punctuation or a clause word. */
  clauseStart(t: Tagged<K>, index: number): number {
    let k = index
    while (k > 0 && index - k < 2 * reach && !t.breaks[k] && !this.#clause.has(t.kinds[k - 1])) k--
    return k
  }

  isPreposition(kind: K | undefined): boolean {
    return this.#preposition.has(kind)
  }

  #isNoun(t: Tagged<K>, index: number): boolean {
    return this.#noun.has(t.kinds[index])
  }
}
