/**
 * The `liaison` plugin: every rule, configured from a preset plus an
 * ESLint-style `rules` map, run as one transformer.
 */
import type {Root} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {rules} from '../rules/index.ts'
import {isPhase, type Phase, phases} from './engine/phase.ts'
import {ConfigError} from './engine/options.ts'
import {closest} from './engine/suggest.ts'
import {type PresetName, presets, type RulesConfig} from './presets.ts'

export interface LiaisonOptions {
  /** Starting point for rule settings (default `'recommended'`). */
  preset?: PresetName
  /** ESLint-style settings by rule id, applied over the preset. */
  rules?: RulesConfig
  /** The update's phase, when known; otherwise it is detected from the wording. */
  phase?: Phase
}

const ruleIds = rules.map((rule) => rule.meta.id)
const optionKeys = ['preset', 'rules', 'phase']

type Step = (tree: Root, file: VFile, next: (error?: Error | null) => void) => void

/** Throws a ConfigError naming the problem; returns the settings to apply. */
export function resolveConfig(options: LiaisonOptions): Record<string, unknown> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigError(`liaison: options must be an object, got ${JSON.stringify(options)}`)
  }
  for (const key of Object.keys(options)) {
    if (!optionKeys.includes(key)) throw new ConfigError(`liaison: unknown option "${key}" (known options: ${optionKeys.join(', ')})`)
  }
  const presetName = options.preset ?? 'recommended'
  if (!Object.hasOwn(presets, presetName)) {
    throw new ConfigError(`liaison: unknown preset ${JSON.stringify(presetName)} (expected "recommended" or "strict")`)
  }
  if (options.phase !== undefined && !isPhase(options.phase)) {
    throw new ConfigError(`liaison: invalid phase ${JSON.stringify(options.phase)} (expected one of ${phases.join(', ')})`)
  }
  const settings: Record<string, unknown> = {...presets[presetName]}
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    if (!ruleIds.includes(id)) {
      const guess = closest(id, ruleIds)
      throw new ConfigError(`Unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`)
    }
    settings[id] = setting
  }
  return settings
}

export function liaison(this: Processor, options: LiaisonOptions = {}): Transformer<Root> {
  const settings = resolveConfig(options)
  const steps: Step[] = []
  for (const rule of rules) {
    const step = (rule as unknown as (this: Processor, setting: unknown) => Step | undefined).call(this, settings[rule.meta.id])
    if (step) steps.push(step)
  }
  const phase = options.phase
  return async (tree, file) => {
    if (phase && !file.data.phase) file.data.phase = phase
    for (const step of steps) {
      await new Promise<void>((resolve, reject) => step(tree, file, (error) => (error ? reject(error) : resolve())))
    }
  }
}
