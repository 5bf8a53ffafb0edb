/**
 * The package's version, read from its package.json at run time: importing
 * the JSON would make tsc copy it into dist/. The file sits two levels up
 * from src/cli/ and three from dist/src/cli/.
 */
import {readFileSync} from 'node:fs'

export function version(): string {
  for (const up of ['../../', '../../../']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8')) as {name?: string; version?: string}
      /* v8 ignore next 4 -- @preserve only from the built dist/ is the first level not the package's root */
      if (pkg.name === 'liaison' && pkg.version) return pkg.version
    } catch {
      // Not at this level; try the next.
    }
  }
  /* v8 ignore next -- @preserve the package always ships its package.json */
  return '0.0.0'
}
