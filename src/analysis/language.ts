/**
 * The language a message is written in, so that rules which read English
 * wording (estimates, guesses, impact) can stand aside on a French or
 * Japanese update instead of misreading it.
 *
 * Status updates are short, and trigram models misjudge short text: on the
 * 1,025 English fixtures and real updates of this project, franc-min (13
 * candidates) read 8% as another language ("Customers in Europe cannot load
 * dashboards. Next update in 30 minutes." is French to it), lande 6% and
 * tinyld 5%; eld erred on 4 but costs 200-300 ms and 85 MB to load (see
 * docs/languages.md). So the Latin-script candidates are told apart by their
 * function words (language.json), which a sentence of any length carries: a
 * message must hold at least two of one language, and more than it holds
 * English ones, to read as that language. A message mostly in another
 * script reads as the language of that script (Unicode script properties).
 * No English message of the fixtures or the shared corpus is misread, and
 * nothing is loaded but a 4 KB word list.
 */
import {findQuotes, maskLookup} from '../text/mask.ts'
import type {Sentence, Word} from '../text/walk.ts'
import {wordSet} from '../text/word-lists.ts'
import data from './language.json' with {type: 'json'}

/** ISO 639-3 ("eng", "fra", "jpn"), or "und" when a message is too short to tell. */
export type LanguageCode = string

export const english: LanguageCode = 'eng'
export const undetermined: LanguageCode = 'und'
/** ISO 639-3's code for a language without a code of its own here: a script not listed (Armenian, Georgian). Never English. */
const unlisted: LanguageCode = 'mis'

/** language.json: each language's function words, one list per ISO 639-3 code. */
const listed = ['eng', 'fra', 'deu', 'spa', 'por', 'nld', 'ita'] as const
const functionWords = new Map<LanguageCode, ReadonlySet<string>>(listed.map((code) => [code, wordSet(data[code])]))
const latinCandidates = [...functionWords.keys()]
/**
 * How many function words of one language a message needs, more than it has
 * English ones, before it reads as that language. Below it the message is
 * too short to tell and reads as English.
 */
const minimumWords = 2
/**
 * Messages mostly in another script: the language most status updates in
 * that script are written in. Han with any kana is Japanese, Han alone
 * Chinese. The exact language matters little: the wording rules only need to
 * know it is not English. A script not listed reads as `mis`, never English.
 * Tested in this order: kana before Han, since Japanese writes both. Code,
 * not data: every regex in the project is a literal the ReDoS check reads.
 */
const scripts: ReadonlyArray<{script: string; pattern: RegExp; code: LanguageCode}> = [
  {script: 'Kana', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, code: 'jpn'},
  {script: 'Hangul', pattern: /\p{Script=Hangul}/u, code: 'kor'},
  {script: 'Han', pattern: /\p{Script=Han}/u, code: 'cmn'},
  {script: 'Cyrillic', pattern: /\p{Script=Cyrillic}/u, code: 'rus'},
  {script: 'Greek', pattern: /\p{Script=Greek}/u, code: 'ell'},
  {script: 'Hebrew', pattern: /\p{Script=Hebrew}/u, code: 'heb'},
  {script: 'Arabic', pattern: /\p{Script=Arabic}/u, code: 'arb'},
  {script: 'Devanagari', pattern: /\p{Script=Devanagari}/u, code: 'hin'},
  {script: 'Bengali', pattern: /\p{Script=Bengali}/u, code: 'ben'},
  {script: 'Thai', pattern: /\p{Script=Thai}/u, code: 'tha'},
]
/** English names of the languages detected, for messages. */
const names = new Map<LanguageCode, string>([
  ['eng', 'English'], ['fra', 'French'], ['deu', 'German'], ['spa', 'Spanish'], ['por', 'Portuguese'], ['nld', 'Dutch'], ['ita', 'Italian'],
  ['jpn', 'Japanese'], ['kor', 'Korean'], ['cmn', 'Chinese'], ['rus', 'Russian'], ['ell', 'Greek'], ['heb', 'Hebrew'], ['arb', 'Arabic'],
  ['hin', 'Hindi'], ['ben', 'Bengali'], ['tha', 'Thai'], ['mis', 'a language liaison cannot name'],
])
/** French elisions, matched before the apostrophe: "l'incident", "d'erreurs", "qu'il". */
const elision = /^(?:[cdjlns]|qu)'/

/** The English name of a language code, or the code itself when it has none here. */
export function languageName(code: LanguageCode): string {
  return names.get(code) ?? code
}

/**
 * Whether a rule that reads `languages` applies to a message in `language`.
 * A rule without languages reads none (hostnames, length) and always
 * applies; a message too short to tell is read as English.
 */
export function readsLanguage(languages: readonly LanguageCode[] | undefined, language: LanguageCode): boolean {
  return languages === undefined || languages.includes(language) || (language === undetermined && languages.includes(english))
}

/** What detection reads: a message's text and its walked sentences (the doc). */
export interface Prose {
  readonly text: string
  readonly sentences: readonly Sentence[]
}

/** Each function word and the candidates it belongs to, as indices into `latinCandidates`: one lookup per word. */
const languagesOf = new Map<string, number[]>()
latinCandidates.forEach((code, index) => {
  for (const word of functionWords.get(code)!) languagesOf.set(word, [...(languagesOf.get(word) ?? []), index])
})
const englishIndex = latinCandidates.indexOf(english)

