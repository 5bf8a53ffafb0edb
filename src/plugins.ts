/**
 * Rule packages, as ESLint loads plugins: an object with `rules` made by
 * `defineRule` and, optionally, `configs` (named sets of rule settings) that
 * a config or the API extends like a preset: `preset: [recommended, acme/strict]`.
 * The API takes plugin objects by the name the config calls them
 * (`plugins: {acme}`); the command imports them (src/cli/plugins.ts).
 */
import {ConfigError} from './core/options.ts'
import {isRecord, showValue} from './core/shape.ts'
import type {LiaisonRule} from './engine/rule.ts'
import type {RulesConfig} from './presets.ts'

/** A named set of rule settings a plugin offers, extended like a preset. */
export interface PluginConfig {
  rules?: RulesConfig
}

/** What a rule package exports (its default export, or the module itself). */
export interface LiaisonPlugin {
  /** Rules made with `defineRule`, as a list or by id. */
  rules?: readonly LiaisonRule[] | Readonly<Record<string, LiaisonRule>>
  /** Named sets of settings, extended as `<plugin name>/<config name>`. */
  configs?: Readonly<Record<string, PluginConfig>>
}

/** Plugins by the name a config gives each (ESLint flat config's `plugins`). */
export type Plugins = Readonly<Record<string, LiaisonPlugin>>

/** A plugin's rules, checked, with the plugin's name for messages. */
export interface CheckedPlugin {
  name: string
  rules: LiaisonRule[]
  configs: Record<string, PluginConfig>
}

const pluginKeys = ['rules', 'configs']
const namePattern = /^(?:@[\da-z][\w.-]*\/)?[\da-z][\w.-]*$/

/** Whether `value` is what `defineRule` returns: a plugin function with its metadata and definition. */
function isRule(value: unknown): value is LiaisonRule {
  if (typeof value !== 'function') return false
  const {meta, definition} = value as Partial<LiaisonRule>
  return isRecord(meta) && isRecord(definition) && typeof meta.id === 'string' && typeof definition.create === 'function'
}

function checkPlugin(name: string, plugin: unknown): CheckedPlugin {
  const who = `plugin "${name}"`
  if (!isRecord(plugin)) throw new ConfigError(`${who} must be an object with rules and configs (a rule package's exports), got ${showValue(plugin)}`)
  const extra = Object.keys(plugin).filter((key) => !pluginKeys.includes(key) && key !== 'default' && key !== 'meta')
  if (plugin.rules === undefined && plugin.configs === undefined) {
    throw new ConfigError(`${who} exports neither "rules" nor "configs"${extra.length > 0 ? ` (it exports ${extra.join(', ')})` : ''}; a rule package exports rules made with defineRule`)
  }
  const given = plugin.rules ?? []
  if (!Array.isArray(given) && !isRecord(given)) throw new ConfigError(`${who}: "rules" must be a list of rules made with defineRule, or an object of them by id; got ${showValue(given)}`)
  const rules: LiaisonRule[] = []
  for (const [key, rule] of Array.isArray(given) ? given.entries() : Object.entries(given)) {
    const where = Array.isArray(given) ? `rules[${key}]` : `rules.${key}`
    if (!isRule(rule)) throw new ConfigError(`${who}: ${where} is not a rule made with defineRule (expected a function with meta and definition, got ${typeof rule === 'function' ? 'a function without them' : showValue(rule)})`)
    if (!Array.isArray(given) && key !== rule.meta.id) throw new ConfigError(`${who}: ${where} is the rule "${rule.meta.id}"; list each rule under its own id`)
    rules.push(rule)
  }
  const configs = plugin.configs ?? {}
  if (!isRecord(configs)) throw new ConfigError(`${who}: "configs" must be an object of named settings ({recommended: {rules: {…}}}), got ${showValue(configs)}`)
  for (const [config, settings] of Object.entries(configs)) {
    if (!isRecord(settings) || Object.keys(settings).some((key) => key !== 'rules') || (settings.rules !== undefined && !isRecord(settings.rules))) {
      throw new ConfigError(`${who}: configs.${config} must be {rules: {rule-id: setting}}, got ${showValue(settings)}`)
    }
  }
  return {name, rules, configs: configs as Record<string, PluginConfig>}
}

/** Throws a ConfigError naming the plugin and what is wrong; rule settings in `configs` are checked with the catalog. */
export function checkPlugins(value: unknown): CheckedPlugin[] {
  if (!isRecord(value)) throw new ConfigError(`"plugins" must be an object of plugins by the name the config calls them ({acme: …}), got ${showValue(value)}`)
  return Object.entries(value).map(([name, plugin]) => {
    if (!namePattern.test(name)) throw new ConfigError(`plugin name ${JSON.stringify(name)} must be lower-case letters, digits, ".", "_" or "-" (an npm package name), so "${name}/<config>" can name its configs`)
    return checkPlugin(name, plugin)
  })
}
