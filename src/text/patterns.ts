/**
 * Name patterns from user configuration (allow and deny lists).
 *
 * Configuration is untrusted input: a shared config file or a CI setting can
 * carry a pattern nobody reviewed, and a regular expression that backtracks
 * catastrophically would hang every lint run. So a pattern is one of
 *
 * - a literal name, compared case-insensitively (host names are);
 * - a glob whose only special character is `*`, matched in linear time by
 *   locating its literal pieces in order, with no regular expression built;
 * - `/source/flags`, matched by re2js (RE2's automata in plain JavaScript),
 *   never by the backtracking RegExp engine: every pattern it accepts runs in
 *   time linear in the name, whatever its shape, so nothing needs proving.
 *   What RE2 cannot match in linear time (lookaround, backreferences) and the
 *   `v` flag (class set operations, `\q{…}` strings) are refused, with the
 *   reason. A pattern must also be valid JavaScript in Unicode mode (as with
 *   the `u` flag), which is where the two syntaxes agree: `\A`, `\Q…\E`,
 *   `(?i)` or `[[:alpha:]]` mean one thing to RE2 and another to JavaScript,
 *   and Unicode mode refuses them all.
 *
 * Why re2js and not a ReDoS checker (recheck, which this replaced): recheck
 * was a devDependency, so installed packages ran unchecked patterns; as a
 * dependency it adds 57 MB (a JAR and a native binary) and ~0.2 s to load,
 * cannot read the `v` flag, and answers "unknown" for patterns it cannot
 * decide. re2js is one 0.9 MB package with no dependencies, loaded only when
 * a config holds a `/regex/` (re2.ts), in ~0.2× `node -e 0`.
 *
 * Patterns are compiled once per configuration; a bad one is a ConfigError
 * naming the rule, the option and the pattern.
 */
import type {RE2JS} from 're2js'
import {ConfigError} from '../core/options.ts'
import {loadRe2} from './re2.ts'

export type PatternKind = 'literal' | 'glob' | 'regex'

export interface Pattern {
  kind: PatternKind
  /** As the user wrote it, for messages. */
  source: string
  test(name: string): boolean
}

export interface PatternList {
  /** The first pattern that matches `name`, if any. */
  match(name: string): Pattern | undefined
  readonly size: number
}

/** Longer than any host name (DNS caps them at 253): never matched by a regex. */
export const maxNameLength = 253

/** RE2's flags for JavaScript's; `d` (indices) and `u` change nothing here (RE2 always reads code points). */
const flagNames: Readonly<Record<string, 'CASE_INSENSITIVE' | 'MULTILINE' | 'DOTALL' | undefined>> = {
  d: undefined,
  i: 'CASE_INSENSITIVE',
  m: 'MULTILINE',
  s: 'DOTALL',
  u: undefined,
}

/** `\uXXXX` and `\u{X}` in RE2's spelling, `\x{X}`; every other escape is the same in both. */
function toRe2(source: string): string {
  // Escapes are read left to right, so `\\u0041` stays a backslash then "u0041".
  return source.replace(/\\(?:u\{([\da-f]+)\}|u([\da-f]{4})|.)/gis, (escape, braced?: string, four?: string) => {
    const hex = braced ?? four
    return hex === undefined ? escape : `\\x{${hex}}`
  })
}

/** Literal pieces between `*`s must appear in order; leftmost placement is always safe for `*`. */
function globTest(pieces: readonly string[]): (name: string) => boolean {
  const first = pieces[0]!
  const last = pieces.at(-1)!
  return (name) => {
    const value = name.toLowerCase()
    if (value.length < first.length + last.length) return false
    if (!value.startsWith(first) || !value.endsWith(last)) return false
    let at = first.length
    const stop = value.length - last.length
    for (let i = 1; i < pieces.length - 1; i++) {
      const piece = pieces[i]!
      const found = value.indexOf(piece, at)
      if (found === -1 || found + piece.length > stop) return false
      at = found + piece.length
    }
    return true
  }
}

