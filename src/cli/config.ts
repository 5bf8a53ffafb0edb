/**
 * Finding, reading and checking config files.
 *
 * The nearest config to a file applies, whole: configs do not cascade (as in
 * ESLint's flat config), so what applies to a file is one file you can open.
 * A config is one object of settings or a list of blocks (see ConfigBlock);
 * blocks.ts decides which blocks apply to a file and whether it is a message.
 * lilconfig does the upward search; the loaders here turn parse failures into
 * `file:line:column: message`, and every check names the file it concerns.
 * Rule ids, severities and options are checked by the library's own
 * validation (resolveConfig, parseSetting, resolveOptions); this file only
 * prefixes the config's name and, where it can, the line and column.
 */
import {existsSync} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {type LilconfigResult, lilconfig} from 'lilconfig'
import type {YAMLParseError} from 'yaml'
import {rules} from '../../rules/index.ts'
import {parseSetting} from '../core/severity.ts'
import {ConfigError, resolveOptions} from '../core/options.ts'
import {type PlaceholderOptions, placeholderProblem} from '../text/placeholders.ts'
import {closest} from '../core/did-you-mean.ts'
import {resolveConfig} from '../liaison.ts'
import {type PresetName, presets, type RulesConfig} from '../presets.ts'
import {CliError} from './errors.ts'
import {searchPlaces} from './config-files.ts'
import {displayPath, repositoryRoot} from './paths.ts'
import type {TemplatesConfig} from './templates.ts'

/**
 * One block of settings: the whole config in its single-object form, or one
 * item of a list (ESLint's flat config). A block applies to the files its
 * `files` globs match (every message when it has none), minus its own
 * `ignores`; later blocks win.
 */
export interface ConfigBlock {
  /** Shown by --debug and --print-config. */
  name?: string
  /** Globs (relative to the config's folder) of the files that are messages. */
  files?: string[]
  /** .gitignore-style patterns of files this block leaves out. */
  ignores?: string[]
  /** Preset this block's `rules` are applied over; `extends` is the same key. */
  preset?: PresetName
  rules?: RulesConfig
  /** Length channel for every rule with a `channel` option (max-length). */
  channel?: string
  /** Placeholder syntaxes and widths (see src/text/placeholders.ts). */
  placeholders?: PlaceholderOptions
  /** Which keys of a template hold messages, and rule settings per key. */
  templates?: TemplatesConfig
}

export interface LiaisonConfig {
  blocks: ConfigBlock[]
  /**
   * .gitignore-style patterns, relative to the config's folder, of files never
   * linted: the top-level `ignores` of a single-object config, and every block
   * of a list that holds nothing but `ignores` (as in ESLint).
   */
  ignores: string[]
}

export {searchPlaces}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none applies. */
  filepath: string | undefined
  /** How messages name it: a path relative to the working directory, `#liaison` for package.json. */
  label: string
  config: LiaisonConfig
  /** Directory that `files` and `ignores` patterns are relative to. */
  base: string
}


const blockKeys = ['name', 'files', 'ignores', 'preset', 'extends', 'rules', 'channel', 'placeholders', 'templates']
const presetNames = Object.keys(presets)

/** Values the `channel` option takes, from the rules that have one. */
export function channelValues(): string[] {
  const values = new Set<string>()
  for (const rule of rules) {
    const spec = rule.meta.options.channel
    if (spec?.type === 'enum') for (const value of spec.values) values.add(value)
  }
  return [...values]
}

/** A problem inside a config, with the key path it concerns (for line:column). */
class ShapeError extends Error {
  constructor(
    message: string,
    readonly path: ReadonlyArray<string | number>,
  ) {
    super(message)
  }
}

function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : JSON.stringify(value)
}

