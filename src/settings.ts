/**
 * Settings, merged in one place. Every source of settings gives the same
 * shape, a layer (`LiaisonOptions`): the API's options, each config block,
 * `--preset`/`--rule`/`--channel`, a template's field, channel, phase and
 * placeholder widths. `resolveSettings` applies layers in order, later
 * winning, into the one resolved type (`ResolvedSettings`) that `lint()`,
 * the `liaison` plugin, the command, template files and the playground run
 * with. Rules are layered as ESLint does:
 *
 * - a severity alone (`'warn'`, `2`, `['error']`) keeps the options set before it;
 * - `[severity, options]` replaces them;
 * - a bare object is options, at the rule's default severity.
 *
 * Within a layer: its `preset` (every rule's severity), its `rules`, then its
 * `channel`, which sets the `channel` option of every rule that has one,
 * except those the layer's own `rules` gave a channel. Placeholder widths
 * merge; `phase` and `headline` are the last layer's that gives them.
 *
 * One name for the starting point, `preset`, in the API, config blocks and
 * `--preset`; config files also accept `extends`, the name documented before,
 * as an alias (cli/config/sections.ts).
 */
import {rules} from '../rules/index.ts'
import {builtInCatalog, catalogFor, checkRuleId as checkCatalogId, type RuleCatalog} from './catalog.ts'
import type {Channel} from './analysis/length.ts'
import {type GivenPhase, isPhaseInput, type PhaseInput, phaseInputNames, phaseOf} from './analysis/phase.ts'
import {closest} from './core/did-you-mean.ts'
import {checkPlainData, ConfigError} from './core/options.ts'
import {isRecord as isPlainObject} from './core/shape.ts'
import {parseSetting, type Severity, type SeverityLabel, severityLabel} from './core/severity.ts'
import type {Plugins} from './plugins.ts'
import {type PresetName, presets, type RulesConfig} from './presets.ts'
import {checkPlaceholders, type PlaceholderOptions} from './text/placeholders.ts'
import type {Vocabulary} from './vocabulary/check.ts'

/** A built-in preset, or a plugin's config as `<plugin>/<config>` (`acme/recommended`). */
export type PresetReference = PresetName | `${string}/${string}`

/**
 * Settings as any source gives them: the options of `lint()` and of the
 * `liaison` plugin, and one layer of settings over others.
 */
export interface LiaisonOptions {
  /**
   * Starting point for rule settings (default `'recommended'`); a config
   * block's `preset`. A list applies each in turn: a built-in preset sets
   * every rule, a plugin's config (`acme/recommended`) the rules it names.
   */
  preset?: PresetReference | readonly PresetReference[]
  /** ESLint-style settings by rule id, applied over the preset. */
  rules?: RulesConfig
  /**
   * Length channel (`twitter`, `sms`, …) for every rule with a `channel`
   * option (max-length) that `rules` gives none.
   */
  channel?: Channel
  /**
   * The update's phase, when known; otherwise it is detected from the wording.
   * Status-page labels are taken too: `postmortem` (read as resolved),
   * `update` (detected) and `maintenance` (read as scheduled).
   */
  phase?: PhaseInput
  /**
   * Placeholder syntaxes to recognise and the widths max-length counts them at
   * (`{syntaxes, widths, defaultWidth}`); a file's own `file.data.placeholders` wins.
   */
  placeholders?: PlaceholderOptions
  /**
   * The text is a headline (a template's title), not a whole update: rules
   * whose scope is `message` (require-impact, require-next-update) do not run.
   */
  headline?: boolean
  /** The team's own rules as data: forbidden words, replacements, patterns (docs/vocabulary.md). */
  vocabulary?: Vocabulary
  /** Rule packages by the name settings call them: `{acme: acmePlugin}` (docs/plugins.md). */
  plugins?: Plugins
}

/** A rule's merged setting as `lint()` takes it: a label, with options when it has any. */
export type ResolvedSetting = SeverityLabel | [SeverityLabel, Record<string, unknown>]

/** Settings once every layer is applied: what a linter runs with. It is itself a layer (and valid `lint()` options). */
export interface ResolvedSettings {
  /** The last preset applied (a list when it was given as one). */
  preset: PresetReference | readonly PresetReference[]
  /** Every rule's final setting, so a run never depends on a preset's defaults changing under it. */
  rules: Record<string, ResolvedSetting>
  placeholders?: PlaceholderOptions
  /** `maintenance` stays a label: the wording says whether the work is to come or done (see readGivenPhase). */
  phase?: GivenPhase
  headline?: boolean
  /** The vocabulary and plugins the rules come from (the last layer's that gives them). */
  vocabulary?: Vocabulary
  plugins?: Plugins
}

