/**
 * Placeholder syntaxes a team declares itself (`placeholders.patterns`):
 * Mailchimp's merge tags `*|FNAME|*`, `%%name%%`, `:name:` or whatever their
 * sending tool fills in. Each is a `/regex/flags` string, checked and matched
 * by the guard every user pattern passes (patterns.ts: RE2, linear time), so
 * a config nobody reviewed cannot hang a run. The placeholder's name is the
 * group named `name`, else the first group, else the whole match; a name
 * then gets the same width, label and kind as any built-in syntax's.
 */
import type {RE2JS} from 're2js'
import {ConfigError} from '../core/options.ts'
import {compileRegex} from './patterns.ts'

/** A syntax a team declares in its config, compiled: where each match is, and its name. */
export interface PlaceholderPattern {
  source: string
  find(text: string): Array<{start: number; end: number; name: string}>
}

/** A ConfigError too: options set on `file.data` directly reach the scan unchecked. */
class PatternProblem extends ConfigError {}

function compile(source: string): PlaceholderPattern {
  const fail = (problem: string): never => {
    throw new PatternProblem(`pattern ${JSON.stringify(source)} ${problem}`)
  }
  if (!source.startsWith('/')) fail('must be a regular expression written /regex/flags, e.g. /\\*\\|(\\w+)\\|\\*/ for *|FNAME|*')
  const regex: RE2JS = compileRegex(source, fail, false)
  // A pattern that matches nothing at all would mask every position and hide the whole message.
  if (regex.matches('')) fail('matches empty text; a placeholder is at least one character')
  const named = Object.hasOwn(regex.namedGroups(), 'name')
  const grouped = regex.groupCount() > 0
  return {
    source,
    find(text) {
      const found: Array<{start: number; end: number; name: string}> = []
      const matcher = regex.matcher(text)
      // Each search starts where the last match ended, so the text is read once.
      for (let from = 0; from < text.length && matcher.find(from); ) {
        const start = matcher.start()
        const end = matcher.end()
        // A match may still be empty where the pattern allows it in context (`/x*$/m` before a line break).
        if (end === start) {
          from = end + 1
          continue
        }
        const name = (named ? matcher.group('name') : grouped ? matcher.group(1) : null) ?? text.slice(start, end)
        found.push({start, end, name: name.trim()})
        from = end
      }
      return found
    },
  }
}

/** Compiled once per source for the process: every file of a run carries the same few strings. */
const compiled = new Map<string, PlaceholderPattern>()

/** The compiled patterns for `sources`; throws a PatternProblem error naming the first bad one. */
export function placeholderPatterns(sources: readonly string[] = []): PlaceholderPattern[] {
  return sources.map((source) => {
    let pattern = compiled.get(source)
    if (!pattern) compiled.set(source, (pattern = compile(source)))
    return pattern
  })
}

/** What is wrong with `placeholders.patterns`, with the index of the bad item, if anything. */
export function patternsProblem(value: unknown): {message: string; index?: number} | undefined {
  if (!Array.isArray(value)) return {message: 'must be a list of /regex/flags strings, e.g. [/\\*\\|(\\w+)\\|\\*/] for *|FNAME|*'}
  for (const [index, source] of value.entries()) {
    if (typeof source !== 'string') return {message: `item ${index + 1} must be a /regex/flags string, got ${typeof source}`, index}
    try {
      placeholderPatterns([source])
    } catch (error) {
      return {message: (error as PatternProblem).message, index}
    }
  }
  return undefined
}
