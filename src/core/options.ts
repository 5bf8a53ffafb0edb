/**
 * A small declarative schema for rule options.
 *
 * Why not JSON Schema + ajv: ajv costs ~120 kB and a compile step per schema,
 * and its errors do not name our rules. Options here are flat (booleans,
 * numbers, enums, lists of strings), and the same declarations render the
 * options table in each rule's doc and feed `--print-config`.
 */

/** One option of a rule: its type, default and description. */
export type OptionSpec =
  | {type: 'boolean'; default: boolean; description: string}
  | {type: 'number'; default: number | undefined; min?: number; integer?: boolean; description: string}
  | {type: 'enum'; values: readonly string[]; default: string; description: string}
  | {type: 'string[]'; default: readonly string[]; regex?: boolean; description: string}

/** A rule's options, by name. */
export type OptionsSchema = Record<string, OptionSpec>

/** The option values a schema describes. */
export type OptionsOf<S extends OptionsSchema> = {
  -readonly [K in keyof S]: S[K] extends {type: 'boolean'}
    ? boolean
    : S[K] extends {type: 'number'}
      ? number | undefined
      : S[K] extends {type: 'enum'; values: readonly (infer V)[]}
        ? V
        : readonly string[]
}

/** Thrown for any configuration mistake; `message` names rule, option, value and what was expected. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** JSON.stringify's real result: undefined for undefined, functions and symbols, whatever its type says. */
function stringify(value: unknown): string | undefined {
  return JSON.stringify(value)
}

/** A value as an error message shows it. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  // JSON.stringify shows Infinity and NaN as null.
  if (typeof value === 'number') return String(value)
  try {
    return stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function describe(spec: OptionSpec): string {
  switch (spec.type) {
    case 'boolean':
      return 'true or false'
    case 'number':
      return `${spec.integer ? 'an integer' : 'a number'}${spec.min === undefined ? '' : ` >= ${spec.min}`}`
    case 'enum':
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'string[]':
      return spec.regex ? 'an array of strings or regular expressions (/…/flags)' : 'an array of strings'
  }
}

function valid(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!spec.integer || Number.isInteger(value)) &&
        (spec.min === undefined || value >= spec.min)
      )
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0)
  }
}

/** Deeper than any real setting; deeper input is refused before anything recurses over it. */
const maxOptionDepth = 32

function keyPath(path: ReadonlyArray<string | number>): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : /^[a-z_$][\w$]*$/i.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join('')
}

/**
 * Options are plain data, as a JSON or YAML config gives them: objects,
 * arrays, strings, finite numbers, booleans and null. Anything else (a cycle,
 * a BigInt, a function, Infinity) is a ConfigError naming where it is, rather
 * than a TypeError from deep inside. Iterative, so no depth of nesting can
 * overflow the stack, and linear in the size of `value`.
 */
export function checkPlainData(value: unknown, name: string): void {
  const fail = (path: ReadonlyArray<string | number>, problem: string): never => {
    throw new ConfigError(`${name}${keyPath(path)} ${problem}`)
  }
  const ancestors = new Set<object>()
  // Each entry is a value to check, or the marker that its children are done.
  const stack: Array<{value: unknown; path: Array<string | number>; exit?: object}> = [{value, path: []}]
  while (stack.length > 0) {
    const {value: item, path, exit} = stack.pop()!
    if (exit) {
      ancestors.delete(exit)
      continue
    }
    switch (typeof item) {
      case 'string':
      case 'boolean':
      case 'undefined':
        continue
      case 'number':
        if (!Number.isFinite(item)) fail(path, `is ${item}; use a finite number`)
        continue
      case 'bigint':
        fail(path, `is a BigInt (${item}n); use a number`)
        break
      case 'object':
        break
      default:
        fail(path, `is a ${typeof item}; options are plain data (objects, arrays, strings, numbers, booleans)`)
    }
    if (item === null) continue
    // Only objects are left: every other typeof continued or failed above.
    const node = item as object
    if (ancestors.has(node)) fail(path, 'refers back to an object that contains it (a cycle); options are plain data')
    if (path.length >= maxOptionDepth) fail(path.slice(0, 3), `nests deeper than ${maxOptionDepth} levels`)
    const proto: unknown = Object.getPrototypeOf(node)
    if (!Array.isArray(node) && proto !== Object.prototype && proto !== null) {
      // A prototype without a constructor (Object.create(Object.create(null))) has no name to show.
      const {constructor} = node as {constructor?: {name: string}}
      fail(path, `is a ${constructor?.name ?? 'class instance'}; options are plain data (objects, arrays, strings, numbers, booleans)`)
    }
    ancestors.add(node)
    stack.push({value: undefined, path, exit: node})
    for (const [key, child] of Object.entries(node)) stack.push({value: child, path: [...path, Array.isArray(node) ? Number(key) : key]})
  }
}

/**
 * Merge user options over the schema's defaults, rejecting unknown keys and
 * wrong types. The result is frozen: rules must not mutate shared config.
 */
export function resolveOptions<S extends OptionsSchema>(ruleId: string, schema: S, input: unknown): OptionsOf<S> {
  if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    throw new ConfigError(`Rule "${ruleId}": options must be an object, got ${show(input)}`)
  }
  const given = (input ?? {}) as Record<string, unknown>
  const names = Object.keys(schema)
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(schema, key)) {
      const known = names.length > 0 ? `known options: ${names.join(', ')}` : 'this rule takes no options'
      throw new ConfigError(`Rule "${ruleId}": unknown option "${key}" (${known})`)
    }
  }
  const result: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(schema)) {
    const value = given[key]
    if (value === undefined) {
      result[key] = spec.default
      continue
    }
    if (!valid(spec, value)) {
      throw new ConfigError(`Rule "${ruleId}": option "${key}" must be ${describe(spec)}, got ${show(value)}`)
    }
    result[key] = Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value
  }
  return Object.freeze(result) as OptionsOf<S>
}

export {describe as describeOption}