function suggest(value: unknown, candidates: readonly string[]): string {
  const guess = typeof value === 'string' ? closest(value, candidates) : undefined
  return guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Check ESLint-style rule settings with the library's own validation.
 * Throws a ShapeError whose path is `['rules', id]`.
 */
export function checkRules(settings: Record<string, unknown>): void {
  for (const [id, setting] of Object.entries(settings)) {
    try {
      resolveConfig({rules: {[id]: setting} as RulesConfig})
      const rule = rules.find((candidate) => candidate.meta.id === id)!
      // As the engine reads it: a bare object is options at the rule's default severity.
      const {severity, options} = isPlainObject(setting)
        ? {severity: 1, options: setting}
        : parseSetting(id, setting)
      if (severity !== 0) {
        const resolved = resolveOptions(id, rule.meta.options, options)
        // create() checks what a schema cannot (phases, domains, user regexes): fail here, naming the config.
        if (options !== undefined) (rule.definition.create as (options: unknown) => unknown)(resolved)
      }
    } catch (error) {
      /* v8 ignore next -- @preserve validation throws nothing but ConfigError */
      if (!(error instanceof ConfigError)) throw error
      throw new ShapeError(error.message, ['rules', id])
    }
  }
}

export function checkChannel(value: unknown): string {
  const values = channelValues()
  if (typeof value === 'string' && values.includes(value)) return value
  throw new ShapeError(`"channel" must be one of ${values.join(', ')}, got ${show(value)}${suggest(value, values)}`, ['channel'])
}

/**
 * `templates: {fields: …}`: a list of the keys that hold messages, or a map
 * from each key to rule settings for it. A `title` is a headline either way
 * (see cli/templates.ts).
 */
function checkTemplates(value: unknown): TemplatesConfig {
  const where = ['templates']
  if (!isPlainObject(value)) throw new ShapeError(`"templates" must be an object with "fields", got ${show(value)}`, where)
  for (const key of Object.keys(value)) {
    if (key !== 'fields') throw new ShapeError(`"templates" has an unknown key "${key}"${suggest(key, ['fields'])}; it takes fields`, [...where, key])
  }
  const {fields} = value
  const expected = 'the keys that hold messages, e.g. [title, body], or a map from each to its rule settings'
  if (Array.isArray(fields) && fields.length > 0) {
    fields.forEach((field: unknown, index) => {
      if (typeof field !== 'string' || field.trim() === '') {
        throw new ShapeError(`"templates.fields" must list ${expected}; item ${index + 1} is ${show(field)}`, [...where, 'fields', index])
      }
    })
    return {fields: Object.fromEntries(fields.map((field: string) => [field, {}]))}
  }
  if (fields === undefined) throw new ShapeError(`"templates" needs "fields": ${expected}`, where)
  if (!isPlainObject(fields) || Object.keys(fields).length === 0) {
    throw new ShapeError(`"templates.fields" must be ${expected}; got ${show(fields)}`, [...where, 'fields'])
  }
  for (const [field, settings] of Object.entries(fields)) {
    const at = [...where, 'fields', field]
    if (!isPlainObject(settings)) throw new ShapeError(`"templates.fields.${field}" must be rule settings for that field ({} for none), got ${show(settings)}`, at)
    try {
      checkRules(settings)
    } catch (error) {
      const {message, path} = error as ShapeError
      throw new ShapeError(`"templates.fields.${field}": ${message}`, [...at, ...path.slice(1)])
    }
  }
  return {fields: fields as Record<string, RulesConfig>}
}

type Path = ReadonlyArray<string | number>

function checkPatterns(key: 'files' | 'ignores', value: unknown, at: Path, expected: string): string[] {
  // An empty `ignores` ignores nothing; an empty `files` would make nothing a message, which is surely a mistake.
  if (!Array.isArray(value) || (key === 'files' && value.length === 0)) {
    throw new ShapeError(`"${key}" must be a ${key === 'files' ? 'non-empty ' : ''}list of ${expected}, got ${show(value)}`, [...at, key])
  }
  value.forEach((pattern: unknown, index) => {
    if (typeof pattern !== 'string' || pattern.trim() === '') {
      throw new ShapeError(`"${key}" must list non-empty patterns; item ${index + 1} is ${show(pattern)}`, [...at, key, index])
    }
    if (key === 'files' && (pattern.startsWith('/') || pattern.startsWith('../'))) {
      throw new ShapeError(`"files" patterns are relative to the config's folder and stay inside it; item ${index + 1} is ${JSON.stringify(pattern)}`, [...at, key, index])
    }
  })
  return value as string[]
}

/** One block; `at` is its path in the config (empty for the single-object form). */
function checkBlock(value: Record<string, unknown>, at: Path): ConfigBlock {
  const where = at.length === 0 ? 'a config' : `block ${Number(at[0]) + 1}`
  for (const key of Object.keys(value)) {
    if (!blockKeys.includes(key)) {
      throw new ShapeError(`unknown key "${key}"${suggest(key, blockKeys)}; ${where} has ${blockKeys.filter((k) => k !== 'extends').join(', ')}`, [...at, key])
    }
  }
  const block: ConfigBlock = {}
  if (value.name !== undefined) {
    if (typeof value.name !== 'string' || value.name.trim() === '') throw new ShapeError(`"name" must be a non-empty string, got ${show(value.name)}`, [...at, 'name'])
    block.name = value.name
  }
  if (value.files !== undefined) block.files = checkPatterns('files', value.files, at, 'globs, e.g. ["drafts/**", "**/*.update.md"]')
  if (value.ignores !== undefined) block.ignores = checkPatterns('ignores', value.ignores, at, '.gitignore-style patterns')
  if (value.preset !== undefined && value.extends !== undefined) {
    throw new ShapeError('"preset" and "extends" are the same setting; keep one', [...at, 'extends'])
  }
  const key = value.preset === undefined ? 'extends' : 'preset'
  const preset = value[key]
  if (preset !== undefined) {
    if (typeof preset !== 'string' || !presetNames.includes(preset)) {
      throw new ShapeError(
        `"${key}" must be ${presetNames.map((name) => JSON.stringify(name)).join(' or ')}, got ${show(preset)}${suggest(preset, presetNames)}`,
        [...at, key],
      )
    }
    block.preset = preset as PresetName
  }
  try {
    if (value.rules !== undefined) {
      if (!isPlainObject(value.rules)) {
        throw new ShapeError(`"rules" must be an object of rule ids to settings, got ${show(value.rules)}`, ['rules'])
      }
      checkRules(value.rules)
      block.rules = value.rules as RulesConfig
    }
    if (value.channel !== undefined) block.channel = checkChannel(value.channel)
    if (value.placeholders !== undefined) {
      const problem = placeholderProblem(value.placeholders)
      if (problem) throw new ShapeError(problem.message, ['placeholders', ...problem.path])
      block.placeholders = value.placeholders as PlaceholderOptions
    }
    if (value.templates !== undefined) block.templates = checkTemplates(value.templates)
  } catch (error) {
    /* v8 ignore next -- @preserve the checks throw nothing but ShapeError */
    if (!(error instanceof ShapeError)) throw error
    throw new ShapeError(error.message, [...at, ...error.path])
  }
  return block
}

/**
 * A config: one object of settings for every message, or a list of blocks
 * (ESLint's flat config) where a block holding only `ignores` (and a `name`)
 * ignores files everywhere.
 */
function checkConfig(value: unknown): LiaisonConfig {
  // An empty file is a config with every default.
  if (value === undefined || value === null) return {blocks: [], ignores: []}
  if (Array.isArray(value)) {
    const config: LiaisonConfig = {blocks: [], ignores: []}
    value.forEach((item: unknown, index) => {
      if (!isPlainObject(item)) throw new ShapeError(`block ${index + 1} must be an object with any of ${blockKeys.join(', ')}; got ${show(item)}`, [index])
      const block = checkBlock(item, [index])
      const onlyIgnores = block.ignores !== undefined && Object.keys(item).every((key) => key === 'ignores' || key === 'name')
      if (onlyIgnores) config.ignores.push(...block.ignores!)
      else config.blocks.push(block)
    })
    return config
  }
  if (!isPlainObject(value)) {
    throw new ShapeError(`a config must be an object with any of ${blockKeys.join(', ')}, or a list of such blocks; got ${show(value)}`, [])
  }
  const {ignores = [], ...block} = checkBlock(value, [])
  return {blocks: [block], ignores}
}

function lineColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return {line, column: offset - start + 1}
}

