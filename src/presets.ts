/**
 * Presets: which rules are on, and how strongly, before the user's own
 * `rules` map is applied on top.
 */
import type {RuleSetting, SeverityLabel} from './core/severity.ts'
import {rules} from '../rules/index.ts'

/** The name of a preset: `preset` in the API, a config block and `--preset` (`extends` in older configs). */
export type PresetName = 'recommended' | 'strict'
/** Settings by rule id, over a preset. */
export type RulesConfig = Record<string, RuleSetting | Record<string, unknown>>

/** Every rule marked `recommended`, at its default severity. */
export const recommended: Readonly<Record<string, SeverityLabel>> = Object.freeze(
  Object.fromEntries(rules.map((rule): [string, SeverityLabel] => [rule.meta.id, rule.meta.recommended ? rule.meta.severity : 'off'])),
)

/** Every rule on, as an error: for templates that are reviewed before an incident. */
export const strict: Readonly<Record<string, SeverityLabel>> = Object.freeze(
  Object.fromEntries(rules.map((rule) => [rule.meta.id, 'error' as const])),
)

export const presets: Readonly<Record<PresetName, Readonly<Record<string, SeverityLabel>>>> = Object.freeze({recommended, strict})
