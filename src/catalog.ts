/**
 * The rules a configuration can name: the built-in ones, its vocabulary's
 * and its plugins'. Settings, the linter, inline comments, `--list-rules`
 * and SARIF all read rules from a catalog, so a team's rules behave as
 * built-in ones do. Built once per vocabulary and plugins object (by
 * identity), like a processor, so 5,000 terms are compiled once.
 *
 * Presets: a vocabulary rule is on in `recommended` at its own severity
 * (unless it says `off`) and an error in `strict`, as a built-in rule is. A
 * plugin's rules are off in both until `rules` or one of the plugin's
 * `configs` turns them on, as ESLint's are.
 */
import {rules as builtIn} from '../rules/index.ts'
import {closest} from './core/did-you-mean.ts'
import {ConfigError} from './core/options.ts'
import type {SeverityLabel} from './core/severity.ts'
import {defineRule} from './engine/define-rule.ts'
import type {LiaisonRule} from './engine/rule.ts'
import {type PluginConfig, type Plugins, checkPlugins} from './plugins.ts'
import {type PresetName, presets} from './presets.ts'
import {type Vocabulary, VocabularyError} from './vocabulary/check.ts'
import {vocabularyRules} from './vocabulary/compile.ts'

export interface RuleCatalog {
  /** Built-in rules first, then the vocabulary's, then each plugin's, in order. */
  readonly rules: readonly LiaisonRule[]
  readonly ids: readonly string[]
  get(id: string): LiaisonRule | undefined
  /** Every rule's setting under each built-in preset. */
  readonly presets: Readonly<Record<PresetName, Readonly<Record<string, SeverityLabel>>>>
  /** Plugin configs by `<plugin>/<config>`. */
  readonly configs: ReadonlyMap<string, PluginConfig>
  /** Distinct per catalog: part of a processor's cache key. */
  readonly serial: number
}

let serials = 0

function build(rules: readonly LiaisonRule[], fromPlugins: ReadonlySet<LiaisonRule>, configs: ReadonlyMap<string, PluginConfig>): RuleCatalog {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]))
  const setting = (rule: LiaisonRule, preset: PresetName): SeverityLabel =>
    Object.hasOwn(presets[preset], rule.meta.id)
      ? presets[preset][rule.meta.id]!
      : fromPlugins.has(rule) || (preset === 'recommended' && !rule.meta.recommended)
        ? 'off'
        : preset === 'strict'
          ? 'error'
          : rule.meta.severity
  const presetOf = (preset: PresetName) => Object.freeze(Object.fromEntries(rules.map((rule) => [rule.meta.id, setting(rule, preset)])))
  return Object.freeze({
    rules,
    ids: [...byId.keys()],
    get: (id: string) => byId.get(id),
    presets: Object.freeze({recommended: presetOf('recommended'), strict: presetOf('strict')}),
    configs,
    serial: ++serials,
  })
}

/** The built-in rules alone: what every configuration without a vocabulary or plugins uses. */
export const builtInCatalog: RuleCatalog = build(builtIn, new Set(), new Map())

/**
 * A plugin's rule as the catalog keeps it: its doc is the plugin's `url` or
 * none, never a built-in rule's page (what `defineRule` assumes without one).
 */
function ownUrl(rule: LiaisonRule): LiaisonRule {
  return Object.hasOwn(rule.definition, 'url') ? rule : defineRule({...rule.definition, url: undefined})
}

function origin(id: string, where: ReadonlyMap<string, string>): string {
  return where.get(id) ?? 'a built-in rule'
}

function assemble(vocabulary: Vocabulary | undefined, plugins: Plugins | undefined): RuleCatalog {
  const rules: LiaisonRule[] = [...builtIn]
  const where = new Map<string, string>()
  /** `index`: the rule's place in the vocabulary, for the key path of a clash. */
  const add = (rule: LiaisonRule, from: string, index?: number) => {
    const {id} = rule.meta
    if (rules.some((known) => known.meta.id === id)) {
      const message = `rule id "${id}" of ${from} is already taken by ${origin(id, where)}; give it another id`
      throw index === undefined ? new ConfigError(message) : new VocabularyError(message, [index, 'id'])
    }
    where.set(id, from)
    rules.push(rule)
  }
  if (vocabulary !== undefined) for (const [index, rule] of vocabularyRules(vocabulary).entries()) add(rule, 'the vocabulary', index)
  const fromPlugins = new Set<LiaisonRule>()
  const configs = new Map<string, PluginConfig>()
  for (const plugin of plugins === undefined ? [] : checkPlugins(plugins)) {
    for (const rule of plugin.rules) {
      const kept = ownUrl(rule)
      add(kept, `plugin "${plugin.name}"`)
      fromPlugins.add(kept)
    }
    for (const [name, config] of Object.entries(plugin.configs)) configs.set(`${plugin.name}/${name}`, config)
  }
  return build(rules, fromPlugins, configs)
}

const none = {}
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null
const cache = new WeakMap<object, WeakMap<object, RuleCatalog>>()

/**
 * The catalog for a vocabulary and plugins, built on first sight of each
 * pair of objects: pass the same objects to reuse it, new ones after a change.
 * Throws a ConfigError (a VocabularyError for the vocabulary) naming the problem.
 */
export function catalogFor(vocabulary?: Vocabulary, plugins?: Plugins): RuleCatalog {
  if (vocabulary === undefined && plugins === undefined) return builtInCatalog
  // Not objects: nothing to cache by, and assemble() says what is wrong with them.
  if (!isObject(vocabulary ?? none) || !isObject(plugins ?? none)) return assemble(vocabulary, plugins)
  const first = vocabulary ?? none
  let byPlugins = cache.get(first)
  if (!byPlugins) cache.set(first, (byPlugins = new WeakMap()))
  const second = plugins ?? none
  let catalog = byPlugins.get(second)
  if (!catalog) byPlugins.set(second, (catalog = assemble(vocabulary, plugins)))
  return catalog
}

/** Throws a ConfigError for an id the catalog does not hold, with the closest one it does. */
export function checkRuleId(catalog: RuleCatalog, id: string): LiaisonRule {
  const rule = catalog.get(id)
  if (rule) return rule
  const guess = closest(id, catalog.ids)
  throw new ConfigError(`Unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`)
}
