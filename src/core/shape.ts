/** How checks of plain data (options, config sections) name what they were given. */

/** A value as an error message shows it: scalars as JSON, containers by kind. */
export function showValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : JSON.stringify(value)
}

/** An object that is not a list or null: a map of keys in JSON or YAML. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
