/**
 * Phrase lexicons matched in one pass over a sentence's words.
 *
 * Every phrase of every entry goes into one trie, built once per rule
 * configuration. Matching walks the words once, following the trie from each
 * start: cost grows with the words, not with the size of the lexicon (alex
 * runs one nlcst-search per phrase, which is why it is slow).
 */
import type {Sentence, Word} from './walk.ts'
import {normalize} from './walk.ts'

/** Phrase syntax: words separated by spaces; `a|b` lets one slot take either word. */
export type Phrase = string

/** A lexicon match: the entry, the phrase, and the words it covers. */
export interface PhraseMatch<E> {
  entry: E
  phrase: string
  /** Index of the first and last matched word in `sentence.words`. */
  from: number
  to: number
  words: Word[]
  start: number
  end: number
}

interface TrieNode<E> {
  /** Made on the first child: most nodes are a phrase's last word and have none (an empty Map is ~140 bytes). */
  next: Map<string, TrieNode<E>> | undefined
  hit: {entry: E; phrase: string} | undefined
}

function node<E>(): TrieNode<E> {
  return {next: undefined, hit: undefined}
}

/** Phrases matched in one pass over a sentence's words (a trie built once). */
export class Lexicon<E> {
  readonly #root: TrieNode<E> = node()
  readonly size: number

  /**
   * @param entries the data behind each phrase (returned with each match).
   * @param phrasesOf the phrases an entry matches.
   * @throws Error when two entries claim the same phrase: a lexicon must not repeat itself.
   */
  constructor(entries: Iterable<E>, phrasesOf: (entry: E) => Iterable<Phrase>) {
    let size = 0
    for (const entry of entries) {
      for (const phrase of phrasesOf(entry)) {
        // Built at start-up, in code V8 has not optimised yet, so the loops are written out: a phrase without
        // alternatives (most) is one walk from the root; "a|b c|d" goes slot by slot from every node reached so
        // far, sharing its prefixes, rather than one walk per expansion.
        const slots = normalize(phrase.trim()).split(/\s+/)
        let reached: Array<TrieNode<E>>
        if (!phrase.includes('|')) {
          let at = this.#root
          for (const word of slots) {
            let child = at.next?.get(word)
            if (!child) (at.next ??= new Map()).set(word, (child = node()))
            at = child
          }
          reached = [at]
        } else {
          reached = [this.#root]
          for (const slot of slots) {
            const next: Array<TrieNode<E>> = []
            for (const at of reached) {
              for (const word of slot.split('|')) {
                let child = at.next?.get(word)
                if (!child) (at.next ??= new Map()).set(word, (child = node()))
                next.push(child)
              }
            }
            reached = next
          }
        }
        const hit = {entry, phrase}
        for (const at of reached) {
          if (at.hit) throw new Error(`Lexicon phrase "${this.#wordsTo(at, phrase).join(' ')}" is listed twice ("${at.hit.phrase}" and "${phrase}")`)
          at.hit = hit
        }
        size += reached.length
      }
    }
    this.size = size
  }

  /** The expansion of `phrase` that ends at `target`: for the error message only. */
  #wordsTo(target: TrieNode<E>, phrase: Phrase): string[] {
    return expand(phrase).find((words) => words.reduce<TrieNode<E> | undefined>((at, word) => at?.next?.get(word), this.#root) === target)!
  }

  /**
   * Longest match at each start, left to right, without overlaps. A match
   * never spans a literal word or punctuation between words.
   */
  find(sentence: Sentence): PhraseMatch<E>[] {
    const {words} = sentence
    const root = this.#root
    const found: PhraseMatch<E>[] = []
    let i = 0
    while (i < words.length) {
      // Every lexicon runs over every word: the longest hit so far is kept in locals, not an object per hit.
      let at: TrieNode<E> | undefined = root
      let hit: TrieNode<E>['hit']
      let to = -1
      for (let j = i; j < words.length; j++) {
        const word = words[j]!
        if (word.literal || (j > i && word.gap)) break
        at = at.next?.get(word.norm)
        if (!at) break
        if (at.hit) {
          hit = at.hit
          to = j
        }
      }
      if (hit) {
        const matched = words.slice(i, to + 1)
        found.push({
          entry: hit.entry,
          phrase: hit.phrase,
          from: i,
          to,
          words: matched,
          start: matched[0]!.start,
          end: matched.at(-1)!.end,
        })
        i = to + 1
      } else i++
    }
    return found
  }
}

/** `"may|might be caused"` → `[["may","be","caused"],["might","be","caused"]]`. */
export function expand(phrase: Phrase): string[][] {
  const slots = normalize(phrase.trim()).split(/\s+/)
  let out: string[][] = [[]]
  for (const slot of slots) {
    const options = slot.split('|')
    out = out.flatMap((prefix) => options.map((option) => [...prefix, option]))
  }
  return out
}

/**
 * Whether a word of `guards` stands before word `from`, at most `window`
 * words back and within its clause (punctuation ends the look): "not" in
 * "not working again", "once" in "once it is verified again".
 */
export function guardedBy(words: readonly Word[], from: number, guards: ReadonlySet<string>, window: number): boolean {
  for (let k = from - 1; k >= 0 && from - k <= window && !words[k + 1]!.gap; k--) if (guards.has(words[k]!.norm)) return true
  return false
}
