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
 * for the base preset and every preset the config names. This file only
 * lists the layers; merging them is src/settings.ts, shared with the API,
 * template files and the playground.
 */
import {builtInCatalog, catalogFor} from '../catalog.ts'
import {resolveOptions} from '../core/options.ts'
import {closest} from '../core/did-you-mean.ts'
import type {Channel} from '../analysis/length.ts'
import {type PresetName, presets, type RulesConfig} from '../presets.ts'
import {channelValues, type PresetReference, type ResolvedSettings, resolveSettings, type SettingsLayer} from '../settings.ts'
import {defaultPlaceholderWidth, placeholderSyntaxNames} from '../text/placeholders.ts'
import {blockLabel, type FileBlocks} from './blocks.ts'
import type {LoadedConfig} from './config/load.ts'
import {checkRules} from './config/sections.ts'
import type {ConfigBlock} from './config/sections.ts'
import {defaultTemplatesConfig, type TemplatesConfig} from './templates.ts'
import {CliError, UsageError} from './errors.ts'

export interface Overrides {
  /** From `--preset`: the preset for this run, in place of the config's. */
  preset?: PresetName
  /** From `--rule`: built-in rules' settings already checked, the config's own when its settings are made. */
  rules: Record<string, unknown>
  /** The `--rule` flag that set each rule, for messages. */
  flags: Record<string, string>
  /** From `--channel`, already checked. */
  channel: Channel | undefined
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
  const overrides: Overrides = {rules: {}, flags: {}, channel: undefined}
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
    // A rule the built-in ones do not know may be a config's own (vocabulary, plugins): settingsFor checks it.
    const builtIn = Object.fromEntries(Object.entries(parsed).filter(([id]) => builtInCatalog.get(id)))
    try {
      checkRules(builtIn)
    } catch (error) {
      throw new CliError(`--rule ${JSON.stringify(flag)}: ${(error as Error).message}`)
    }
    for (const id of Object.keys(parsed)) overrides.flags[id] = flag
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
    overrides.channel = channel as Channel
  }
  return overrides
}

/** What a file of a run is linted with: resolved settings, plus how to read templates. */
export interface Settings extends ResolvedSettings {
  templates: TemplatesConfig
  /** `--channel`, which also wins over a template's own channel. */
  channelFlag?: Channel
}

/** A config block's settings layer; `--preset` stands in for the preset it names. */
function blockLayer(block: ConfigBlock, presetFlag: PresetName | undefined): SettingsLayer {
  const {preset, rules: ruleSettings, channel, placeholders} = block
  // --preset stands in for the built-in presets; a plugin's config ("acme/recommended") still applies.
  const flagged = (name: PresetReference) => (presetFlag !== undefined && Object.hasOwn(presets, name) ? presetFlag : name)
  const layered = preset === undefined ? undefined : Array.isArray(preset) ? preset.map(flagged) : flagged(preset)
  return {...(layered ? {preset: layered} : {}), rules: ruleSettings, channel, placeholders}
}

/** `--rule` settings for rules the config adds, checked against its catalog, naming the flag. */
function checkConfigRules(loaded: LoadedConfig, overrides: Overrides): void {
  const {vocabulary, plugins} = loaded.config
  const catalog = catalogFor(vocabulary, plugins)
  for (const [id, setting] of Object.entries(overrides.rules)) {
    if (builtInCatalog.get(id)) continue
    try {
      checkRules({[id]: setting}, catalog)
    } catch (error) {
      const {message} = error as Error
      // Where the rules came from, when a config added some: the id may be meant for another folder's config.
      const where = catalog.get(id) || (vocabulary === undefined && plugins === undefined) ? '' : ` in ${loaded.label}`
      throw new CliError(`--rule ${JSON.stringify(overrides.flags[id])}: ${message}${where}`)
    }
  }
}

export function settingsFor(loaded: LoadedConfig, applying: readonly number[], overrides: Overrides): Settings {
  const blocks = applying.map((index) => loaded.config.blocks[index]!)
  checkConfigRules(loaded, overrides)
  const {vocabulary, plugins} = loaded.config
  const resolved = resolveSettings([
    {preset: overrides.preset ?? 'recommended', ...(vocabulary ? {vocabulary} : {}), ...(plugins ? {plugins} : {})},
    ...blocks.map((block) => blockLayer(block, overrides.preset)),
    {rules: overrides.rules as RulesConfig},
    // After --rule, as a layer of its own: --channel wins over a channel --rule gives.
    {channel: overrides.channel},
  ])
  const templates = blocks.findLast((block) => block.templates)?.templates ?? defaultTemplatesConfig
  return {...resolved, templates, ...(overrides.channel === undefined ? {} : {channelFlag: overrides.channel})}
}

/** What `--print-config` shows: the file that applies and every rule with its options resolved. */
export function printableConfig(loaded: LoadedConfig, settings: Settings, found: FileBlocks): Record<string, unknown> {
  const resolved: Record<string, unknown> = {}
  for (const rule of catalogFor(settings.vocabulary, settings.plugins).rules) {
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
    preset: settings.preset,
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
