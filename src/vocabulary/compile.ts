/**
 * A vocabulary becomes rules made by `defineRule`, so they run through the
 * one executor like built-in rules: severities and `--rule` overrides, inline
 * disable comments, `--list-rules`, every output format, `--fix`, templates
 * and placeholders. Only what a rule looks for differs.
 *
 * Compiled once per vocabulary object (see `vocabularyRules`): the terms'
 * trie and expressions are built here, not per message.
 */
import {defineRule} from '../engine/define-rule.ts'
import type {LiaisonRule, RuleScope} from '../engine/rule.ts'
import {expand} from '../text/lexicon.ts'
import {compileRegex} from '../text/patterns.ts'
import {checkVocabulary, type Vocabulary, VocabularyError, type VocabularyRule, type VocabularyScope, vocabularyKinds} from './check.ts'
import {type Finder, regexFinder, type Term, wordFinder} from './find.ts'

type Kind = (typeof vocabularyKinds)[number]

const defaultMessages: Readonly<Record<Kind, string>> = {
  forbid: '"{actual}" is on your team\'s list of words customers should not read: leave it out, or say what customers see instead',
  replace: 'Write "{expected}" instead of "{actual}"',
  pattern: '"{actual}" matches a pattern on your team\'s list of what customers should not read: leave it out, or say what customers see instead',
}

const defaultDescriptions: Readonly<Record<Kind, string>> = {
  forbid: 'Words and phrases your team keeps out of updates',
  replace: 'Words your team writes differently',
  pattern: 'Text your team keeps out of updates, by pattern',
}

const scopes: Readonly<Record<VocabularyScope, RuleScope>> = {message: 'message', title: 'headline', both: 'any'}

/** A whole word as the walk reads one: letters and digits, joined by hyphens, apostrophes, dots or underscores. */
const wordShape = /^[\p{L}\p{N}]+(?:['.\u2019_-][\p{L}\p{N}]+)*$/u

const kindOf = (rule: VocabularyRule): Kind => vocabularyKinds.find((kind) => rule[kind] !== undefined)!

function termsOf(rule: VocabularyRule): Term[] {
  if (rule.replace) {
    return Object.entries(rule.replace).map(([term, expected]) => ({term, expected: typeof expected === 'string' ? [expected] : expected}))
  }
  return rule.forbid!.map((term) => ({term}))
}

/** `"Project Falcon|Hawk"` → the spellings it stands for, case kept. */
function spellings(term: string): Set<string> {
  let out = ['']
  for (const slot of term.trim().split(/\s+/)) {
    const options = slot.split('|')
    out = out.flatMap((prefix) => options.map((option) => (prefix ? `${prefix} ${option}` : option)))
  }
  return new Set(out)
}

/** Characters RE2 and JavaScript's Unicode mode both read as syntax, escaped; spaces match any run of white space. */
function literalSource(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[$()*+./?[\\\]^{|}]/g, '\\$&'))
    .join('\\s+')
}

function fail(rule: VocabularyRule, index: number, path: Array<string | number>, message: string): never {
  throw new VocabularyError(`"vocabulary" rule "${rule.id}": ${message}`, [index, ...path])
}

/** The finder for a forbid or replace rule; problems with single terms name the term. */
function termFinder(rule: VocabularyRule, index: number, kind: 'forbid' | 'replace'): Finder {
  const terms = termsOf(rule)
  const key = (term: Term, position: number) => (kind === 'forbid' ? [kind, position] : [kind, term.term])
  const seen = new Map<string, string>()
  for (const [position, term] of terms.entries()) {
    // Lower-cased words, as the trie holds them: "Jira" and "jira" are one term.
    for (const words of expand(term.term)) {
      const phrase = words.join(' ')
      const first = seen.get(phrase)
      if (first !== undefined) fail(rule, index, key(term, position), `lists "${phrase}" twice ("${first}" and "${term.term}")`)
      seen.set(phrase, term.term)
    }
  }
  if (rule.wholeWord === false) {
    const byText = new Map<string, Term>()
    for (const term of terms) for (const spelling of spellings(term.term)) byText.set(rule.matchCase ? spelling : spelling.toLowerCase(), term)
    const source = `/${[...byText.keys()].map(literalSource).join('|')}/${rule.matchCase ? '' : 'i'}`
    /* v8 ignore next -- @preserve every term is escaped, so the guard has nothing to refuse */
    const refuse = (problem: string): never => fail(rule, index, [kind], `terms cannot be matched: the expression ${problem}`)
    const regex = compileRegex(source, refuse, false)
    return regexFinder(regex, (actual) => byText.get((rule.matchCase ? actual : actual.toLowerCase()).replace(/\s+/g, ' ')))
  }
  for (const [position, term] of terms.entries()) {
    const notWord = term.term
      .trim()
      .split(/\s+/)
      .flatMap((slot) => slot.split('|'))
      .find((word) => !wordShape.test(word))
    if (notWord !== undefined) {
      fail(rule, index, key(term, position), `"${term.term}" is not whole words ("${notWord}"); set wholeWord: false to find it anywhere, or write a pattern`)
    }
    if (rule.matchCase) term.spellings = spellings(term.term)
  }
  return wordFinder(terms)
}

