/**
 * What `lint()`, `lintMarkdown()` and `analyze()` share: the plain-text
 * parser, processors cached per configuration (so compiled lexicons are
 * reused across calls) and the input check.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {type Processor, unified} from 'unified'
import {ConfigError} from './core/options.ts'
import {catalogFor} from './catalog.ts'
import {type PresetName, presets} from './presets.ts'
import {checkOptions, type ResolvedSettings, resolveSettings} from './settings.ts'

type TextProcessor = Processor<Root, Root, Root>

const parser = unified().use(retextEnglish).freeze() as unknown as TextProcessor

/** Parse plain text (a piece of it, see src/text/parse.ts) into an nlcst tree. */
export const parse = (value: string): Root => parser.parse(value)

const cacheSize = 32

/**
 * A lookup that builds one processor per distinct configuration, keeping the
 * 32 most recent. The same settings object (no options, a built-in preset
 * alone: see checkLintOptions) finds its processor by identity first, without
 * building the key: serialising every rule's setting cost ~3 µs a call.
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

const presetAlone = new Map<PresetName, ResolvedSettings>()

/**
 * The settings of `{preset: 'strict'}` and other built-in presets alone,
 * resolved once per preset: they resolve the same on every call, and
 * checking and resolving them cost ~10 µs a message. Undefined for any other
 * options, which take the full check.
 */
function builtInPresetAlone(options: object): ResolvedSettings | undefined {
  const keys = Reflect.ownKeys(options)
  if (keys.length !== 1 || keys[0] !== 'preset') return undefined
  const {preset} = options as {preset: unknown}
  if (typeof preset !== 'string' || !Object.hasOwn(presets, preset)) return undefined
  let settings = presetAlone.get(preset as PresetName)
  if (!settings) presetAlone.set(preset as PresetName, (settings = resolveSettings([{preset: preset as PresetName}])))
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
  const preset = builtInPresetAlone(rest)
  if (preset) return {path, settings: preset}
  checkOptions(rest)
  return {path, settings: resolveSettings([rest])}
}