function fail(ruleId: string, option: string, source: string, problem: string): never {
  throw new ConfigError(`Rule "${ruleId}": option "${option}" pattern ${JSON.stringify(source)} ${problem}`)
}

/**
 * `/source/flags` compiled by RE2, or `fail` called with what is wrong: the
 * one guard every user regex passes (rule options, placeholder patterns).
 * `glob`: whether a `*` glob may be written instead, as in rule options.
 */
export function compileRegex(source: string, fail: (problem: string) => never, glob = true): RE2JS {
  const instead = (what: string) => (glob ? `${what} a * glob` : '')
  const close = source.lastIndexOf('/')
  if (close <= 0) fail('starts with "/" but has no closing "/" (expected /regex/flags)')
  const body = source.slice(1, close)
  const flags = source.slice(close + 1)
  const re2 = loadRe2()
  if (!re2) fail(`is a regular expression, which needs Node here (re2js, the linear-time matcher, is loaded on demand)${instead('; use a literal name or')}`)
  let bits = 0
  for (const flag of flags) {
    if (flag === 'v') {
      fail(`has flag "v", which cannot be matched in guaranteed linear time (class set operations and \\q{…} strings); write the class out${instead(', or use')}`)
    }
    if (!Object.hasOwn(flagNames, flag)) fail(`has flag "${flag}"; use only d, i, m, s or u (g and y make matching stateful)`)
    const name = flagNames[flag]
    if (name) bits |= re2[name]
  }
  try {
    // Only for its syntax check: this RegExp never matches anything.
    new RegExp(body, flags.includes('u') ? flags : `${flags}u`)
  } catch (error) {
    fail(`is not a valid regular expression (read in Unicode mode, as with the u flag): ${(error as Error).message}`)
  }
  try {
    return re2.compile(toRe2(body), bits)
  } catch (error) {
    // RE2's own wording for these ("invalid named capture") would not tell the user what to change.
    const construct = /\(\?<?[=!]/.test(body) ? 'lookaround' : /\\(?:[1-9]|k<)/.test(body) ? 'a backreference' : undefined
    const reason = construct ? `it uses ${construct}` : (error as Error).message.replace(/^error parsing regexp: /, '')
    return fail(
      `cannot be matched in guaranteed linear time (${reason}); patterns run on RE2, which has no lookaround ((?=, (?!, (?<=, (?<!) and no backreferences (\\1, \\k<name>): rewrite it without them${instead(', or use')}`,
    )
  }
}

/** Compile one user pattern; `ruleId` and `option` name it in errors. */
export function compilePattern(ruleId: string, option: string, source: string): Pattern {
  if (source.startsWith('/')) {
    const regex = compileRegex(source, (problem) => fail(ruleId, option, source, problem))
    return {kind: 'regex', source, test: (name) => name.length <= maxNameLength && regex.test(name)}
  }
  if (source.includes('*')) return {kind: 'glob', source, test: globTest(source.toLowerCase().split('*'))}
  const value = source.toLowerCase()
  return {kind: 'literal', source, test: (name) => name.toLowerCase() === value}
}

/** Compile a list once; literal names are looked up in a set, the rest tried in order. */
export function compilePatterns(ruleId: string, option: string, sources: readonly string[]): PatternList {
  const literals = new Map<string, Pattern>()
  const others: Pattern[] = []
  for (const source of sources) {
    const pattern = compilePattern(ruleId, option, source)
    if (pattern.kind === 'literal') {
      if (!literals.has(source.toLowerCase())) literals.set(source.toLowerCase(), pattern)
    } else others.push(pattern)
  }
  return {
    size: sources.length,
    match(name) {
      return literals.get(name.toLowerCase()) ?? others.find((pattern) => pattern.test(name))
    },
  }
}