function patternFinder(rule: VocabularyRule, index: number): Finder {
  const sources = typeof rule.pattern === 'string' ? [rule.pattern] : rule.pattern!
  const regexes = sources.map((source, position) => {
    const problem = (text: string): never => fail(rule, index, typeof rule.pattern === 'string' ? ['pattern'] : ['pattern', position], `pattern ${JSON.stringify(source)} ${text}`)
    if (!source.startsWith('/')) problem('is not a regular expression (expected /regex/flags)')
    const regex = compileRegex(source, problem, false)
    if (regex.matches('')) problem('matches empty text; it must match at least one character')
    return regex
  })
  const finders = regexes.map((regex) => regexFinder(regex))
  return {
    find(sentence, text) {
      if (finders.length === 1) return finders[0]!.find(sentence, text)
      // Several patterns: earliest first, and a finding already covered by an earlier one is not repeated.
      const all = finders.flatMap((finder) => finder.find(sentence, text)).sort((a, b) => a.start - b.start || b.end - a.end)
      let end = -1
      return all.filter((found) => found.start >= end && (end = found.end) >= 0)
    },
  }
}

const isLower = (text: string) => text.charAt(0) !== text.charAt(0).toUpperCase()

/**
 * Capitalised as the text capitalised the term: "Outage" at a sentence's
 * start becomes "Disruption"; a term listed in capitals ("ASAP") keeps the
 * replacement as written.
 */
function matchCapital(term: string, actual: string, expected: string): string {
  return isLower(term) && !isLower(actual) && isLower(expected) ? expected.charAt(0).toUpperCase() + expected.slice(1) : expected
}

function compileRule(rule: VocabularyRule, index: number): LiaisonRule {
  const kind = kindOf(rule)
  const finder = kind === 'pattern' ? patternFinder(rule, index) : termFinder(rule, index, kind)
  const fixable = kind === 'replace' && rule.fix !== false
  return defineRule({
    id: rule.id,
    description: rule.description ?? defaultDescriptions[kind],
    severity: rule.severity === 'error' ? 'error' : 'warn',
    // A rule the team wrote is on, unless it says `off`: then only `rules` or the strict preset turn it on.
    recommended: rule.severity !== 'off',
    scope: scopes[rule.scope ?? 'both'],
    messages: {[kind]: rule.message ?? defaultMessages[kind]},
    ...(rule.note === undefined ? {} : {note: rule.note}),
    url: rule.url,
    options: {},
    create: () => (context) => {
      const {doc} = context
      for (const sentence of doc.sentences) {
        for (const found of finder.find(sentence, doc.text)) {
          const expected = found.term?.expected?.map((choice) => (rule.matchCase ? choice : matchCapital(found.term!.term, found.actual, choice)))
          context.report({
            messageId: kind,
            start: found.start,
            end: found.end,
            actual: found.actual,
            data: expected ? {actual: found.actual, expected: expected[0]!} : {actual: found.actual},
            ...(expected ? {expected, fixable} : {}),
          })
        }
      }
    },
  })
}

const compiled = new WeakMap<Vocabulary, readonly LiaisonRule[]>()

/**
 * The rules a vocabulary declares, checked and compiled. A VocabularyError
 * (a ConfigError with the key path) names the first problem. Compiled once
 * per vocabulary object: pass the same object to reuse its tries, and a new
 * one after changing it.
 */
export function vocabularyRules(vocabulary: unknown): readonly LiaisonRule[] {
  const cached = typeof vocabulary === 'object' && vocabulary !== null ? compiled.get(vocabulary as Vocabulary) : undefined
  if (cached) return cached
  const checked = checkVocabulary(vocabulary)
  const result = Object.freeze(checked.map((rule, index) => compileRule(rule, index)))
  compiled.set(checked, result)
  return result
}
