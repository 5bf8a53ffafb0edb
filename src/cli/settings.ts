/**
 * From a config plus the command line to the settings one run lints with.
 *
 * Each rule's setting is layered, later winning:
 *   preset (`extends`) → config `rules` → `--rule` flags,
 * where a severity alone keeps the options set before it (as in ESLint's flat
 * config), and a `[severity, options]` replaces them. Then, for every rule
 * with a `channel` option: the config's top-level `channel` fills it in when
 * no setting chose one, and `--channel` overrides it for the run.
 */
import {rules} from '../../rules/index.ts'
import {parseSetting, parseSeverity, type Severity, type SeverityLabel, severityLabel} from '../core/severity.ts'
import {resolveOptions} from '../core/options.ts'
import {closest} from '../core/did-you-mean.ts'
import type {LiaisonOptions} from '../liaison.ts'
import {presets, type RulesConfig} from '../presets.ts'
import {defaultPlaceholderWidth, type PlaceholderOptions, placeholderSyntaxNames} from '../text/placeholders.ts'
import {channelValues, checkRules, isPlainObject, type LoadedConfig} from './config.ts'
import {defaultTemplatesConfig, type FileLintOptions, type TemplatesConfig} from './templates.ts'
import {CliError, UsageError} from './errors.ts'

export interface Overrides {
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

export async function parseOverrides(ruleFlags: readonly string[], channel: string | undefined): Promise<Overrides> {
  const overrides: Overrides = {rules: {}, channel: undefined}
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

type Setting = SeverityLabel | [SeverityLabel, Record<string, unknown>]

export interface Settings extends Required<Pick<LiaisonOptions, 'preset'>> {
  /** Every rule's final setting, so the run never depends on a preset's defaults changing under it. */
  rules: Record<string, Setting>
  placeholders?: PlaceholderOptions
  templates: TemplatesConfig
  /** `--channel`, which also wins over a template's own channel. */
  channelFlag?: string
}

export function settingsFor(loaded: LoadedConfig, overrides: Overrides): Settings {
  const {config} = loaded
  const preset = config.extends ?? 'recommended'
  const result: Record<string, Setting> = {}
  for (const rule of rules) {
    const {id, options: schema} = rule.meta
    let severity: Severity = parseSeverity(id, presets[preset][id]!)
    let options: Record<string, unknown> | undefined
    for (const setting of [config.rules?.[id], overrides.rules[id]]) {
      if (setting === undefined) continue
      if (isPlainObject(setting)) {
        severity = parseSeverity(id, rule.meta.severity)
        options = setting
        continue
      }
      const parsed = parseSetting(id, setting)
      severity = parsed.severity
      if (parsed.options !== undefined) options = parsed.options as Record<string, unknown>
    }
    if (severity !== 0 && Object.hasOwn(schema, 'channel')) {
      if (config.channel !== undefined && options?.channel === undefined) options = {...options, channel: config.channel}
      if (overrides.channel !== undefined) options = {...options, channel: overrides.channel}
    }
    result[id] = options ? [severityLabel(severity), options] : severityLabel(severity)
  }
  return {
    preset,
    rules: result,
    ...(config.placeholders ? {placeholders: config.placeholders} : {}),
    templates: config.templates ?? defaultTemplatesConfig,
    ...(overrides.channel === undefined ? {} : {channelFlag: overrides.channel}),
  }
}

/** What `--print-config` shows: the file that applies and every rule with its options resolved. */
export function printableConfig(loaded: LoadedConfig, settings: Settings): Record<string, unknown> {
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
    extends: settings.preset,
    ignores: loaded.config.ignores ?? [],
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
    rules: ruleSettings as RulesConfig,
    templates,
    ...(placeholders ? {placeholders} : {}),
    ...(channelFlag === undefined ? {} : {channelFlag}),
  }
}
