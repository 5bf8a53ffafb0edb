/**
 * A config's `vocabulary` and `plugins`: gathered from every block (they
 * add rules to the whole config, as a rule's id means one thing in every
 * block), vocabulary files read, plugin packages imported, and the catalog
 * of rules built, before the rest of the config is checked, since `rules`
 * and `preset` may name what they add. Paths are relative to the config's
 * folder; packages resolve from it, as ESLint resolves plugins.
 */
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {isAbsolute, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {catalogFor, type RuleCatalog} from '../../catalog.ts'
import {ConfigError} from '../../core/options.ts'
import type {Plugins} from '../../plugins.ts'
import {type Vocabulary, VocabularyError, vocabularyProblem} from '../../vocabulary/check.ts'
import {isRecord as isPlainObject, showValue as show} from '../../core/shape.ts'
import {importModule} from '../import-module.ts'
import {type Path, ShapeError} from './problems.ts'

/** A problem inside a vocabulary file: the loader shows it at that file's line and column (at `offset` for a syntax error). */
export class FileShapeError extends ShapeError {
  constructor(
    readonly filepath: string,
    message: string,
    path: Path,
    readonly offset?: number,
  ) {
    super(message, path)
  }
}

export interface Extensions {
  vocabulary?: Vocabulary
  plugins?: Plugins
  catalog: RuleCatalog
}

const isPath = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier)

/** A vocabulary file: YAML or JSON (JSON is YAML) holding a list of rules. */
async function readVocabulary(folder: string, path: string, at: Path): Promise<{rules: unknown[]; filepath: string}> {
  const filepath = resolve(folder, path)
  let text: string
  try {
    text = await readFile(filepath, 'utf8')
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException
    throw new ShapeError(`"vocabulary": ${code === 'ENOENT' ? `no file ${JSON.stringify(path)} next to the config` : `cannot read ${JSON.stringify(path)}: ${message}`}`, at)
  }
  const {parse, YAMLParseError} = await import('yaml')
  let rules: unknown
  try {
    rules = parse(text, {prettyErrors: false})
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw new FileShapeError(filepath, `YAML aliases expand too far (${(error as Error).message})`, [])
    throw new FileShapeError(filepath, error.message, [], error.pos[0])
  }
  const problem = vocabularyProblem(rules)
  if (problem) throw new FileShapeError(filepath, problem.message, problem.path)
  return {rules: rules as unknown[], filepath}
}

async function importPlugin(folder: string, name: string, specifier: unknown, at: Path): Promise<unknown> {
  // A JavaScript config may import the plugin itself, as ESLint's flat config does.
  if (isPlainObject(specifier)) return specifier
  if (typeof specifier !== 'string' || specifier.trim() === '') {
    throw new ShapeError(`"plugins.${name}" must be an npm package name, a path relative to the config (./rules/acme.js), or the plugin itself, got ${show(specifier)}`, at)
  }
  let resolved: string
  if (isPath(specifier)) resolved = resolve(folder, specifier)
  else {
    try {
      resolved = createRequire(join(folder, 'package.json')).resolve(specifier)
    } catch {
      throw new ShapeError(`plugin "${name}": cannot find the package "${specifier}" from the config's folder; install it (npm install --save-dev ${specifier}), or give a path starting with ./`, at)
    }
  }
  try {
    const module = (await importModule(pathToFileURL(resolved).href)) as Record<string, unknown>
    return module.default ?? module
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException
    if (code === 'ERR_MODULE_NOT_FOUND' && isPath(specifier)) throw new ShapeError(`plugin "${name}": no file ${JSON.stringify(specifier)} next to the config`, at)
    throw new ShapeError(`plugin "${name}": cannot load ${JSON.stringify(specifier)}: ${message}`, at)
  }
}

/** The blocks of a config as the file gives them, with where each sits. */
function blocksOf(value: unknown): Array<{block: Record<string, unknown>; at: Path}> {
  if (Array.isArray(value)) return value.flatMap((block: unknown, index) => (isPlainObject(block) ? [{block, at: [index]}] : []))
  return isPlainObject(value) ? [{block: value, at: []}] : []
}

/** Read, import and compile what the config adds; problems are ShapeErrors (FileShapeErrors inside vocabulary files). */
export async function loadExtensions(value: unknown, folder: string): Promise<Extensions> {
  const rules: unknown[] = []
  /** Where each of `rules` came from, to place a problem found when compiling it. */
  const origins: Array<{filepath?: string; path: Path}> = []
  const plugins: Record<string, unknown> = {}
  const pluginAt = new Map<string, Path>()
  let any = false
  for (const {block, at} of blocksOf(value)) {
    if (block.vocabulary !== undefined) {
      any = true
      const where = [...at, 'vocabulary']
      if (typeof block.vocabulary === 'string') {
        const file = await readVocabulary(folder, block.vocabulary, where)
        file.rules.forEach((rule, index) => origins.push({filepath: file.filepath, path: [index]}))
        rules.push(...file.rules)
      } else {
        const problem = vocabularyProblem(block.vocabulary)
        if (problem) throw new ShapeError(problem.message, [...where, ...problem.path])
        ;(block.vocabulary as unknown[]).forEach((rule, index) => origins.push({path: [...where, index]}))
        rules.push(...(block.vocabulary as unknown[]))
      }
    }
    if (block.plugins !== undefined) {
      any = true
      if (!isPlainObject(block.plugins)) throw new ShapeError(`"plugins" must map the name the config calls each plugin to its package or path ({acme: liaison-plugin-acme}), got ${show(block.plugins)}`, [...at, 'plugins'])
      for (const [name, specifier] of Object.entries(block.plugins)) {
        const where = [...at, 'plugins', name]
        if (Object.hasOwn(plugins, name)) throw new ShapeError(`plugin "${name}" is named by an earlier block too; name each plugin once`, where)
        plugins[name] = await importPlugin(folder, name, specifier, where)
        pluginAt.set(name, where)
      }
    }
  }
  if (!any) return {catalog: catalogFor()}
  const vocabulary = rules.length > 0 ? (rules as unknown as Vocabulary) : undefined
  const given = pluginAt.size > 0 ? (plugins as Plugins) : undefined
  try {
    return {...(vocabulary ? {vocabulary} : {}), ...(given ? {plugins: given} : {}), catalog: catalogFor(vocabulary, given)}
  } catch (error) {
    if (error instanceof VocabularyError) {
      // Ids are unique per file and per inline list, so a clash across them is found here, at the later rule.
      const [index, ...rest] = error.path as [number, ...Path]
      const origin = origins[index]!
      const message = error.message.replace(/^"vocabulary" item \d+/, '"vocabulary" rule')
      if (origin.filepath) throw new FileShapeError(origin.filepath, message, [...origin.path, ...rest])
      throw new ShapeError(message, [...origin.path, ...rest])
    }
    /* v8 ignore next -- @preserve catalogFor throws nothing but ConfigError */
    if (!(error instanceof ConfigError)) throw error
    const name = /plugin "([^"]+)"/.exec(error.message)?.[1]
    throw new ShapeError(error.message, (name !== undefined ? pluginAt.get(name) : undefined) ?? [])
  }
}
