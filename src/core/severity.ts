/**
 * ESLint-style rule configuration: `'off' | 'warn' | 'error'`, `0 | 1 | 2`,
 * or `[severity, options]`. Validated once, when a processor is configured.
 *
 * Unlike unified-lint-rule's own coercion, a bare label is always a severity
 * and an unknown label is an error, never silently read as options.
 */
import {ConfigError, show} from './options.ts'

/** A severity by name. */
export type SeverityLabel = 'off' | 'warn' | 'error'
/** A severity by number: 0 off, 1 warn, 2 error. */
export type Severity = 0 | 1 | 2
/** How a rule is set: a severity, or `[severity, options]`. */
export type RuleSetting<Options = Record<string, unknown>> =
  | SeverityLabel
  | Severity
  | [SeverityLabel | Severity]
  | [SeverityLabel | Severity, Partial<Options>]

const labels: Record<string, Severity> = {off: 0, warn: 1, error: 2}

function parseSeverity(ruleId: string, value: unknown): Severity {
  if (typeof value === 'string' && Object.hasOwn(labels, value)) return labels[value] as Severity
  if (value === 0 || value === 1 || value === 2) return value
  throw new ConfigError(
    `Rule "${ruleId}": invalid severity ${show(value)} (expected "off", "warn", "error", 0, 1 or 2)`,
  )
}

/** Split a setting into its severity and raw (unvalidated) options. */
export function parseSetting(ruleId: string, setting: unknown): {severity: Severity; options: unknown} {
  if (Array.isArray(setting)) {
    if (setting.length === 0 || setting.length > 2) {
      throw new ConfigError(
        `Rule "${ruleId}": expected [severity] or [severity, options], got an array of ${setting.length} items`,
      )
    }
    return {severity: parseSeverity(ruleId, setting[0]), options: setting[1]}
  }
  return {severity: parseSeverity(ruleId, setting), options: undefined}
}

export function severityLabel(severity: Severity): SeverityLabel {
  return severity === 2 ? 'error' : severity === 1 ? 'warn' : 'off'
}