/**
 * A layer with a say in how it is applied. `channelOwnsLimit`: a `limit` set
 * together with another channel belonged to that channel, so it goes when
 * this layer's channel replaces it (a template that says it is a tweet does
 * not keep a limit configured for SMS).
 */
export interface SettingsLayer extends LiaisonOptions {
  channelOwnsLimit?: boolean
}

/** One rule's setting once the layers are applied. */
export interface RuleState {
  severity: Severity
  /** Raw options, checked against the rule's schema when the rule is configured. */
  options: Record<string, unknown> | undefined
}

/** Rules with a `channel` option: what a channel setting reaches. */
const channelRules = rules.filter((rule) => Object.hasOwn(rule.meta.options, 'channel')).map((rule) => rule.meta.id)

/** Values a channel setting takes, from the rules that have a `channel` option. */
export function channelValues(): string[] {
  const values = new Set<string>()
  for (const rule of rules) {
    const spec = rule.meta.options.channel
    if (spec?.type === 'enum') for (const value of spec.values) values.add(value)
  }
  return [...values]
}

/** Whether `setting` gives a channel of its own (`{channel}` or `[severity, {channel}]`). */
function choosesChannel(setting: unknown): boolean {
  const options = Array.isArray(setting) ? (setting as unknown[])[1] : setting
  return isPlainObject(options) && options.channel !== undefined
}

const optionKeys = ['preset', 'rules', 'channel', 'phase', 'placeholders', 'headline', 'vocabulary', 'plugins']
const presetNames = Object.keys(presets)

/**
 * Throws a ConfigError naming the first problem in API options (`who`
 * prefixes the message); rule options are checked when a rule is configured.
 */
export function checkOptions(options: unknown, who = 'liaison', catalog?: RuleCatalog): asserts options is LiaisonOptions {
  if (!isPlainObject(options)) throw new ConfigError(`${who}: options must be an object, got ${JSON.stringify(options)}`)
  // Plugins hold functions, and a vocabulary is checked once per object (catalogFor), not on every call.
  const {vocabulary, plugins, ...data} = options
  checkPlainData(data, 'options')
  for (const key of Object.keys(options)) {
    if (!optionKeys.includes(key)) throw new ConfigError(`${who}: unknown option "${key}" (known options: ${optionKeys.join(', ')})`)
  }
  const rulesFrom = catalog ?? catalogFor(vocabulary as Vocabulary | undefined, plugins as Plugins | undefined)
  const {preset, rules: settings, channel, phase, placeholders, headline} = data
  if (preset !== undefined) checkPreset(rulesFrom, preset, who)
  if (settings !== undefined) {
    if (!isPlainObject(settings)) throw new ConfigError(`${who}: "rules" must be an object of rule ids to settings, got ${JSON.stringify(settings)}`)
    const probe = new RuleSettings('recommended', rulesFrom)
    for (const [id, setting] of Object.entries(settings)) probe.apply(id, setting)
  }
  const channels = channelValues()
  if (channel !== undefined && (typeof channel !== 'string' || !channels.includes(channel))) {
    throw new ConfigError(`${who}: invalid channel ${JSON.stringify(channel)} (expected one of ${channels.join(', ')})`)
  }
  if (phase !== undefined && !isPhaseInput(phase)) {
    throw new ConfigError(`${who}: invalid phase ${JSON.stringify(phase)} (expected one of ${phaseInputNames.join(', ')})`)
  }
  if (placeholders !== undefined) checkPlaceholders(placeholders)
  if (headline !== undefined && typeof headline !== 'boolean') {
    throw new ConfigError(`${who}: "headline" must be true or false, got ${JSON.stringify(headline)}`)
  }
}

/** Throws a ConfigError unless `preset` names built-in presets or the catalog's plugin configs. */
export function checkPreset(catalog: RuleCatalog, preset: unknown, who: string): asserts preset is PresetReference | readonly PresetReference[] {
  const known = [...presetNames, ...catalog.configs.keys()]
  for (const name of Array.isArray(preset) ? (preset as unknown[]) : [preset]) {
    if (typeof name === 'string' && known.includes(name)) continue
    const guess = typeof name === 'string' ? closest(name, known) : undefined
    throw new ConfigError(
      `${who}: unknown preset ${JSON.stringify(name)}${guess ? ` (did you mean "${guess}"?)` : ''} (expected ${known.map((item) => JSON.stringify(item)).join(' or ')}, or a list of them)`,
    )
  }
}

