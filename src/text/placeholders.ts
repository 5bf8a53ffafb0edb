/**
 * Template placeholders: which syntaxes liaison recognises, what a
 * placeholder is called, and how wide max-length assumes it will be once
 * filled in. mask.ts finds them; every prose rule then sees their words as
 * literal, so a placeholder is never a hostname, a guess or an estimate.
 *
 * The options travel per file (`file.data.placeholders`), not per processor:
 * widths come from each template's front matter, and a processor (with its
 * compiled lexicons) is shared by every file with the same rule settings.
 */
import {ConfigError} from '../core/options.ts'
import {closest} from '../core/did-you-mean.ts'
import {isRecord, showValue as show} from '../core/shape.ts'
import {patternsProblem} from './placeholder-patterns.ts'

/**
 * - `mustache`: `{{ name }}` and `{{{ name }}}` (Mustache, Handlebars, Jinja, Liquid output)
 * - `tag`: `{% … %}` (Liquid and Jinja tags)
 * - `dollar`: `${name}`
 * - `printf`: `%s`, `%d`, `%(name)s`, `%(name)d`
 * - `angle`: `<name>` in any case, with guidance: `<affected_service>`, `<a one-line summary of what customers see>`
 * - `bracket`: `[name]` in any case, with guidance or alternatives: `[Feature Name]`, `[X]`, `[degraded / partial outage]`
 * - `brace`: `{NAME}` with single braces: `{AFFECTED_SERVICES}`, `{ServiceName}`
 * - `shell`: `$(name)`
 *
 * The last four are written by hand in published templates, so where they
 * end and prose begins is a judgement: see src/text/written-placeholders.ts.
 */
export const placeholderSyntaxNames = ['mustache', 'tag', 'dollar', 'printf', 'angle', 'bracket', 'brace', 'shell'] as const
/** A placeholder syntax: `mustache`, `tag`, `dollar`, `printf`, `angle`, `bracket`, `brace` or `shell`. */
export type PlaceholderSyntax = (typeof placeholderSyntaxNames)[number]

/** Which placeholder syntaxes to recognise, and how wide `max-length` counts each placeholder. */
export interface PlaceholderOptions {
  /** The syntaxes to recognise (default: all of them). */
  syntaxes?: readonly PlaceholderSyntax[]
  /**
   * The team's own syntaxes, as `/regex/flags` (matched by RE2, in linear time):
   * `/%%(\w+)%%/` for `%%first_name%%`. The name is the group named
   * `name`, else the first group, else the whole match. Recognised whatever `syntaxes` says.
   */
  patterns?: readonly string[]
  /** The widest value each placeholder takes, by name (case-insensitive); max-length counts it at this width. */
  widths?: Readonly<Record<string, number>>
  /** The width of a placeholder without one of its own (default 20). */
  defaultWidth?: number
}

/** A placeholder found in a message: its syntax, name, the label it fills, and whether it renders nothing itself. */
export interface PlaceholderInfo {
  /** `custom`: matched by a pattern from the config. */
  syntax: PlaceholderSyntax | 'custom'
  /** The variable's name as written (`component` in `{{ component | upcase }}`); none for `%s`. */
  name?: string
  /** Renders nothing itself: `{% if … %}`, `{{#section}}`, `{{/section}}`, `{{! comment }}`, `{{else}}`. */
  control?: boolean
  /** The label it fills, from the text before it: "Impact" in `**Impact:** [..]`, "Next update" in `Next update: <..>`. */
  label?: string
  /** Without a label, the one or two words just before it on its line, lower-cased: "eta" in `ETA [time]`, "reports of" in `reports of [issue]`. */
  lead?: string
}

declare module 'vfile' {
  interface DataMap {
    /** Placeholder syntaxes and widths for this file (lint options, config, front matter). */
    placeholders: PlaceholderOptions
  }
}