/**
 * Where the key at `path` sits in a JSON or YAML config (JSON is YAML); only
 * computed when reporting an error. The path comes from the parsed value, so
 * it exists in the document.
 */
async function locate(text: string, path: ReadonlyArray<string | number>): Promise<{line: number; column: number} | undefined> {
  if (path.length === 0) return undefined
  const {isMap, isScalar, parseDocument} = await import('yaml')
  const doc = parseDocument(text)
  const last = path.at(-1)
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  // A key in a mapping points at the key; an item in a list, at the item.
  const node = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)!.key : doc.getIn(path, true)
  return lineColumn(text, (node as {range: number[]}).range[0]!)
}

/** "… in JSON at position 12 (line 1 column 13)" → "…": the place is shown as line:column instead. */
function withoutPosition(message: string): string {
  const at = message.search(/ in JSON at position \d/)
  return at === -1 ? message : message.slice(0, at)
}

function failAt(label: string, message: string, at?: {line: number; column: number}): CliError {
  return new CliError(`${label}${at ? `:${at.line}:${at.column}` : ''}: ${message}`)
}

export interface ConfigLoaderOptions {
  cwd: string
  /** `-c FILE`: this config for every file, no search. */
  configFile?: string | undefined
  /** `--no-config`: built-in defaults only. */
  noConfig?: boolean
  /** `--config-above-root`: search past the repository root, as far as lilconfig goes (the home folder, else `/`). */
  aboveRoot?: boolean
}