/** Every rule's setting, built up layer by layer. */
export class RuleSettings {
  readonly #state = new Map<string, RuleState>()
  readonly #catalog: RuleCatalog

  /** Every rule of the catalog (the built-in rules by default) as `preset` sets it. */
  constructor(preset: PresetReference | readonly PresetReference[] = 'recommended', catalog: RuleCatalog = builtInCatalog) {
    this.#catalog = catalog
    // Every rule starts somewhere, even when the first preset named is a plugin's (which sets only its own rules).
    this.usePreset('recommended').usePreset(preset)
  }

  /**
   * Every rule as a built-in `preset` sets it, over what was there (a
   * severity alone keeps options); a plugin's config applies the settings it
   * gives; a list, each in turn.
   */
  usePreset(preset: PresetReference | readonly PresetReference[]): this {
    if (Array.isArray(preset)) {
      for (const name of preset as readonly PresetReference[]) this.usePreset(name)
      return this
    }
    const name = preset as PresetReference
    const builtIn = Object.hasOwn(presets, name) ? this.#catalog.presets[name as PresetName] : undefined
    if (builtIn) for (const id of this.#catalog.ids) this.apply(id, builtIn[id])
    else this.applyAll(this.#catalog.configs.get(name)?.rules)
    return this
  }

  /** One layer for one rule (`undefined` is no layer). Throws a ConfigError for an unknown rule or severity. */
  apply(id: string, setting: unknown): this {
    const rule = checkCatalogId(this.#catalog, id)
    if (setting === undefined) return this
    const before = this.#state.get(id)
    if (isPlainObject(setting)) {
      this.#state.set(id, {severity: parseSetting(id, rule.meta.severity).severity, options: setting})
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
    checkCatalogId(this.#catalog, id)
    return this.#state.get(id)!
  }

  /** The merged settings, as `lint()` takes them: every rule, an off rule without options. */
  toRulesConfig(): Record<string, ResolvedSetting> {
    const out: Record<string, ResolvedSetting> = {}
    for (const id of this.#catalog.ids) {
      const {severity, options} = this.#state.get(id)!
      out[id] = options && severity !== 0 ? [severityLabel(severity), options] : severityLabel(severity)
    }
    return out
  }
}

/** Placeholder options of `over` on those of `under`; widths merge name by name. */
function mergePlaceholders(under: PlaceholderOptions | undefined, over: PlaceholderOptions): PlaceholderOptions {
  return {...under, ...over, widths: {...under?.widths, ...over.widths}}
}

/**
 * The layers, applied in order (see the top of this file). Layers are
 * trusted to be checked (`checkOptions`, or the config's validation);
 * an unknown rule or severity still throws a ConfigError.
 */
export function resolveSettings(layers: ReadonlyArray<SettingsLayer | undefined>): ResolvedSettings {
  let preset: PresetReference | readonly PresetReference[] = 'recommended'
  const resolved: Omit<ResolvedSettings, 'preset' | 'rules'> = {}
  // Which rules there are comes first: every layer's settings may name the team's own.
  for (const layer of layers) {
    if (layer?.vocabulary !== undefined) resolved.vocabulary = layer.vocabulary
    if (layer?.plugins !== undefined) resolved.plugins = layer.plugins
  }
  const ruleSettings = new RuleSettings('recommended', catalogFor(resolved.vocabulary, resolved.plugins))
  for (const layer of layers) {
    if (!layer) continue
    if (layer.preset !== undefined) ruleSettings.usePreset((preset = layer.preset))
    ruleSettings.applyAll(layer.rules)
    if (layer.channel !== undefined) {
      ruleSettings.useChannel(layer.channel, layer.channelOwnsLimit ? {dropLimit: true} : {except: layer.rules ?? {}})
    }
    if (layer.placeholders) resolved.placeholders = mergePlaceholders(resolved.placeholders, layer.placeholders)
    if (layer.phase !== undefined) {
      const phase = phaseOf(layer.phase)
      if (phase === undefined) delete resolved.phase
      else resolved.phase = phase
    }
    if (layer.headline !== undefined) resolved.headline = layer.headline
  }
  return {preset, rules: ruleSettings.toRulesConfig(), ...resolved}
}
