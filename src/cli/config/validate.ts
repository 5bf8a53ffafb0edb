/**
 * Checking a parsed config against the table in sections.ts: a config is one
 * object of settings for every message, or a list of blocks (ESLint's flat
 * config) where a block holding only `ignores` (and a `name`) ignores files
 * everywhere. Every problem is a ShapeError with the key path it concerns.
 */
import {builtInCatalog, type RuleCatalog} from '../../catalog.ts'
import {isRecord as isPlainObject, showValue as show} from '../../core/shape.ts'
import {type Path, ShapeError, suggest, within} from './problems.ts'
import {aliases, type ConfigBlock, type LiaisonConfig, sections} from './sections.ts'

type SectionKey = keyof typeof sections

const blockKeys = Object.keys(sections) as SectionKey[]
const acceptedKeys = [...blockKeys, ...Object.keys(aliases)]

/** One block; `at` is its path in the config (empty for the single-object form). */
function checkBlock(value: Record<string, unknown>, at: Path, catalog: RuleCatalog): ConfigBlock {
  const where = at.length === 0 ? 'a config' : `block ${Number(at[0]) + 1}`
  for (const key of Object.keys(value)) {
    if (!acceptedKeys.includes(key)) {
      throw new ShapeError(`unknown key "${key}"${suggest(key, acceptedKeys)}; ${where} has ${blockKeys.join(', ')}`, [...at, key])
    }
  }
  for (const [alias, {key}] of Object.entries(aliases)) {
    if (value[key] !== undefined && value[alias] !== undefined) {
      throw new ShapeError(`"${key}" and "${alias}" are the same setting; keep one`, [...at, alias])
    }
  }
  const block: Record<string, unknown> = {}
  for (const [key, given] of Object.entries(value)) {
    if (given === undefined) continue
    const alias = Object.hasOwn(aliases, key) ? aliases[key] : undefined
    const check: (value: unknown, catalog: RuleCatalog) => unknown = alias ? alias.check : sections[key as SectionKey]
    block[alias ? alias.key : key] = within([...at, key], () => check(given, catalog))
  }
  return block
}

/**
 * A whole config, as the file gives it (`undefined` or `null`: an empty file,
 * every default). `catalog`: the rules its vocabulary and plugins add (extensions.ts).
 */
export function checkConfig(value: unknown, catalog: RuleCatalog = builtInCatalog): LiaisonConfig {
  if (value === undefined || value === null) return {blocks: [], ignores: []}
  if (Array.isArray(value)) {
    const config: LiaisonConfig = {blocks: [], ignores: []}
    value.forEach((item: unknown, index) => {
      if (!isPlainObject(item)) throw new ShapeError(`block ${index + 1} must be an object with any of ${blockKeys.join(', ')}; got ${show(item)}`, [index])
      const block = checkBlock(item, [index], catalog)
      const onlyIgnores = block.ignores !== undefined && Object.keys(item).every((key) => key === 'ignores' || key === 'name')
      if (onlyIgnores) config.ignores.push(...block.ignores!)
      else config.blocks.push(block)
    })
    return config
  }
  if (!isPlainObject(value)) {
    throw new ShapeError(`a config must be an object with any of ${blockKeys.join(', ')}, or a list of such blocks; got ${show(value)}`, [])
  }
  const {ignores = [], ...block} = checkBlock(value, [], catalog)
  return {blocks: [block], ignores}
}
