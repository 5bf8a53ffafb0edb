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
 * - `/source/flags`, accepted only when `unsafeRegex()` finds none of the
 *   shapes that backtrack exponentially: nested quantifiers, quantified
 *   alternations whose branches can overlap, and backreferences; and then
 *   when recheck, where it can run, finds it no worse than quadratic
 *   (redos.ts). A regex never sees more than a DNS name's 253 characters.
 *
 * Patterns are compiled once per configuration; a bad one is a ConfigError
 * naming the rule, the option and the pattern.
 */
import {ConfigError} from '../core/options.ts'
import {recheckProblem} from './redos.ts'

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

/** Longer than any host name (DNS caps them at 253): never matched by a regex, so a quadratic one stays cheap. */
export const maxNameLength = 253

/** `test()` must not depend on the previous call, so the stateful flags are refused. */
const allowedFlags = new Set([...'dimsuv'])

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

interface Frame {
  /** Start of the group in the source, for the error message. */
  start: number
  /** Some quantifier appears inside, at any depth. */
  quantified: boolean
  /** Each alternative's text when it is a plain literal, else null. */
  branches: Array<string | null>
}

/** `{2}`, `{2,}` or `{2,5}` at `i`: its end and whether it repeats more than once. */
function braceQuantifier(source: string, i: number): {end: number; repeats: boolean} | undefined {
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24))
  if (!match) return undefined
  const min = Number(match[1])
  const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3])
  return {end: i + match[0].length, repeats: max > 1}
}

/** Characters that make an alternative more than a plain string. */
const special = new Set([...'.^$[]()|*+?{}'])

/**
 * Why `source` could backtrack catastrophically, or `undefined` if it is
 * safe by these checks. Deliberately conservative: `(?:ab+)+` is rejected
 * even though it is harmless, because telling the two apart needs an
 * automaton, and `(?:ab)+` or a character class says the same thing safely.
 * Polynomial shapes such as `\w*\w*` are allowed: names are short.
 */
export function unsafeRegex(source: string, flags = ''): string | undefined {
  const fold = flags.includes('i')
  const root: Frame = {start: 0, quantified: false, branches: ['']}
  const stack: Frame[] = [root]
  const top = () => stack.at(-1)!
  const spoil = () => {
    top().branches[top().branches.length - 1] = null
  }
  /** The atom just read, when it was a group, for the quantifier that may follow. */
  let closed: Frame | undefined
  let i = 0
  while (i < source.length) {
    const ch = source[i]!
    const atom = closed
    closed = undefined
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      if ((next >= '1' && next <= '9') || next === 'k') return `backreference "\\${next}…"`
      const branches = top().branches
      const last = branches.length - 1
      if (/[\da-z]/i.test(next)) spoil()
      else if (branches[last] !== null) branches[last] += next
      // `\u{…}`, `\p{…}` and `\P{…}` carry braces that are not quantifiers.
      i = 'upP'.includes(next) && source[i + 2] === '{' ? source.indexOf('}', i) + 1 : i + 2
      continue
    }
    if (ch === '[') {
      // Skip the class; with the v flag classes nest.
      let depth = 0
      while (i < source.length) {
        const c = source[i]
        if (c === '\\') i++
        else if (c === '[' && (depth === 0 || flags.includes('v'))) depth++
        else if (c === ']' && --depth === 0) break
        i++
      }
      spoil()
      i++
      continue
    }
    if (ch === '(') {
      spoil()
      stack.push({start: i, quantified: false, branches: ['']})
      if (source[i + 1] !== '?') i += 1
      // `(?<name>…)` skips its name; `(?:`, `(?=`, `(?!` are three characters, `(?<=`, `(?<!` four.
      else if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') i = source.indexOf('>', i) + 1
      else i += source[i + 2] === '<' ? 4 : 3
      continue
    }
    if (ch === ')') {
      const group = stack.pop()!
      if (stack.length > 0 && group.quantified) top().quantified = true
      closed = group
      i++
      continue
    }
    if (ch === '|') {
      top().branches.push('')
      i++
      continue
    }
    const brace = ch === '{' ? braceQuantifier(source, i) : undefined
    if (ch === '*' || ch === '+' || ch === '?' || brace) {
      const end = brace ? brace.end : i + 1
      const repeats = brace ? brace.repeats : ch !== '?'
      if (atom && repeats) {
        const text = source.slice(atom.start, end)
        if (atom.quantified) return `nested quantifier "${text}"`
        if (overlapping(atom.branches, fold)) return `quantified alternation whose branches can overlap "${text}"`
      }
      top().quantified = true
      spoil()
      // A lazy or possessive-looking suffix belongs to this quantifier.
      i = source[end] === '?' ? end + 1 : end
      continue
    }
    const branches = top().branches
    const last = branches.length - 1
    if (special.has(ch)) spoil()
    else if (branches[last] !== null) branches[last] += ch
    i++
  }
  return undefined
}

/**
 * Branches are safe under a quantifier only when each is a non-empty plain
 * string and no two start with the same character, so at most one can match
 * at any position.
 */
function overlapping(branches: ReadonlyArray<string | null>, fold: boolean): boolean {
  if (branches.length < 2) return false
  const firsts = new Set<string>()
  for (const branch of branches) {
    if (branch === null || branch.length === 0) return true
    const first = fold ? branch[0]!.toLowerCase() : branch[0]!
    if (firsts.has(first)) return true
    firsts.add(first)
  }
  return false
}

function fail(ruleId: string, option: string, source: string, problem: string): never {
  throw new ConfigError(`Rule "${ruleId}": option "${option}" pattern ${JSON.stringify(source)} ${problem}`)
}

/** Compile one user pattern; `ruleId` and `option` name it in errors. */
export function compilePattern(ruleId: string, option: string, source: string): Pattern {
  if (source.startsWith('/')) {
    const close = source.lastIndexOf('/')
    if (close === 0) fail(ruleId, option, source, 'starts with "/" but has no closing "/" (expected /regex/flags)')
    const body = source.slice(1, close)
    const flags = source.slice(close + 1)
    for (const flag of flags) {
      if (!allowedFlags.has(flag)) fail(ruleId, option, source, `has flag "${flag}"; use only d, i, m, s, u or v (g and y make matching stateful)`)
    }
    let regex: RegExp
    try {
      regex = new RegExp(body, flags)
    } catch (error) {
      fail(ruleId, option, source, `is not a valid regular expression: ${(error as Error).message}`)
    }
    const reason = unsafeRegex(body, flags) ?? recheckProblem(body, flags)
    if (reason) {
      fail(
        ruleId,
        option,
        source,
        `can backtrack catastrophically (${reason}); rewrite it so no two quantifiers can match the same text (no nested quantifiers, overlapping alternatives or backreferences), or use a * glob`,
      )
    }
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
