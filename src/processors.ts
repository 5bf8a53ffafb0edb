/**
 * What `lint()`, `lintMarkdown()` and `analyze()` share: the plain-text
 * parser, processors cached per configuration (so compiled lexicons are
 * reused across calls) and the input check.
 */
import type {Root} from 'nlcst'
import {ConfigError} from './core/options.ts'
import {parseEnglish} from './text/english.ts'
import {catalogFor, type RuleCatalog} from './catalog.ts'
import type {Plugins} from './plugins.ts'
import {presets} from './presets.ts'
import {checkOptions, type ResolvedSettings, resolveSettings} from './settings.ts'
import type {Vocabulary} from './vocabulary/check.ts'

/** Parse plain text (a piece of it, see src/text/parse.ts) into an nlcst tree. */
export const parse = (value: string): Root => parseEnglish(value)

const cacheSize = 32

/**
 * A lookup that builds one processor per distinct configuration, keeping the
 * 32 most recent. The same settings object (no options, or a built-in
 * preset, vocabulary and plugins alone: see checkLintOptions) finds its
 * processor by identity first, without building the key: serialising every
 * rule's setting cost ~3 µs a call.
 */
export function processorCache<P>(build: (settings: ResolvedSettings) => P): (settings: ResolvedSettings) => P {
  const cache = new Map<string, P>()
  const byObject = new WeakMap<ResolvedSettings, P>()
  return (options) => {
    const known = byObject.get(options)
    if (known !== undefined) return known
    // The catalog's serial stands for the vocabulary and plugins: two vocabularies may share rule ids but not terms.
    const key = JSON.stringify([catalogFor(options.vocabulary, options.plugins).serial, options.rules, options.phase, options.headline])
    let processor = cache.get(key)
    if (!processor) {
      // Building freezes the processor, which runs the attachers: a bad configuration throws before it is cached.
      processor = build(options)
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!)
      cache.set(key, processor)
    }
    byObject.set(options, processor)
    return processor
  }
}

/**
 * `settings` for a shared processor: without placeholders, which go to the
 * file (they vary per file, processors are shared). The same object when it
 * has none, so that its processor is found by identity.
 */
export function processorSettings(settings: ResolvedSettings): ResolvedSettings {
  if (settings.placeholders === undefined) return settings
  const shared = {...settings}
  delete shared.placeholders
  return shared
}

export function assertText(name: string, text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${name}() expects a string, got ${text === null ? 'null' : typeof text}`)
}

let defaults: ResolvedSettings | undefined
/** The settings of no options, resolved once. */
const defaultSettings = (): ResolvedSettings => (defaults ??= resolveSettings([]))

/** The options that resolve the same on every call that passes the same values and objects. */
const stableKeys: ReadonlySet<PropertyKey> = new Set(['preset', 'vocabulary', 'plugins'])
/** Their settings, by catalog (the vocabulary and plugins objects, by identity) and preset; held weakly, like the catalogs. */
const stableSettings = new WeakMap<RuleCatalog, Map<string, ResolvedSettings>>()

/**
 * The settings of options that hold nothing but a built-in preset, a
 * vocabulary and plugins (`{preset: 'strict'}`, `{vocabulary}`), resolved
 * once per catalog and preset: checking and resolving them cost ~10 µs a
 * message, and they resolve the same on every call. The vocabulary and
 * plugins are checked as checkOptions checks them, by catalogFor (which
 * builds, and so checks, each pair of objects once). Undefined for any
 * other options, which take the full check.
 */
function stableOptionSettings(options: Record<string, unknown>): ResolvedSettings | undefined {
  if (!Reflect.ownKeys(options).every((key) => stableKeys.has(key))) return undefined
  const {preset, vocabulary, plugins} = options
  if (preset !== undefined && (typeof preset !== 'string' || !Object.hasOwn(presets, preset))) return undefined
  const catalog = catalogFor(vocabulary as Vocabulary | undefined, plugins as Plugins | undefined)
  let byPreset = stableSettings.get(catalog)
  if (!byPreset) stableSettings.set(catalog, (byPreset = new Map<string, ResolvedSettings>()))
  let settings = byPreset.get(preset ?? '')
  if (!settings) byPreset.set(preset ?? '', (settings = resolveSettings([options])))
  return settings
}

/**
 * `options` checked and resolved on every call, before the processor cache
 * is consulted: a configuration that was built once must not let a bad one
 * through under the same key. Cheap: a walk over the options and the rule ids.
 */
export function checkLintOptions(options: unknown): {path: string | undefined; settings: ResolvedSettings} {
  // null was accepted before options were checked on every call, and means none.
  if (options === undefined || options === null) return {path: undefined, settings: defaultSettings()}
  // `lint(text)` passes `{}`: nothing to check, and checking costs ~10 µs, a few percent of a message.
  if (typeof options === 'object' && !Array.isArray(options) && Reflect.ownKeys(options).length === 0) return {path: undefined, settings: defaultSettings()}
  if (typeof options !== 'object' || Array.isArray(options)) checkOptions(options)
  const {path, ...rest} = options as {path?: unknown}
  if (path !== undefined && typeof path !== 'string') throw new ConfigError(`liaison: option "path" must be a string, got ${typeof path}`)
  const stable = stableOptionSettings(rest)
  if (stable) return {path, settings: stable}
  checkOptions(rest)
  return {path, settings: resolveSettings([rest])}
}
