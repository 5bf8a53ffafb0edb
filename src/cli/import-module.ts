/**
 * `import()` of a module outside the bundle: a JavaScript config or a plugin.
 * The built command's chunks run as scripts (see code-cache.ts), where
 * `import()` needs an experimental flag; its entry, which Node loads itself,
 * lends its own under this key.
 */
export const importKey = Symbol.for('liaison.importModule')

type Import = (specifier: string) => Promise<unknown>

export function importModule(specifier: string): Promise<unknown> {
  const lent = (globalThis as Record<symbol, Import | undefined>)[importKey]
  /* v8 ignore next -- @preserve lent only in the built command, which coverage does not see */
  return lent ? lent(specifier) : import(specifier)
}