const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)

/** A word of letters only: no digits or identifiers ("eu-west-1", "smtp.corp", "2h"). */
function isLetters(word: Word): boolean {
  // Most function words are ASCII letters alone ("we", "the"): a char-code loop answers before the Unicode regexes run.
  const {text} = word
  let ascii = true
  for (let k = 0; k < text.length && ascii; k++) ascii = isAsciiLetter(text.charCodeAt(k))
  return ascii || (/^[\p{L}\p{M}'’-]+$/u.test(text) && !/^-|-$/.test(text))
}

function isCapitalised(word: Word | undefined): boolean {
  if (word === undefined) return false
  // An ASCII letter answers without the Unicode regex.
  const first = word.text.charCodeAt(0)
  return isAsciiLetter(first) ? first <= 0x5a : /^\p{Lu}/u.test(word.text)
}

/** Particles of names in many languages: "Rio de Janeiro", "Ciudad del Este", "Bergen op Zoom". */
const nameParticles = wordSet(data.nameParticles)

/**
 * A word that only looks like a function word: an acronym ("OS"), or part
 * of a name, as a capitalised word before another capitalised one ("Los
 * Angeles", "La Poste"; not at the start of a sentence, where German nouns
 * follow their articles) or a particle between two ("Rio de Janeiro").
 */
function isNamePart(words: readonly Word[], i: number): boolean {
  const word = words[i]!
  // A lower-case ASCII first letter is never all capitals: no upper-cased copy to compare.
  const first = word.text.charCodeAt(0)
  if (word.text.length > 1 && !(first >= 0x61 && first <= 0x7a) && word.text === word.text.toUpperCase()) return true
  if (isCapitalised(word)) return i > 0 && isCapitalised(words[i + 1])
  return nameParticles.has(word.norm) && isCapitalised(words[i - 1]) && isCapitalised(words[i + 1])
}

/**
 * How many function words of each candidate the prose holds. Code, URLs and
 * quoted words are literal in the walk; longer quotes ("Une erreur est
 * survenue") are looked up only once a word of another language turns up.
 */
function countFunctionWords(prose: Prose): {counts: number[]; own: number[]} {
  // By index into latinCandidates: arrays, not maps, since this runs for every word of every message.
  const counts = latinCandidates.map(() => 0)
  // Words of one candidate alone ("los", "não"): they break a tie between close languages.
  const own = latinCandidates.map(() => 0)
  let quoted: ((start: number, end: number) => unknown) | undefined
  for (const {words} of prose.sentences) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!
      if (word.literal) continue
      const norm = word.norm
      const codes = languagesOf.get(norm) ?? (norm.includes("'") ? languagesOf.get(elision.exec(norm)?.[0] ?? '') : undefined)
      if (codes === undefined || !isLetters(word) || isNamePart(words, i)) continue
      // A word's candidates are distinct: more than one, or one that is not English, is another language's word.
      if (codes.length > 1 || codes[0] !== englishIndex) {
        quoted ??= maskLookup(findQuotes(prose.text))
        if (quoted(word.start, word.end) !== undefined) continue
      }
      for (const code of codes) counts[code]!++
      if (codes.length === 1) own[codes[0]!]!++
    }
  }
  return {counts, own}
}

/**
 * The language of a message mostly in another script, or undefined for a
 * Latin one. Most messages are ASCII and cost one test.
 */
function otherScript(prose: Prose): LanguageCode | undefined {
  if (!/\P{ASCII}/u.test(prose.text)) return undefined
  let all = 0
  const other: string[] = []
  for (const {words} of prose.sentences) {
    for (const word of words) {
      if (word.literal) continue
      for (const letter of word.text.match(/\p{L}/gu) ?? []) {
        all++
        if (!/\p{Script=Latin}/u.test(letter)) other.push(letter)
      }
    }
  }
  // One letter is too short to tell ("א" alone); two already make a word in Japanese or Chinese.
  if (other.length * 2 <= all || other.length < 2) return undefined
  // Japanese mixes kana into Han: any kana decides; otherwise the script of most letters.
  const letters = other.join('')
  const found = scripts.filter(({pattern}) => pattern.test(letters))
  const best = found.find(({script}) => script === 'Kana') ?? found.sort((a, b) => countOf(letters, b.pattern) - countOf(letters, a.pattern))[0]
  return best === undefined ? unlisted : best.code
}

function countOf(letters: string, pattern: RegExp): number {
  let count = 0
  for (const letter of letters) if (pattern.test(letter)) count++
  return count
}

/**
 * The language of a message's prose: `english` when it reads as English,
 * `undetermined` when it is too short to tell (rules read it as English),
 * otherwise the ISO 639-3 code of the candidate it reads as.
 */
export function detectLanguage(prose: Prose): LanguageCode {
  const script = otherScript(prose)
  if (script !== undefined) return script
  const {counts, own} = countFunctionWords(prose)
  const englishCount = counts[englishIndex]!
  let top = 0
  let tied: number[] = []
  counts.forEach((count, code) => {
    if (code === englishIndex || count < top) return
    if (count > top) tied = []
    top = count
    tied.push(code)
  })
  if (top < minimumWords || top <= englishCount) return englishCount > 0 ? english : undetermined
  // Spanish and Portuguese share "para", "que", "de": words of one language alone decide, else the first.
  return latinCandidates[tied.reduce((best, code) => (own[code]! > own[best]! ? code : best))]!
}
