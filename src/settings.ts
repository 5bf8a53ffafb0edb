/**
 * Rule settings, merged in one place. Every source of settings is a layer
 * over the ones before it, applied by the same rule, ESLint's:
 *
 * - a severity alone (`'warn'`, `2`, `['error']`) keeps the options set before it;
 * - `[severity, options]` replaces them;
 * - a bare object is options, at the rule's default severity.
 *
 * The layers, in order: a preset (the API's `preset`, a config's `extends`
 * or a block's `preset`), then `rules` (the API's, each config block's, a
 * template field's, `--rule`), and channels: a config's or template's
 * channel sets the `channel` option of every rule that has one. The API
 * (liaison.ts), the command (cli/settings.ts) and template files
 * (cli/templates.ts) all build their settings here.
 */
import {rules} from '../rules/index.ts'
import {closest} from './core/did-you-mean.ts'
import {ConfigError} from './core/options.ts'
import {parseSetting, type Severity, type SeverityLabel, severityLabel} from './core/severity.ts'
import {type PresetName, presets, type RulesConfig} from './presets.ts'

/** A rule's merged setting as `lint()` takes it: a label, with options when it has any. */
export type ResolvedSetting = SeverityLabel | [SeverityLabel, Record<string, unknown>]

/** One rule's setting once the layers are applied. */
export interface RuleState {
  severity: Severity
  /** Raw options, checked against the rule's schema when the rule is configured. */
  options: Record<string, unknown> | undefined
}

const byId = new Map(rules.map((rule) => [rule.meta.id, rule]))
const ruleIds = [...byId.keys()]
/** Rules with a `channel` option: what a channel setting reaches. */
const channelRules = rules.filter((rule) => Object.hasOwn(rule.meta.options, 'channel')).map((rule) => rule.meta.id)

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Whether `setting` gives a channel of its own (`{channel}` or `[severity, {channel}]`). */
function choosesChannel(setting: unknown): boolean {
  const options = Array.isArray(setting) ? (setting as unknown[])[1] : setting
  return isPlainObject(options) && options.channel !== undefined
}

export function checkRuleId(id: string): void {
  if (byId.has(id)) return
  const guess = closest(id, ruleIds)
  throw new ConfigError(`Unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`)
}

/** Every rule's setting, built up layer by layer. */
export class RuleSettings {
  readonly #state = new Map<string, RuleState>()

  /** Every rule as `preset` sets it. */
  constructor(preset: PresetName = 'recommended') {
    this.usePreset(preset)
  }

  /** Every rule as `preset` sets it, over what was there (a severity alone keeps options). */
  usePreset(preset: PresetName): this {
    for (const id of ruleIds) this.apply(id, presets[preset][id])
    return this
  }

  /** One layer for one rule (`undefined` is no layer). Throws a ConfigError for an unknown rule or severity. */
  apply(id: string, setting: unknown): this {
    checkRuleId(id)
    if (setting === undefined) return this
    const before = this.#state.get(id)
    if (isPlainObject(setting)) {
      this.#state.set(id, {severity: parseSetting(id, byId.get(id)!.meta.severity).severity, options: setting})
      return this
    }
    const {severity, options} = parseSetting(id, setting)
    this.#state.set(id, {severity, options: (options as Record<string, unknown> | undefined) ?? before?.options})
    return this
  }

  /** One layer for every rule it names. */
  applyAll(settings: RulesConfig | undefined): this {
    for (const [id, setting] of Object.entries(settings ?? {})) this.apply(id, setting)
    return this
  }

  /**
   * Set the channel of every rule with a `channel` option. `except`: a layer
   * whose own settings keep the channel they chose. `dropLimit`: a `limit`
   * set with another channel belonged to it, so it goes when the channel changes.
   */
  useChannel(channel: string, {except, dropLimit = false}: {except?: RulesConfig; dropLimit?: boolean} = {}): this {
    for (const id of channelRules) {
      if (except && choosesChannel(except[id])) continue
      const state = this.#state.get(id)!
      if (state.options?.channel === channel) continue
      // A limit set with a channel belongs to that channel; one set without a channel is the user's own for any.
      const {limit, ...rest} = state.options ?? {}
      const keep = !dropLimit || state.options?.channel === undefined
      this.#state.set(id, {...state, options: {...rest, ...(keep && limit !== undefined ? {limit} : {}), channel}})
    }
    return this
  }

  get(id: string): RuleState {
    checkRuleId(id)
    return this.#state.get(id)!
  }

  /** The merged settings, as `lint()` takes them: every rule, an off rule without options. */
  toRulesConfig(): Record<string, ResolvedSetting> {
    const out: Record<string, ResolvedSetting> = {}
    for (const id of ruleIds) {
      const {severity, options} = this.#state.get(id)!
      out[id] = options && severity !== 0 ? [severityLabel(severity), options] : severityLabel(severity)
    }
    return out
  }
}
