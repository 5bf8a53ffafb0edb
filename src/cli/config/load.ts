/**
 * Finding and reading config files.
 *
 * The nearest config to a file applies, whole: configs do not cascade (as in
 * ESLint's flat config), so what applies to a file is one file you can open.
 * lilconfig does the upward search; the loaders here turn parse failures into
 * `file:line:column: message`, and a problem validate.ts finds is reported at
 * the line and column of its key, prefixed with the config's name.
 */
import {existsSync} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {type LilconfigResult, lilconfig} from 'lilconfig'
import {location} from 'vfile-location'
import type {YAMLParseError} from 'yaml'
import {searchPlaces} from '../config-files.ts'
import {importModule} from '../import-module.ts'
import {CliError} from '../errors.ts'
import {displayPath, repositoryRoot} from '../paths.ts'
import {FileShapeError, loadExtensions} from './extensions.ts'
import {ShapeError} from './problems.ts'
import type {LiaisonConfig} from './sections.ts'
import {checkConfig} from './validate.ts'

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none applies. */
  filepath: string | undefined
  /** How messages name it: a path relative to the working directory, `#liaison` for package.json. */
  label: string
  config: LiaisonConfig
  /** Directory that `files` and `ignores` patterns are relative to. */
  base: string
}

export {searchPlaces}

/** 1-based line and column of an offset (past the end: the end), counted as the linted files' are, by vfile-location. */
function lineColumn(text: string, offset: number): {line: number; column: number} {
  const point = location(text).toPoint(Math.min(offset, text.length))
  return {line: point?.line ?? 1, column: point?.column ?? 1}
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
      module = (await importModule(url)) as {default?: unknown}
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
      const {catalog, vocabulary, plugins} = await loadExtensions(result.config, dirname(filepath))
      const config = checkConfig(result.config, catalog)
      return {filepath, label: name, config: {...config, ...(vocabulary ? {vocabulary} : {}), ...(plugins ? {plugins} : {})}, base}
    } catch (error) {
      /* v8 ignore next -- @preserve checkConfig throws nothing but ShapeError */
      if (!(error instanceof ShapeError)) throw error
      const {readFile} = await import('node:fs/promises')
      if (error instanceof FileShapeError) {
        const text = await readFile(error.filepath, 'utf8')
        const at = error.offset === undefined ? await locate(text, error.path) : lineColumn(text, error.offset)
        throw failAt(label(error.filepath), error.message, at)
      }
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
