/**
 * The config's schema, as a table: every key a config block may have, with
 * the check that turns what the file says into what the run uses. A new
 * section is one entry here (its type follows from its check); validate.ts
 * walks the table, and the loader reports a check's ShapeError at the line
 * and column of the key path it names (relative to the section's value).
 *
 * Rule ids, severities and options are checked by the library's own
 * validation (src/settings.ts, parseSetting, resolveOptions), so a config and
 * the API accept and refuse the same settings.
 */
import {builtInCatalog, type RuleCatalog} from '../../catalog.ts'
import type {Channel} from '../../analysis/length.ts'
import {ConfigError, resolveOptions} from '../../core/options.ts'
import {parseSetting} from '../../core/severity.ts'
import type {RulesConfig} from '../../presets.ts'
import {channelValues, checkOptions, type PresetReference} from '../../settings.ts'
import {type PlaceholderOptions, placeholderProblem} from '../../text/placeholders.ts'
import type {Plugins} from '../../plugins.ts'
import type {Vocabulary} from '../../vocabulary/check.ts'
import type {TemplatesConfig} from '../templates.ts'
import {isRecord as isPlainObject, showValue as show} from '../../core/shape.ts'
import {type Path, ShapeError, suggest, within} from './problems.ts'

/**
 * Check ESLint-style rule settings with the library's own validation.
 * Throws a ShapeError whose path is `[id]`.
 */
export function checkRules(settings: Record<string, unknown>, catalog: RuleCatalog = builtInCatalog): RulesConfig {
  for (const [id, setting] of Object.entries(settings)) {
    try {
      checkOptions({rules: {[id]: setting}}, 'liaison', catalog)
      const rule = catalog.get(id)!
      // As the engine reads it: a bare object is options at the rule's default severity.
      const {severity, options} = isPlainObject(setting) ? {severity: 1, options: setting} : parseSetting(id, setting)
      if (severity !== 0) {
        const resolved = resolveOptions(id, rule.meta.options, options)
        // create() checks what a schema cannot (phases, domains, user regexes): fail here, naming the config.
        if (options !== undefined) (rule.definition.create as (options: unknown) => unknown)(resolved)
      }
    } catch (error) {
      /* v8 ignore next -- @preserve validation throws nothing but ConfigError */
      if (!(error instanceof ConfigError)) throw error
      throw new ShapeError(error.message, [id])
    }
  }
  return settings as RulesConfig
}

function checkName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ShapeError(`"name" must be a non-empty string, got ${show(value)}`, [])
  return value
}

function checkPatterns(key: 'files' | 'ignores', expected: string) {
  return (value: unknown): string[] => {
    // An empty `ignores` ignores nothing; an empty `files` would make nothing a message, which is surely a mistake.
    if (!Array.isArray(value) || (key === 'files' && value.length === 0)) {
      throw new ShapeError(`"${key}" must be a ${key === 'files' ? 'non-empty ' : ''}list of ${expected}, got ${show(value)}`, [])
    }
    value.forEach((pattern: unknown, index) => {
      if (typeof pattern !== 'string' || pattern.trim() === '') {
        throw new ShapeError(`"${key}" must list non-empty patterns; item ${index + 1} is ${show(pattern)}`, [index])
      }
      if (key === 'files' && (pattern.startsWith('/') || pattern.startsWith('../'))) {
        throw new ShapeError(`"files" patterns are relative to the config's folder and stay inside it; item ${index + 1} is ${JSON.stringify(pattern)}`, [index])
      }
    })
    return value as string[]
  }
}

/**
 * `preset`, or its alias `extends`: a built-in preset or a plugin's config
 * (`acme/recommended`), or a list of them applied in turn. The key is named
 * in the message.
 */
function checkPreset(key: string) {
  return (value: unknown, catalog: RuleCatalog): PresetReference | PresetReference[] => {
    const known = [...Object.keys(catalog.presets), ...catalog.configs.keys()]
    const items: unknown[] = Array.isArray(value) && value.length > 0 ? value : [value]
    items.forEach((item, index) => {
      if (typeof item === 'string' && known.includes(item)) return
      const where = Array.isArray(value) ? ` (item ${index + 1})` : ''
      throw new ShapeError(`"${key}"${where} must be ${known.map((name) => JSON.stringify(name)).join(' or ')}, got ${show(item)}${suggest(item, known)}`, Array.isArray(value) ? [index] : [])
    })
    return value as PresetReference | PresetReference[]
  }
}

function checkRulesSection(value: unknown, catalog: RuleCatalog): RulesConfig {
  if (!isPlainObject(value)) throw new ShapeError(`"rules" must be an object of rule ids to settings, got ${show(value)}`, [])
  return checkRules(value, catalog)
}

export function checkChannel(value: unknown): Channel {
  const values = channelValues()
  if (typeof value === 'string' && values.includes(value)) return value as Channel
  throw new ShapeError(`"channel" must be one of ${values.join(', ')}, got ${show(value)}${suggest(value, values)}`, [])
}

