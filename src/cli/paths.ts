/** How the command shows paths: relative to the working directory when inside it. */
import {isAbsolute, relative, sep} from 'node:path'

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/** Forward slashes, as ignore patterns, globs and SARIF URIs expect. */
export function posix(path: string): string {
  /* v8 ignore next -- @preserve Windows separators; the tests run on POSIX */
  return sep === '/' ? path : path.split(sep).join('/')
}
