/**
 * A team's vocabulary: rules written as data (Vale's `existence` and
 * `substitution` styles), checked here before anything is compiled.
 *
 * Every problem names the rule (by id, or by its place in the list when the
 * id itself is the problem), the key and the value, with a "did you mean"
 * for mistyped keys and words, and carries the key path so a config file can
 * point at the line and column (as `placeholderProblem` does).
 */
import {closest} from '../core/did-you-mean.ts'
import {ConfigError} from '../core/options.ts'
import {isRecord, showValue as show} from '../core/shape.ts'

/** Where a vocabulary rule applies: whole messages, headlines (a template's title), or both. */
export type VocabularyScope = 'message' | 'title' | 'both'

/** One rule of a vocabulary. Exactly one of `forbid`, `replace` and `pattern`. */
export interface VocabularyRule {
  /** Kebab-case, unique among every rule: what `--rule`, disable comments and reports call it. */
  id: string
  /** Default `warn`; `off` keeps the rule listed but switched off until `rules` turns it on. */
  severity?: 'off' | 'warn' | 'error'
  /** One line for `--list-rules`; defaults to one made from the rule's kind. */
  description?: string
  /** The report's text; `{actual}` is the words found, `{expected}` a replacement's first choice. */
  message?: string
  /** Why customers care and what to write instead: the report's note. */
  note?: string
  /** Where the team documents the rule; stamped on every report. */
  url?: string
  /** Default `both`. */
  scope?: VocabularyScope
  /** Match letter case exactly (default false: "jira" is "Jira"). */
  matchCase?: boolean
  /** Match whole words only (default true); false also finds a term inside longer words. */
  wholeWord?: boolean
  /** Words or phrases that must not appear. */
  forbid?: readonly string[]
  /** A word or phrase, and what to write instead (best first). */
  replace?: Readonly<Record<string, string | readonly string[]>>
  /** `--fix` applies a replacement (default true); false keeps it a suggestion a person chooses. */
  fix?: boolean
  /** Regular expressions as `/source/flags`, run by RE2 in linear time. */
  pattern?: string | readonly string[]
}

/** A list of vocabulary rules: the config's `vocabulary`, the API's `vocabulary` option. */
export type Vocabulary = readonly VocabularyRule[]

export interface VocabularyProblem {
  message: string
  /** Key path inside the vocabulary, for line:column. */
  path: Array<string | number>
}

export const vocabularyKinds = ['forbid', 'replace', 'pattern'] as const
const ruleKeys = ['id', 'severity', 'description', 'message', 'note', 'url', 'scope', 'matchCase', 'wholeWord', 'forbid', 'replace', 'fix', 'pattern']
const severities = ['off', 'warn', 'error']
const scopes = ['message', 'title', 'both']
/** What a message may name: the words found, and (for `replace`) what to write instead. */
export const messageSlots: Readonly<Record<(typeof vocabularyKinds)[number], readonly string[]>> = {
  forbid: ['actual'],
  replace: ['actual', 'expected'],
  pattern: ['actual'],
}
const idPattern = /^[a-z][\da-z]*(?:-[\da-z]+)*$/

