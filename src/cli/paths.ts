/** How the command shows paths: relative to the working directory when inside it. */
import {existsSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, sep} from 'node:path'

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/** Forward slashes, as ignore patterns, globs and SARIF URIs expect. */
export function posix(path: string): string {
  /* v8 ignore next -- @preserve Windows separators; the tests run on POSIX */
  return sep === '/' ? path : path.split(sep).join('/')
}

/** The first folder from `dir` upward that holds `.git`, or `dir` itself when there is none. */
export function repositoryRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at
    if (dirname(at) === at) return dir
  }
}