function checkPlaceholderSection(value: unknown): PlaceholderOptions {
  const problem = placeholderProblem(value)
  if (problem) throw new ShapeError(problem.message, problem.path)
  return value as PlaceholderOptions
}

/**
 * `templates: {fields: …}`: a list of the keys that hold messages, or a map
 * from each key to rule settings for it. A `title` is a headline either way
 * (see cli/templates.ts).
 */
function checkTemplates(value: unknown, catalog: RuleCatalog): TemplatesConfig {
  if (!isPlainObject(value)) throw new ShapeError(`"templates" must be an object with "fields", got ${show(value)}`, [])
  for (const key of Object.keys(value)) {
    if (key !== 'fields') throw new ShapeError(`"templates" has an unknown key "${key}"${suggest(key, ['fields'])}; it takes fields`, [key])
  }
  const {fields} = value
  const expected = 'the keys that hold messages, e.g. [title, body], or a map from each to its rule settings'
  if (Array.isArray(fields) && fields.length > 0) {
    fields.forEach((field: unknown, index) => {
      if (typeof field !== 'string' || field.trim() === '') {
        throw new ShapeError(`"templates.fields" must list ${expected}; item ${index + 1} is ${show(field)}`, ['fields', index])
      }
    })
    return {fields: Object.fromEntries(fields.map((field: string) => [field, {}]))}
  }
  if (fields === undefined) throw new ShapeError(`"templates" needs "fields": ${expected}`, [])
  if (!isPlainObject(fields) || Object.keys(fields).length === 0) {
    throw new ShapeError(`"templates.fields" must be ${expected}; got ${show(fields)}`, ['fields'])
  }
  for (const [field, settings] of Object.entries(fields)) {
    const at: Path = ['fields', field]
    if (!isPlainObject(settings)) throw new ShapeError(`"templates.fields.${field}" must be rule settings for that field ({} for none), got ${show(settings)}`, at)
    within(at, () => checkRules(settings, catalog), `"templates.fields.${field}": `)
  }
  return {fields: fields as Record<string, RulesConfig>}
}

/**
 * Every key of a block, in the order messages list them, with its check.
 * `preset`, `rules`, `channel` and `placeholders` are a settings layer
 * (src/settings.ts) as the API's options are.
 */
export const sections = {
  /** Shown by --debug and --print-config. */
  name: checkName,
  /** Globs (relative to the config's folder) of the files that are messages. */
  files: checkPatterns('files', 'globs, e.g. ["drafts/**", "**/*.update.md"]'),
  /** .gitignore-style patterns of files this block leaves out. */
  ignores: checkPatterns('ignores', '.gitignore-style patterns'),
  /** Preset this block's `rules` are applied over (alias: `extends`). */
  preset: checkPreset('preset'),
  rules: checkRulesSection,
  /** Length channel for every rule with a `channel` option (max-length). */
  channel: checkChannel,
  /** Placeholder syntaxes and widths (see src/text/placeholders.ts). */
  placeholders: checkPlaceholderSection,
  /** Which keys of a template hold messages, and rule settings per key. */
  templates: checkTemplates,
  /**
   * The team's own rules as data, or the path of a file holding them; read
   * with `plugins`, before the rest, since `rules` may name them (extensions.ts).
   */
  vocabulary: (value: unknown): Vocabulary | string => value as Vocabulary | string,
  /** Rule packages by the name the config calls them: an npm package or a relative path (extensions.ts). */
  plugins: (value: unknown): Record<string, string> => value as Record<string, string>,
} satisfies Record<string, (value: unknown, catalog: RuleCatalog) => unknown>

/**
 * Other names a key is accepted under. `extends` is what configs said for
 * `preset` before the API's name was taken for both; it stays so that
 * existing configs keep working, and is not listed among a block's keys.
 */
export const aliases: Readonly<Record<string, {key: keyof typeof sections; check: (value: unknown, catalog: RuleCatalog) => unknown}>> = {
  extends: {key: 'preset', check: checkPreset('extends')},
}

/**
 * One block of settings: the whole config in its single-object form, or one
 * item of a list (ESLint's flat config). A block applies to the files its
 * `files` globs match (every message when it has none), minus its own
 * `ignores`; later blocks win.
 */
export type ConfigBlock = {[K in keyof typeof sections]?: ReturnType<(typeof sections)[K]>}

export interface LiaisonConfig {
  blocks: ConfigBlock[]
  /** Every block's vocabulary, files read, in block order; one object per loaded config, so it compiles once. */
  vocabulary?: Vocabulary
  /** Every block's plugins, imported. */
  plugins?: Plugins
  /**
   * .gitignore-style patterns, relative to the config's folder, of files never
   * linted: the top-level `ignores` of a single-object config, and every block
   * of a list that holds nothing but `ignores` (as in ESLint).
   */
  ignores: string[]
}
