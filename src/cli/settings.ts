/**
 * From a config plus the command line to the settings one run lints with.
 *
 * Each rule's setting is layered, later winning:
 *   "recommended" → for each block that applies to the file, in order:
 *     its `preset` (every rule's severity), its `rules`, its `channel`
 *   → `--rule` flags,
 * where a severity alone keeps the options set before it (as in ESLint's flat
 * config), and a `[severity, options]` replaces them. A block's `channel`
 * fills in every rule with a `channel` option that the block's own `rules`
 * gave none; `--channel` overrides it for the run, and `--preset` stands in
 * for the base preset and every preset the config names. The layering
 * itself is src/settings.ts, shared with the API and template files.
 */
import {rules} from '../../rules/index.ts'
import {resolveOptions} from '../core/options.ts'
import {closest} from '../core/did-you-mean.ts'
import type {LiaisonOptions} from '../liaison.ts'
import {type PresetName, presets, type RulesConfig} from '../presets.ts'
import {type ResolvedSetting, RuleSettings} from '../settings.ts'
import {defaultPlaceholderWidth, type PlaceholderOptions, placeholderSyntaxNames} from '../text/placeholders.ts'
import {blockLabel, type FileBlocks} from './blocks.ts'
import {channelValues, checkRules, type LoadedConfig} from './config.ts'
import {defaultTemplatesConfig, type FileLintOptions, type TemplatesConfig} from './templates.ts'
import {CliError, UsageError} from './errors.ts'

export interface Overrides {
  /** From `--preset`: the preset for this run, in place of the config's. */
  preset?: PresetName
  /** From `--rule`, already checked. */
  rules: Record<string, unknown>
  /** From `--channel`, already checked. */
  channel: string | undefined
}

const usage = `write it as 'rule-id: severity' or 'rule-id: [severity, {option: value}]'`

/** `--rule` values are YAML flow mappings without the braces: `max-length: [error, {channel: sms}]`. */
async function parseRuleFlag(value: string): Promise<Record<string, unknown>> {
  const {parse} = await import('yaml')
  const text = value.trim().startsWith('{') ? value : `{${value}}`
  let parsed: unknown
  try {
    parsed = parse(text, {prettyErrors: false})
  } catch (error) {
    throw new UsageError(`--rule ${JSON.stringify(value)}: cannot read it (${(error as Error).message}); ${usage}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    throw new UsageError(`--rule ${JSON.stringify(value)}: ${usage}`)
  }
  for (const [id, setting] of Object.entries(parsed)) {
    // `max-length:error` is one YAML word: the space after the colon is missing.
    if (setting === null) throw new UsageError(`--rule ${JSON.stringify(value)}: no setting for "${id}"; ${usage} (with a space after the colon)`)
  }
  return parsed as Record<string, unknown>
}

export async function parseOverrides(ruleFlags: readonly string[], channel: string | undefined, preset?: string): Promise<Overrides> {
  const overrides: Overrides = {rules: {}, channel: undefined}
  if (preset !== undefined) {
    const names = Object.keys(presets)
    if (!names.includes(preset)) {
      const guess = closest(preset, names)
      throw new UsageError(`--preset ${JSON.stringify(preset)} is not one of ${names.join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`)
    }
    overrides.preset = preset as PresetName
  }
  for (const flag of ruleFlags) {
    const parsed = await parseRuleFlag(flag)
    try {
      checkRules(parsed)
    } catch (error) {
      throw new CliError(`--rule ${JSON.stringify(flag)}: ${(error as Error).message}`)
    }
    Object.assign(overrides.rules, parsed)
  }
  if (channel !== undefined) {
    const values = channelValues()
    if (!values.includes(channel)) {
      const guess = closest(channel, values)
      throw new UsageError(
        `--channel ${JSON.stringify(channel)} is not one of ${values.join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`,
      )
    }
    overrides.channel = channel
  }
  return overrides
}

export interface Settings extends Required<Pick<LiaisonOptions, 'preset'>> {
  /** Every rule's final setting, so the run never depends on a preset's defaults changing under it. */
  rules: Record<string, ResolvedSetting>
  placeholders?: PlaceholderOptions
  templates: TemplatesConfig
  /** `--channel`, which also wins over a template's own channel. */
  channelFlag?: string
}

export function settingsFor(loaded: LoadedConfig, applying: readonly number[], overrides: Overrides): Settings {
  const blocks = applying.map((index) => loaded.config.blocks[index]!)
  let preset: PresetName = overrides.preset ?? 'recommended'
  const ruleSettings = new RuleSettings(preset)
  let placeholders: PlaceholderOptions | undefined
  let templates: TemplatesConfig = defaultTemplatesConfig
  for (const block of blocks) {
    if (block.preset) {
      // --preset stands in for every preset the config names, for this run.
      preset = overrides.preset ?? block.preset
      ruleSettings.usePreset(preset)
    }
    ruleSettings.applyAll(block.rules)
    // A block's channel fills in every rule its own `rules` gave none; a later block's wins.
    if (block.channel !== undefined) ruleSettings.useChannel(block.channel, {except: block.rules ?? {}})
    if (block.placeholders) {
      placeholders = {...placeholders, ...block.placeholders, widths: {...placeholders?.widths, ...block.placeholders.widths}}
    }
    if (block.templates) templates = block.templates
  }
  ruleSettings.applyAll(overrides.rules as RulesConfig)
  if (overrides.channel !== undefined) ruleSettings.useChannel(overrides.channel)
  // An off rule keeps no options: --print-config shows it as ["off"].
  const result = ruleSettings.toRulesConfig()
  return {
    preset,
    rules: result,
    ...(placeholders ? {placeholders} : {}),
    templates,
    ...(overrides.channel === undefined ? {} : {channelFlag: overrides.channel}),
  }
}

/** What `--print-config` shows: the file that applies and every rule with its options resolved. */
export function printableConfig(loaded: LoadedConfig, settings: Settings, found: FileBlocks): Record<string, unknown> {
  const resolved: Record<string, unknown> = {}
  for (const rule of rules) {
    const setting = settings.rules[rule.meta.id]!
    const [label, options] = Array.isArray(setting) ? setting : [setting, undefined]
    resolved[rule.meta.id] =
      label === 'off' || Object.keys(rule.meta.options).length === 0
        ? [label]
        : [label, resolveOptions(rule.meta.id, rule.meta.options, options)]
  }
  return {
    configFile: loaded.filepath ?? null,
    /** Whether walking a folder would lint it, and why not. */
    message: found.message,
    ...(found.why ? {why: found.why} : {}),
    blocks: found.blocks.map((index) => blockLabel(loaded, index)),
    extends: settings.preset,
    ignores: loaded.config.ignores,
    rules: resolved,
    placeholders: {
      syntaxes: [...placeholderSyntaxNames],
      defaultWidth: defaultPlaceholderWidth,
      widths: {},
      ...settings.placeholders,
    },
    templates: settings.templates,
  }
}

/** The settings as `lint()` takes them, plus what template files need. */
export function lintOptions(settings: Settings): FileLintOptions {
  const {preset, rules: ruleSettings, placeholders, templates, channelFlag} = settings
  return {
    preset,
    rules: ruleSettings,
    templates,
    ...(placeholders ? {placeholders} : {}),
    ...(channelFlag === undefined ? {} : {channelFlag}),
  }
}