/**
 * Where the upward search for a file in `dir` stops: the repository root
 * (the nearest folder holding `.git`, a folder or a worktree's file), as
 * ESLint stops at its config's folder; outside any repository, the working
 * folder, or for a file outside it the folder the two have in common. A
 * config found above a repository (a home folder's, a shared machine's `/`)
 * is someone else's and may be a `.mjs` that runs code.
 */
export function searchRoot(dir: string, cwd: string): string {
  const root = repositoryRoot(dir)
  if (existsSync(join(root, '.git'))) return root
  let common = cwd
  while (relative(common, dir).startsWith('..') || isAbsolute(relative(common, dir))) common = dirname(common)
  return common
}

export function createConfigLoader({cwd, configFile, noConfig, aboveRoot}: ConfigLoaderOptions) {
  const label = (filepath: string) => displayPath(filepath, cwd)

  function parseJson(filepath: string, content: string): unknown {
    try {
      return JSON.parse(content)
    } catch (error) {
      const {message} = error as Error
      const position = /at position (\d+)/.exec(message)?.[1]
      const end = /end of JSON input/.test(message) ? content.length : undefined
      const offset = position === undefined ? end : Number(position)
      throw failAt(label(filepath), withoutPosition(message), offset === undefined ? undefined : lineColumn(content, offset))
    }
  }

  async function parseYaml(filepath: string, content: string): Promise<unknown> {
    const {parse} = await import('yaml')
    try {
      return parse(content, {prettyErrors: false})
    } catch (error) {
      // Not every error here is a YAMLParseError: see below.
      const {message, pos} = error as Pick<YAMLParseError, 'message'> & Partial<Pick<YAMLParseError, 'pos'>>
      // Not a syntax error: yaml refuses aliases that expand past its limit (a "billion laughs" document).
      if (!pos) throw failAt(label(filepath), `YAML aliases expand too far (${message}); write the values out instead of repeating aliases`)
      throw failAt(label(filepath), message, lineColumn(content, pos[0]))
    }
  }

  async function importJs(filepath: string): Promise<unknown> {
    const url = pathToFileURL(filepath).href
    let module: {default?: unknown}
    try {
      module = (await import(url)) as {default?: unknown}
      /* v8 ignore start -- @preserve covered by the spawned tests: under vitest, import() goes through Vite, whose errors differ */
    } catch (error) {
      const {name, message, stack = ''} = error as Error
      // Runtime errors name the line in the stack; syntax errors do not, but `node --check` does.
      const frame = stack.split('\n').find((line) => line.includes(url))
      const at = frame ? /:(\d+):(\d+)\)?$/.exec(frame) : null
      const hint = name === 'SyntaxError' ? ` (node --check ${label(filepath)} shows where)` : ''
      throw failAt(label(filepath), `${name}: ${message}${hint}`, at ? {line: Number(at[1]), column: Number(at[2])} : undefined)
    }
    /* v8 ignore stop */
    if (!('default' in module)) throw failAt(label(filepath), 'export the config as the default export: export default {…}')
    return module.default
  }

  const explorerOptions = {
    searchPlaces,
    // An empty config file still applies (every default), rather than the search going past it.
    ignoreEmptySearchPlaces: false,
    loaders: {
      '.json': parseJson,
      '.yaml': parseYaml,
      '.yml': parseYaml,
      noExt: parseYaml,
      '.js': importJs,
      '.mjs': importJs,
      '.cjs': importJs,
    },
  }
  const explorer = lilconfig('liaison', explorerOptions)
  /** One explorer per place the search stops (lilconfig takes it per explorer), so each caches its own searches. */
  const explorers = new Map<string, ReturnType<typeof lilconfig>>()
  const byDir = new Map<string, ReturnType<typeof lilconfig>>()
  const explorerFor = (dir: string) => {
    if (aboveRoot) return explorer
    let found = byDir.get(dir)
    if (!found) {
      const stopDir = searchRoot(dir, cwd)
      found = explorers.get(stopDir)
      if (!found) explorers.set(stopDir, (found = lilconfig('liaison', {...explorerOptions, stopDir})))
      byDir.set(dir, found)
    }
    return found
  }

  const checked = new Map<string, Promise<LoadedConfig>>()

  async function check(result: NonNullable<LilconfigResult>, base: string): Promise<LoadedConfig> {
    const {filepath} = result
    const inPackage = basename(filepath) === 'package.json'
    const name = `${label(filepath)}${inPackage ? '#liaison' : ''}`
    try {
      return {filepath, label: name, config: checkConfig(result.config), base}
    } catch (error) {
      /* v8 ignore next -- @preserve checkConfig throws nothing but ShapeError */
      if (!(error instanceof ShapeError)) throw error
      const {readFile} = await import('node:fs/promises')
      const isData = /\.(?:json|ya?ml)$|\.liaisonrc$/.test(filepath)
      const path = inPackage ? ['liaison', ...error.path] : error.path
      const at = isData ? await locate(await readFile(filepath, 'utf8'), path) : undefined
      throw failAt(name, error.message, at)
    }
  }

  function checkOnce(result: NonNullable<LilconfigResult>, searched: boolean): Promise<LoadedConfig> {
    let loaded = checked.get(result.filepath)
    if (!loaded) {
      // A found config's `ignores` are relative to its folder; one given with -c, to the working directory (as in ESLint).
      loaded = searched
        ? Promise.resolve().then(() => ambiguity(result.filepath)).then(() => check(result, dirname(result.filepath)))
        : check(result, cwd)
      checked.set(result.filepath, loaded)
    }
    return loaded
  }

  function ambiguity(found: string): void {
    const dir = dirname(found)
    const others = searchPlaces.filter((place) => place !== 'package.json' && place !== basename(found) && existsSync(join(dir, place)))
    if (others.length > 0) {
      throw new CliError(
        `${label(dir)}: more than one config file (${[basename(found), ...others].join(', ')}); keep one, so it is clear which applies`,
      )
    }
  }

  const defaults: LoadedConfig = {filepath: undefined, label: 'no config file (defaults)', config: {blocks: [], ignores: []}, base: cwd}
  let explicit: Promise<LoadedConfig> | undefined

  async function loadExplicit(path: string): Promise<LoadedConfig> {
    const filepath = resolve(cwd, path)
    let result: LilconfigResult
    try {
      result = await explorer.load(filepath)
    } catch (error) {
      if (error instanceof CliError) throw error
      const {code, message} = error as NodeJS.ErrnoException
      if (code === 'ENOENT') throw new CliError(`${label(filepath)}: config file not found`)
      if (code === 'EISDIR') throw new CliError(`${label(filepath)}: is a directory, not a config file`)
      if (/^No loader specified for extension/.test(message)) {
        throw new CliError(`${label(filepath)}: unsupported config format; use .json, .yaml, .yml, .js, .mjs, .cjs, or no extension for YAML or JSON`)
      }
      throw new CliError(`${label(filepath)}: cannot read config file: ${message}`)
    }
    if (basename(filepath) === 'package.json' && (result?.config === undefined || result.config === null)) {
      throw new CliError(`${label(filepath)}: has no "liaison" key`)
    }
    return checkOnce(result!, false)
  }

  return {
    /** The config that applies to `path` (a file, existing or not). */
    async forFile(path: string): Promise<LoadedConfig> {
      if (noConfig) return defaults
      if (configFile !== undefined) return (explicit ??= loadExplicit(configFile))
      let result: LilconfigResult
      try {
        result = await explorerFor(dirname(path)).search(dirname(path))
      } catch (error) {
        if (error instanceof CliError) throw error
        throw new CliError(`cannot read config for ${label(path)}: ${(error as Error).message}`)
      }
      return result ? checkOnce(result, true) : defaults
    },
  }
}

export type ConfigLoader = ReturnType<typeof createConfigLoader>