export const defaultPlaceholderWidth = 20
const optionKeys = ['syntaxes', 'patterns', 'widths', 'defaultWidth']

/**
 * The width max-length counts `placeholder` at: its own from `widths`, else
 * the default; control tags render nothing and default to 0.
 */
export function placeholderWidth(placeholder: PlaceholderInfo, options: PlaceholderOptions = {}): number {
  const name = placeholder.name?.toLowerCase()
  if (name !== undefined && options.widths) {
    for (const [key, width] of Object.entries(options.widths)) if (key.toLowerCase() === name) return width
  }
  return placeholder.control ? 0 : (options.defaultWidth ?? defaultPlaceholderWidth)
}

/** `customerImpact`, `customer_impact`, `incident.impact` → their lower-case words, for matching names by part. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** A problem with placeholder options: what is wrong, and the key path it concerns (for line:column). */
export interface PlaceholderProblem {
  message: string
  path: Array<string | number>
}

function isWidth(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

/** What is wrong with a map of placeholder names to widths, if anything; `label` names it in the message. */
export function widthsProblem(value: unknown, label = 'placeholders.widths'): PlaceholderProblem | undefined {
  if (!isRecord(value)) return {message: `"${label}" must map placeholder names to widths, e.g. {component: 30}; got ${show(value)}`, path: []}
  for (const [name, width] of Object.entries(value)) {
    if (!isWidth(width)) {
      return {message: `"${label}": the width of "${name}" must be a whole number of characters (0 or more), got ${show(width)}`, path: [name]}
    }
  }
  return undefined
}

/** What is wrong with `placeholders` options, if anything. */
export function placeholderProblem(value: unknown): PlaceholderProblem | undefined {
  if (!isRecord(value)) return {message: `"placeholders" must be an object with any of ${optionKeys.join(', ')}; got ${show(value)}`, path: []}
  for (const key of Object.keys(value)) {
    if (!optionKeys.includes(key)) {
      const guess = closest(key, optionKeys)
      return {
        message: `"placeholders" has an unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; it takes ${optionKeys.join(', ')}`,
        path: [key],
      }
    }
  }
  const {syntaxes, patterns, widths, defaultWidth} = value
  if (syntaxes !== undefined) {
    const list = placeholderSyntaxNames.join(', ')
    if (!Array.isArray(syntaxes)) return {message: `"placeholders.syntaxes" must be a list of syntaxes from ${list}; got ${show(syntaxes)}`, path: ['syntaxes']}
    for (const [index, name] of syntaxes.entries()) {
      if (!(placeholderSyntaxNames as readonly unknown[]).includes(name)) {
        const guess = typeof name === 'string' ? closest(name, placeholderSyntaxNames) : undefined
        return {
          message: `"placeholders.syntaxes": unknown syntax ${show(name)}${guess ? ` (did you mean "${guess}"?)` : ''}; expected any of ${list}`,
          path: ['syntaxes', index],
        }
      }
    }
  }
  if (patterns !== undefined) {
    const problem = patternsProblem(patterns)
    if (problem) return {message: `"placeholders.patterns": ${problem.message}`, path: ['patterns', ...(problem.index === undefined ? [] : [problem.index])]}
  }
  if (widths !== undefined) {
    const problem = widthsProblem(widths)
    if (problem) return {message: problem.message, path: ['widths', ...problem.path]}
  }
  if (defaultWidth !== undefined && !isWidth(defaultWidth)) {
    return {message: `"placeholders.defaultWidth" must be a whole number of characters (0 or more), got ${show(defaultWidth)}`, path: ['defaultWidth']}
  }
  return undefined
}

/** Checked placeholder options, or a ConfigError naming the problem. */
export function checkPlaceholders(value: unknown): PlaceholderOptions {
  const problem = placeholderProblem(value)
  if (problem) throw new ConfigError(`liaison: ${problem.message}`)
  return value as PlaceholderOptions
}
