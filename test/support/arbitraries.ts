/**
 * fast-check generators for hostile and near-miss messages, built from data:
 * the rules' lexicons (rules/*.json) and the engine's word lists (its JSON
 * data and string arrays in src/text, src/analysis and src/engine, read with the compiler API), so a word added to
 * a lexicon is fuzzed without editing this file. Near-misses come from
 * `fc.stringMatching` over a regex made from each phrase: misspelt, cased,
 * hyphenated, split by punctuation, NBSP or a zero-width space.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {expand} from '../../src/text/lexicon.ts'
import {arrayStrings, dataFiles, jsonStrings, sourceFiles} from './source-scan.ts'

/** Keys of rules/*.json whose strings are metadata, not words. */
const metadataKeys = new Set(['note', 'kind'])

const engineDirs = ['src/core', 'src/text', 'src/analysis', 'src/engine']

function lexiconStrings(): string[] {
  const out: string[] = []
  for (const path of [...dataFiles(['rules']), ...dataFiles(engineDirs)]) {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
    for (const {key, value} of jsonStrings(data)) if (!metadataKeys.has(key)) out.push(value)
  }
  return out
}

const engineStrings = arrayStrings(sourceFiles(engineDirs))

/** Every concrete phrase: lexicon entries and engine words, `a|b` slots expanded. */
export const phrases: readonly string[] = [
  ...new Set([...lexiconStrings(), ...engineStrings].flatMap((phrase) => expand(phrase).map((words) => words.join(' ')))),
]
  .filter((phrase) => phrase.trim() !== '')
  .sort()

/** Opening and closing delimiters the engine knows (placeholders, code), as written in its arrays. */
const openers = engineStrings.filter((s) => /^[{$]/.test(s) && s.length <= 3)
const closers = engineStrings.filter((s) => /\}$/.test(s) && s.length <= 3)

const escape = (text: string) => text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')

