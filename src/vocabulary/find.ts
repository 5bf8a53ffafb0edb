/**
 * Finding a vocabulary rule's terms in a message's prose.
 *
 * Whole-word terms go into the engine's Lexicon (one trie per rule, built
 * once per configuration), so a rule with 5,000 terms walks each sentence's
 * words once, as a rule with 5 does. Terms that may sit inside longer words
 * (`wholeWord: false`) and `pattern` rules are one RE2 expression per rule,
 * linear in the text whatever the expression. Either way, words that are
 * literal (quoted, code, a link, a template placeholder) never match.
 */
import type {RE2JS} from 're2js'
import {Lexicon} from '../text/lexicon.ts'
import type {Sentence, Word} from '../text/walk.ts'

/** A term as the config gives it, with what to write instead (replace rules). */
export interface Term {
  term: string
  expected?: readonly string[]
  /** With `matchCase`: the exact spellings the term stands for (`a|b` slots expanded). */
  spellings?: ReadonlySet<string> | undefined
}

/** One finding: where it is, as written, and the term it matched (none for a pattern). */
export interface Found {
  start: number
  end: number
  actual: string
  term: Term | undefined
}

export interface Finder {
  find(sentence: Sentence, text: string): Found[]
}

/**
 * The tokenizer keeps a sentence's final period on an abbreviation ("ASAP."),
 * so the word is matched, and reported, without it.
 */
function withoutFinalPeriod(sentence: Sentence): Sentence {
  const {words} = sentence
  if (!words.some((word) => word.norm.length > 1 && word.norm.endsWith('.'))) return sentence
  const trimmed = words.map((word): Word => {
    if (word.norm.length <= 1 || !word.norm.endsWith('.')) return word
    const text = word.text.slice(0, -1)
    return {text, norm: word.norm.slice(0, -1), start: word.start, end: word.start + text.length, literal: word.literal, gap: word.gap}
  })
  return {...sentence, words: trimmed}
}

/** Whole words through a trie; with `matchCase`, a match must also be spelt as listed. */
export function wordFinder(terms: readonly Term[]): Finder {
  const lexicon = new Lexicon(terms, (term) => [term.term])
  return {
    find(sentence, text) {
      const found: Found[] = []
      for (const match of lexicon.find(withoutFinalPeriod(sentence))) {
        if (match.entry.spellings && !match.entry.spellings.has(match.words.map((word) => word.text).join(' '))) continue
        found.push({start: match.start, end: match.end, actual: text.slice(match.start, match.end), term: match.entry})
      }
      return found
    },
  }
}

/** Whether `start..end` touches a literal word or a placeholder: such text is never a finding. */
function touchesLiteral(sentence: Sentence, start: number, end: number): boolean {
  if (sentence.placeholders?.some((slot) => slot.start < end && slot.end > start)) return true
  return sentence.words.some((word) => word.literal && word.start < end && word.end > start)
}

/**
 * Every non-empty match of `regex` in the sentence's text, left to right.
 * `termOf` maps a match to its term (terms compiled into one expression).
 */
export function regexFinder(regex: RE2JS, termOf: (actual: string) => Term | undefined = () => undefined): Finder {
  return {
    find(sentence, text) {
      const found: Found[] = []
      const matcher = regex.matcher(text.slice(sentence.start, sentence.end))
      while (matcher.find()) {
        const start = sentence.start + matcher.start()
        const end = sentence.start + matcher.end()
        if (end === start || touchesLiteral(sentence, start, end)) continue
        const actual = text.slice(start, end)
        found.push({start, end, actual, term: termOf(actual)})
      }
      return found
    },
  }
}
