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
import data from './language.json' with {type: 'json'}

/** ISO 639-3 ("eng", "fra", "jpn"), or "und" when a message is too short to tell. */
export type LanguageCode = string

export const english: LanguageCode = 'eng'
export const undetermined: LanguageCode = 'und'
/** ISO 639-3's code for a language without a code of its own here: a script not listed (Armenian, Georgian). Never English. */
const unlisted: LanguageCode = 'mis'

const functionWords = new Map(Object.entries(data.functionWords).map(([code, entry]) => [code, new Set(entry.words)]))
const latinCandidates = [...functionWords.keys()]
const names = new Map([
  ...Object.entries(data.functionWords).map(([code, entry]) => [code, entry.name] as const),
  ...Object.entries(data.scripts.names),
])
/**
 * The scripts of language.json's `scripts`, tested in this order: kana
 * before Han, since Japanese writes both. Code, not data: every regex in the
 * project is a literal the ReDoS check reads.
 */
const scriptPatterns: ReadonlyArray<[keyof typeof data.scripts.codes, RegExp]> = [
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Han', /\p{Script=Han}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Thai', /\p{Script=Thai}/u],
]
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

/** Each function word and the candidates it belongs to: one lookup per word. */
const languagesOf = new Map<string, LanguageCode[]>()
for (const [code, list] of functionWords) for (const word of list) languagesOf.set(word, [...(languagesOf.get(word) ?? []), code])

/** A word of letters only: no digits or identifiers ("eu-west-1", "smtp.corp", "2h"). */
function isLetters(word: Word): boolean {
  return /^[\p{L}\p{M}'’-]+$/u.test(word.text) && !/^-|-$/.test(word.text)
}

function isCapitalised(word: Word | undefined): boolean {
  return word !== undefined && /^\p{Lu}/u.test(word.text)
}

/** Particles of names in many languages: "Rio de Janeiro", "Ciudad del Este", "Bergen op Zoom". */
const nameParticles = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'la', 'le', 'van', 'von', 'der', 'den', 'du', 'des', 'y'])

/**
 * A word that only looks like a function word: an acronym ("OS"), or part
 * of a name, as a capitalised word before another capitalised one ("Los
 * Angeles", "La Poste"; not at the start of a sentence, where German nouns
 * follow their articles) or a particle between two ("Rio de Janeiro").
 */
function isNamePart(words: readonly Word[], i: number): boolean {
  const word = words[i]!
  if (word.text.length > 1 && word.text === word.text.toUpperCase()) return true
  if (isCapitalised(word)) return i > 0 && isCapitalised(words[i + 1])
  return nameParticles.has(word.norm) && isCapitalised(words[i - 1]) && isCapitalised(words[i + 1])
}

/**
 * How many function words of each candidate the prose holds. Code, URLs and
 * quoted words are literal in the walk; longer quotes ("Une erreur est
 * survenue") are looked up only once a word of another language turns up.
 */
function countFunctionWords(prose: Prose): {counts: Map<LanguageCode, number>; own: Map<LanguageCode, number>} {
  const counts = new Map(latinCandidates.map((code) => [code, 0]))
  // Words of one candidate alone ("los", "não"): they break a tie between close languages.
  const own = new Map(latinCandidates.map((code) => [code, 0]))
  let quoted: ((start: number, end: number) => unknown) | undefined
  for (const {words} of prose.sentences) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!
      if (word.literal) continue
      const norm = word.norm
      const codes = languagesOf.get(norm) ?? (norm.includes("'") ? languagesOf.get(elision.exec(norm)?.[0] ?? '') : undefined)
      if (codes === undefined || !isLetters(word) || isNamePart(words, i)) continue
      if (codes.some((code) => code !== english)) {
        quoted ??= maskLookup(findQuotes(prose.text))
        if (quoted(word.start, word.end) !== undefined) continue
      }
      for (const code of codes) counts.set(code, counts.get(code)! + 1)
      if (codes.length === 1) own.set(codes[0]!, own.get(codes[0]!)! + 1)
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
  const found = scriptPatterns.filter(([, pattern]) => pattern.test(letters))
  const [name] = found.find(([script]) => script === 'Kana') ?? found.sort(([, a], [, b]) => countOf(letters, b) - countOf(letters, a))[0] ?? []
  return name === undefined ? unlisted : data.scripts.codes[name]
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
  const englishCount = counts.get(english)!
  let top = 0
  let tied: LanguageCode[] = []
  for (const [code, count] of counts) {
    if (code === english || count < top) continue
    if (count > top) tied = []
    top = count
    tied.push(code)
  }
  if (top < data.minimum.value || top <= englishCount) return englishCount > 0 ? english : undetermined
  // Spanish and Portuguese share "para", "que", "de": words of one language alone decide, else the first.
  return tied.reduce((best, code) => (own.get(code)! > own.get(best)! ? code : best))
}