/** A word and its near-misses: truncated, one letter more, capitalised, upper case, curly apostrophe. */
function wordVariants(word: string): string {
  const variants = new Set([word, word.slice(0, -1), `${word}s`, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase(), word.replace(/'/g, '’')])
  const options = [...variants].filter(Boolean).map(escape)
  return `(?:${options.join('|')}|${escape(word)}[a-z])`
}

/** Between two words: the plain space the lexicon expects, or something that breaks the phrase. */
const separator = '(?: | |\\n|  |[,.;:!?] |-|\\u00a0|\\u200b|\\t| \\(|" )'

const nearMissCache = new Map<string, RegExp>()

export function nearMissPattern(phrase: string): RegExp {
  let pattern = nearMissCache.get(phrase)
  if (!pattern) {
    const body = phrase.split(' ').map(wordVariants).join(separator)
    pattern = new RegExp(`^["'“(]?${body}["'”).,]?$`)
    nearMissCache.set(phrase, pattern)
  }
  return pattern
}

const codeUnit = (min: number, max: number) => fc.integer({min, max}).map((code) => String.fromCharCode(code))
const codePoint = (min: number, max: number) => fc.integer({min, max}).map((code) => String.fromCodePoint(code))

export const loneSurrogate = codeUnit(0xd800, 0xdfff)
/** Any UTF-16 code unit, so surrogate halves appear alone, paired and mispaired. */
export const anyCodeUnit = codeUnit(0, 0xffff)
export const control = fc.oneof(codeUnit(0, 0x1f), codeUnit(0x7f, 0x9f), fc.constantFrom('\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\u0085'))
/** Hebrew and Arabic letters, and the bidi controls around them. */
export const rightToLeft = fc.oneof(
  fc.string({unit: fc.oneof(codePoint(0x05d0, 0x05ea), codePoint(0x0620, 0x064a)), minLength: 1, maxLength: 12}),
  fc.constantFrom('\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'),
)
/** Pictographs with skin tones, VS16 and ZWJ joins; flags; keycaps; tag sequences. */
export const emoji = fc.oneof(
  fc
    .array(fc.tuple(codePoint(0x1f300, 0x1faff), fc.option(codePoint(0x1f3fb, 0x1f3ff)), fc.boolean()), {minLength: 1, maxLength: 4})
    .map((parts) => parts.map(([base, tone, vs16]) => base + (tone ?? '') + (vs16 ? '\ufe0f' : '')).join('\u200d')),
  fc.tuple(codePoint(0x1f1e6, 0x1f1ff), codePoint(0x1f1e6, 0x1f1ff)).map(([a, b]) => a + b),
  fc.constantFrom(...'0123456789#*').map((key) => `${key}\ufe0f\u20e3`),
  fc.array(codePoint(0xe0061, 0xe007a), {maxLength: 6}).map((tags) => `\u{1f3f4}${tags.join('')}\u{e007f}`),
)

export const whitespace = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\t', '\r', '\n \n', '\u00a0', '\u3000', '\u2009')
export const punctuation = fc.constantFrom('.', ',', ';', ':', '!', '?', '…', '(', ')', '"', "'", '“', '”', '‘', '’', '-', '–', '—', '/', '`', '*', '#', '>', '[', ']', '@')

const number = fc.oneof(
  fc.nat(9999).map(String),
  fc.tuple(fc.nat(23), fc.nat(59)).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.')),
  fc.array(fc.nat(0xffff).map((group) => group.toString(16)), {minLength: 1, maxLength: 8}).map((groups) => groups.join(':')),
)
const word = fc.constantFrom(...phrases)
/** Names built from lexicon words: `db-primary-03`, `api.internal`, `https://grafana.corp/x`. */
const name = fc
  .tuple(fc.array(word.filter((w) => !w.includes(' ')), {minLength: 1, maxLength: 3}), fc.option(fc.nat(120)), fc.constantFrom('-', '.', '_', ''))
  .map(([parts, n, joiner]) => [...parts, ...(n === null ? [] : [String(n).padStart(2, '0')])].join(joiner))
const link = fc
  .tuple(fc.constantFrom('https://', 'http://', 'ftp://', 'wss://', ''), name, fc.constantFrom('', '/', '/status?x=1#y', ':8080', '/a(b)'))
  .map(([scheme, host, path]) => scheme + host + path)
const placeholder = fc
  .tuple(fc.constantFrom(...openers), fc.stringMatching(/^[\w.| ]{0,12}$/), fc.constantFrom(...closers, ''))
  .map(([open, inner, close]) => open + inner + close)
const nearMiss = word.chain((phrase) => fc.stringMatching(nearMissPattern(phrase)))

/** One token of a message: mostly words and spaces, with everything the engine treats specially. */
export const token = fc.oneof(
  {weight: 10, arbitrary: word},
  {weight: 10, arbitrary: whitespace},
  {weight: 6, arbitrary: nearMiss},
  {weight: 4, arbitrary: punctuation},
  {weight: 3, arbitrary: number},
  {weight: 3, arbitrary: name},
  {weight: 2, arbitrary: link},
  {weight: 2, arbitrary: placeholder},
  {weight: 1, arbitrary: emoji},
  {weight: 1, arbitrary: rightToLeft},
  {weight: 1, arbitrary: control},
  {weight: 1, arbitrary: loneSurrogate},
)

/** Messages of lexicon tokens, up to `maxTokens` of them (`size: 'max'`: lengths across the whole range). */
export const message = (maxTokens: number) => fc.array(token, {size: 'max', maxLength: maxTokens}).map((parts) => parts.join(''))

/** Strings of arbitrary UTF-16 with lexicon words mixed in. */
export const unicodeMessage = (maxUnits: number) =>
  fc.string({
    unit: fc.oneof(
      {weight: 6, arbitrary: anyCodeUnit},
      {weight: 4, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
      {weight: 3, arbitrary: whitespace},
      {weight: 2, arbitrary: word},
      {weight: 1, arbitrary: emoji},
      {weight: 1, arbitrary: rightToLeft},
      {weight: 1, arbitrary: control},
    ),
    size: 'max',
    maxLength: maxUnits,
  })

/** One very long token (1k–30k characters) of a shape that has broken tokenizers: dots, hyphens, digits, placeholders. */
export const longToken = fc
  .tuple(fc.constantFrom('a', 'a.', 'www.', 'a-', '1.', '1.2.3-4:5 ', '-', '.', ':', '{{x}}', '{{', '`', '"', '’', 'x', '\u0301', '🙂', '\ud800', '\n'), fc.integer({min: 1000, max: 30_000}))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))

/** A short message around one very long token. */
export const longMessage = fc.tuple(message(20), longToken, message(20)).map((parts) => parts.join(''))
