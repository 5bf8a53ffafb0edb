/**
 * The `liaison` plugin: every rule, configured from a preset plus an
 * ESLint-style `rules` map, run as one transformer.
 */
import type {Root} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {rules} from '../rules/index.ts'
import {type ConfiguredRule, configureRule, runIncidentRules, runRules, type TitleInput} from './engine/executor.ts'
import type {IncidentView} from './engine/incident.ts'
import {type Doc, getDoc} from './engine/doc.ts'
import {isPhase, type Phase, phaseNames} from './analysis/phase.ts'
import {checkPlainData, ConfigError} from './core/options.ts'
import {checkPlaceholders, type PlaceholderOptions} from './text/placeholders.ts'
import {type PresetName, presets, type RulesConfig} from './presets.ts'
import {RuleSettings} from './settings.ts'

/** Options of the `liaison` plugin: preset, rule settings, phase, placeholders. */
export interface LiaisonOptions {
  /** Starting point for rule settings (default `'recommended'`). */
  preset?: PresetName
  /** ESLint-style settings by rule id, applied over the preset. */
  rules?: RulesConfig
  /** The update's phase, when known; otherwise it is detected from the wording. */
  phase?: Phase
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
}

const optionKeys = ['preset', 'rules', 'phase', 'placeholders', 'headline']

/** Throws a ConfigError naming the problem; returns the settings to apply. */
export function resolveConfig(options: LiaisonOptions): Record<string, unknown> {
  // Callers from JavaScript may pass anything.
  const given: unknown = options
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new ConfigError(`liaison: options must be an object, got ${JSON.stringify(options)}`)
  }
  checkPlainData(options, 'options')
  for (const key of Object.keys(options)) {
    if (!optionKeys.includes(key)) throw new ConfigError(`liaison: unknown option "${key}" (known options: ${optionKeys.join(', ')})`)
  }
  const presetName = options.preset ?? 'recommended'
  if (!Object.hasOwn(presets, presetName)) {
    throw new ConfigError(`liaison: unknown preset ${JSON.stringify(presetName)} (expected "recommended" or "strict")`)
  }
  if (options.phase !== undefined && !isPhase(options.phase)) {
    throw new ConfigError(`liaison: invalid phase ${JSON.stringify(options.phase)} (expected one of ${phaseNames.join(', ')})`)
  }
  if (options.placeholders !== undefined) checkPlaceholders(options.placeholders)
  if (options.headline !== undefined && typeof options.headline !== 'boolean') {
    throw new ConfigError(`liaison: "headline" must be true or false, got ${JSON.stringify(options.headline)}`)
  }
  return new RuleSettings(presetName).applyAll(options.rules).toRulesConfig()
}

/** What runs per file: the rules a configuration switches on, and the file data it carries. */
export interface Linter {
  run(file: VFile, doc: () => Doc, tree: () => Root): void
  /** Runs the incident rules the configuration switches on, once over a whole incident (`lintIncident()`). */
  runIncident(incident: IncidentView, title: TitleInput): void
}

/** Validates `options` (a ConfigError names the problem) and configures every rule, once. */
export function createLinter(options: LiaisonOptions): Linter {
  const settings = resolveConfig(options)
  const configured: ConfiguredRule[] = []
  // Incident rules need the sequence of updates: a single message never runs them.
  const incidentRules: ConfiguredRule[] = []
  for (const rule of rules) {
    if (options.headline && rule.meta.scope === 'message') continue
    const on = configureRule(rule.definition, settings[rule.meta.id])
    if (on) (on.scope === 'incident' ? incidentRules : configured).push(on)
  }
  const {phase, placeholders} = options
  return {
    run(file, doc, tree) {
      if (phase && !file.data.phase) file.data.phase = phase
      if (placeholders && !file.data.placeholders) file.data.placeholders = placeholders
      runRules(configured, file, doc, tree)
    },
    runIncident(incident, title) {
      runIncidentRules(incidentRules, incident, title)
    },
  }
}

export function liaison(this: Processor, options: LiaisonOptions = {}): Transformer<Root> {
  const linter = createLinter(options)
  // Synchronous: no rule waits for anything, so no promise per rule and file.
  return (tree, file) =>
    linter.run(
      file,
      () => getDoc(tree, file),
      /* v8 ignore next -- @preserve no built-in rule reads the tree; a check still may, like any RuleContext */
      () => tree,
    )
}