function didYouMean(value: unknown, candidates: readonly string[]): string {
  const guess = typeof value === 'string' ? closest(value, candidates) : undefined
  return guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** The problem with one term list (`forbid`, or `pattern` given as a list). */
function termsProblem(key: string, value: unknown, what: string): VocabularyProblem | undefined {
  if (!Array.isArray(value) || value.length === 0) return {message: `"${key}" must be a non-empty list of ${what}, got ${show(value)}`, path: [key]}
  for (const [index, term] of value.entries()) {
    if (!isText(term)) return {message: `"${key}" must list ${what}; item ${index + 1} is ${show(term)}`, path: [key, index]}
  }
  return undefined
}

function replaceProblem(value: unknown): VocabularyProblem | undefined {
  const expected = 'a map from each word to what to write instead (a string, or a list of strings, best first)'
  if (!isRecord(value) || Object.keys(value).length === 0) return {message: `"replace" must be ${expected}, got ${show(value)}`, path: ['replace']}
  for (const [term, replacement] of Object.entries(value)) {
    if (term.trim() === '') return {message: `"replace" has an empty word`, path: ['replace', term]}
    const choices: unknown[] = Array.isArray(replacement) ? replacement : [replacement]
    if (choices.length === 0 || !choices.every(isText)) {
      return {message: `"replace.${term}" must be what to write instead of "${term}" (a string, or a non-empty list of strings), got ${show(replacement)}`, path: ['replace', term]}
    }
  }
  return undefined
}

/** The `{slots}` a message names that its kind does not fill. */
function messageProblem(message: unknown, kind: (typeof vocabularyKinds)[number]): VocabularyProblem | undefined {
  if (!isText(message)) return {message: `"message" must be a non-empty string, got ${show(message)}`, path: ['message']}
  const slots = messageSlots[kind]
  for (const [, slot] of message.matchAll(/\{(\w+)\}/g)) {
    if (!slots.includes(slot!)) {
      return {
        message: `"message" names {${slot}}, which a ${kind} rule does not fill${didYouMean(slot, slots)}; it may name ${slots.map((name) => `{${name}}`).join(' and ')}`,
        path: ['message'],
      }
    }
  }
  return undefined
}

/** The problem with one rule, its path relative to the rule. */
function ruleProblem(rule: Record<string, unknown>): VocabularyProblem | undefined {
  for (const key of Object.keys(rule)) {
    if (!ruleKeys.includes(key)) return {message: `unknown key "${key}"${didYouMean(key, ruleKeys)}; a vocabulary rule has ${ruleKeys.join(', ')}`, path: [key]}
  }
  const {id, severity, scope} = rule
  if (id === undefined) return {message: 'needs an "id" (kebab-case, e.g. "no-codenames")', path: []}
  if (typeof id !== 'string' || !idPattern.test(id)) {
    return {message: `"id" must be kebab-case (lower-case words and digits joined by "-", e.g. "no-codenames"), got ${show(id)}`, path: ['id']}
  }
  const kinds = vocabularyKinds.filter((kind) => rule[kind] !== undefined)
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none' : kinds.join(' and ')
    return {message: `needs exactly one of forbid, replace or pattern; it has ${found}`, path: kinds.length === 0 ? [] : [kinds[1]!]}
  }
  const kind = kinds[0]!
  if (severity !== undefined && (typeof severity !== 'string' || !severities.includes(severity))) {
    return {message: `"severity" must be "off", "warn" or "error", got ${show(severity)}${didYouMean(severity, severities)}`, path: ['severity']}
  }
  if (scope !== undefined && (typeof scope !== 'string' || !scopes.includes(scope))) {
    return {message: `"scope" must be "message", "title" or "both", got ${show(scope)}${didYouMean(scope, scopes)}`, path: ['scope']}
  }
  for (const key of ['description', 'note'] as const) {
    if (rule[key] !== undefined && !isText(rule[key])) return {message: `"${key}" must be a non-empty string, got ${show(rule[key])}`, path: [key]}
  }
  if (rule.message !== undefined) {
    const problem = messageProblem(rule.message, kind)
    if (problem) return problem
  }
  if (rule.url !== undefined && (typeof rule.url !== 'string' || !/^https?:\/\/\S+$/.test(rule.url))) {
    return {message: `"url" must be an http(s) address, got ${show(rule.url)}`, path: ['url']}
  }
  for (const key of ['matchCase', 'wholeWord', 'fix'] as const) {
    if (rule[key] !== undefined && typeof rule[key] !== 'boolean') return {message: `"${key}" must be true or false, got ${show(rule[key])}`, path: [key]}
  }
  if (rule.fix !== undefined && kind !== 'replace') return {message: '"fix" applies to replace rules only', path: ['fix']}
  if (kind === 'pattern') {
    for (const key of ['matchCase', 'wholeWord'] as const) {
      if (rule[key] !== undefined) return {message: `"${key}" does not apply to a pattern; write it into the expression (the i flag, \\b)`, path: [key]}
    }
    const {pattern} = rule
    return typeof pattern === 'string' ? (isText(pattern) ? undefined : {message: `"pattern" must be /regex/flags, got ${show(pattern)}`, path: ['pattern']}) : termsProblem('pattern', pattern, 'regular expressions (/regex/flags)')
  }
  return kind === 'forbid' ? termsProblem('forbid', rule.forbid, 'words or phrases') : replaceProblem(rule.replace)
}

/** The first problem with a vocabulary, or undefined. Ids must be unique within it. */
export function vocabularyProblem(value: unknown): VocabularyProblem | undefined {
  if (!Array.isArray(value)) {
    return {message: `"vocabulary" must be a list of rules (each with an id and one of forbid, replace or pattern), or the path of a file holding one; got ${show(value)}`, path: []}
  }
  const seen = new Set<string>()
  for (const [index, rule] of value.entries()) {
    if (!isRecord(rule)) return {message: `"vocabulary" item ${index + 1} must be a rule (an object with an id and one of forbid, replace or pattern), got ${show(rule)}`, path: [index]}
    const problem = ruleProblem(rule)
    if (problem) {
      const who = isText(rule.id) && problem.path[0] !== 'id' ? `rule "${rule.id}"` : `item ${index + 1}`
      return {message: `"vocabulary" ${who}: ${problem.message}`, path: [index, ...problem.path]}
    }
    if (seen.has(rule.id as string)) return {message: `"vocabulary" item ${index + 1}: id "${String(rule.id)}" is used by an earlier rule; ids are unique`, path: [index, 'id']}
    seen.add(rule.id as string)
  }
  return undefined
}

/** A ConfigError with the key path of the problem, for callers that can show a line and column. */
export class VocabularyError extends ConfigError {
  constructor(
    message: string,
    readonly path: ReadonlyArray<string | number>,
  ) {
    super(message)
  }
}

/** Throws a VocabularyError naming the first problem; returns the vocabulary, typed. */
export function checkVocabulary(value: unknown): Vocabulary {
  const problem = vocabularyProblem(value)
  if (problem) throw new VocabularyError(problem.message, problem.path)
  return value as Vocabulary
}
