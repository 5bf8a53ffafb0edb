/**
 * Reading a sentence's words the way the time parser needs: normalised,
 * literal words hidden, and whether two words are joined by nothing but
 * spaces (and the characters a shape allows, like "~" or "-").
 */
import type {Sentence, Word} from '../../text/walk.ts'
import {bare} from './vocabulary.ts'

export class WordReader {
  readonly words: Word[]
  readonly sentence: Sentence
  /** Every word as `w` gives it, read once: the parser asks about most words several times. */
  readonly #norms: readonly string[]

  constructor(sentence: Sentence) {
    this.sentence = sentence
    this.words = sentence.words
    this.#norms = this.words.map((word) => (word.literal ? '' : bare(word.norm)))
  }

  /** Normalised word `i`, or '' past the end and for literal words. */
  w(i: number): string {
    return this.#norms[i] ?? ''
  }

  /** Raw text between word `i - 1` and word `i`. */
  between(i: number): string {
    const {sentence, words} = this
    return sentence.text.slice(words[i - 1]!.end - sentence.start, words[i]!.start - sentence.start)
  }

  /** Word `i` follows word `i - 1` with nothing but spaces and the `allowed` characters between. */
  joined(i: number, allowed = ''): boolean {
    if (i <= 0 || i >= this.words.length) return false
    // Read in place rather than slicing: this runs for nearly every word the parser tries.
    const {text, start} = this.sentence
    for (let k = this.words[i - 1]!.end - start; k < this.words[i]!.start - start; k++) {
      const char = text[k]!
      if (char !== ' ' && !/\s/.test(char) && !allowed.includes(char)) return false
    }
    return true
  }

  /** Word `i` when it continues the phrase (joined to the word before), else ''. */
  nx(i: number, allowed = ''): string {
    return this.joined(i, allowed) ? this.w(i) : ''
  }

  /** Words from `i` spell `sequence`, joined. */
  spells(i: number, sequence: readonly string[]): boolean {
    for (let k = 0; k < sequence.length; k++) if ((k === 0 ? this.w(i) : this.nx(i + k)) !== sequence[k]) return false
    return true
  }
}
