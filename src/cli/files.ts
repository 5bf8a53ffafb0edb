/**
 * Which files a run lints: paths, directories (walked) and globs, minus
 * ignored ones.
 *
 * Always skipped: `node_modules` and `.git`. Then `.gitignore` and
 * `.liaisonignore` (same syntax), read from the file's directory and each
 * parent up to the repository root (the first directory holding `.git`),
 * each relative to its own directory, deeper files winning as in git. Then
 * the `ignores` of the config that applies to the file (a callback, since
 * configs are found per file).
 *
 * A file named on the command line that is ignored is reported with a
 * warning rather than silently dropped (as ESLint does); a directory or glob
 * that yields nothing is an error.
 */
import {existsSync} from 'node:fs'
import {readdir, readFile, stat} from 'node:fs/promises'
import {dirname, join, relative, resolve} from 'node:path'
import type {Ignore} from 'ignore'
import {displayPath, posix} from './paths.ts'
import {CliError} from './errors.ts'
import {extensions, type FileKind, fileKind, whyNotLinted} from './kinds.ts'

export interface Target {
  path: string
  kind: FileKind
}

export interface Discovery {
  files: Target[]
  /** Files named explicitly but ignored, with the reason. */
  ignored: Array<{path: string; reason: string}>
}

/** Why a file is ignored by its config, or undefined. */
export type ConfigIgnores = (path: string) => Promise<string | undefined>

const ignoreFileNames = ['.gitignore', '.liaisonignore']
const alwaysSkipped = new Set(['node_modules', '.git'])
const globMagic = /[*?[\]{}()!]/

interface Layer {
  base: string
  file: string
  matcher: Ignore
}

let makeIgnore: (() => Ignore) | undefined

/** A gitignore-syntax matcher; the package is loaded only when there are patterns. */
export async function createMatcher(patterns: string | readonly string[]): Promise<Ignore> {
  makeIgnore ??= (await import('ignore')).default as unknown as () => Ignore
  return makeIgnore().add(patterns as string[])
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
export function byPath(a: {path: string}, b: {path: string}): number {
  return Number(a.path > b.path) - Number(a.path < b.path)
}

export class IgnoreFiles {
  readonly #layers = new Map<string, Promise<Layer[]>>()

  #own = async (dir: string): Promise<Layer[]> => {
    const layers: Layer[] = []
    for (const name of ignoreFileNames) {
      const file = join(dir, name)
      let content: string
      try {
        content = await readFile(file, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') continue
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`)
      }
      if (content.trim()) layers.push({base: dir, file, matcher: await createMatcher(content)})
    }
    return layers
  }

  /** Ignore files that apply inside `dir`, outermost first. */
  layers(dir: string): Promise<Layer[]> {
    let layers = this.#layers.get(dir)
    if (!layers) {
      const parent = dirname(dir)
      const isTop = parent === dir || existsSync(join(dir, '.git'))
      layers = Promise.all([isTop ? [] : this.layers(parent), this.#own(dir)]).then(([outer, own]) => [...outer, ...own])
      this.#layers.set(dir, layers)
    }
    return layers
  }

  /** The ignore file that ignores `path`, if any. */
  async ignoredBy(path: string, isDirectory: boolean): Promise<string | undefined> {
    let by: string | undefined
    for (const layer of await this.layers(dirname(path))) {
      const rel = posix(relative(layer.base, path)) + (isDirectory ? '/' : '')
      const {ignored, unignored} = layer.matcher.test(rel)
      if (ignored) by = layer.file
      else if (unignored) by = undefined
    }
    return by
  }
}

/**
 * Why `path` is not linted, or undefined: inside node_modules/.git, matched
 * by an ignore file, or by the `ignores` of its config.
 */
export function createIgnoreCheck(cwd: string, configIgnores: ConfigIgnores, ignoreFiles = new IgnoreFiles()) {
  return async (path: string): Promise<string | undefined> => {
    const skipped = posix(relative(cwd, path)).split('/').find((part) => alwaysSkipped.has(part))
    if (skipped) return `it is inside ${skipped}`
    const by = await ignoreFiles.ignoredBy(path, false)
    if (by) return `of a pattern in ${displayPath(by, cwd)}`
    return configIgnores(path)
  }
}

export async function findFiles(patterns: readonly string[], cwd: string, configIgnores: ConfigIgnores): Promise<Discovery> {
  const ignoreFiles = new IgnoreFiles()
  const whyIgnored = createIgnoreCheck(cwd, configIgnores, ignoreFiles)
  const files = new Map<string, Target>()
  const ignored: Discovery['ignored'] = []
  const kinds = extensions.join(', ')

  /** Collects drafts under `dir` into `found`; returns how many folders it skipped as ignored. */
  async function walk(dir: string, found: string[]): Promise<number> {
    let skipped = 0
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      if (alwaysSkipped.has(entry.name)) continue
      const path = join(dir, entry.name)
      // Directory symlinks are not followed (no cycles); file symlinks are.
      if (entry.isDirectory()) {
        if (await ignoreFiles.ignoredBy(path, true)) skipped++
        else skipped += await walk(path, found)
      } else if (fileKind(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()))) {
        found.push(path)
      }
    }
    return skipped
  }

  /** Adds the files that are not ignored; returns how many were. */
  async function keep(candidates: string[]): Promise<number> {
    let kept = 0
    for (const path of candidates) {
      if (await whyIgnored(path)) continue
      files.set(path, {path, kind: fileKind(path)!})
      kept++
    }
    return kept
  }

  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const path = resolve(cwd, pattern)
    const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw new CliError(`cannot read ${pattern}: ${error.message}`)
    })
    if (stats?.isFile()) {
      const kind = fileKind(path)
      if (!kind) throw new CliError(`${pattern}: ${whyNotLinted(path)}`)
      const reason = await whyIgnored(path)
      if (reason) ignored.push({path, reason})
      else files.set(path, {path, kind})
    } else if (stats?.isDirectory()) {
      const found: string[] = []
      const skipped = await walk(path, found)
      if (found.length === 0 && skipped === 0) throw new CliError(`${pattern}: no ${kinds} files found`)
      if ((await keep(found)) === 0) throw new CliError(`${pattern}: every file found is ignored`)
    } else if (globMagic.test(pattern)) {
      const {glob} = await import('tinyglobby')
      const matches = (
        await glob(pattern, {cwd, absolute: true, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**']})
      )
        .map((match) => resolve(match))
        .filter((match) => fileKind(match))
        .sort()
      if (matches.length === 0) throw new CliError(`${pattern}: no ${kinds} files match`)
      if ((await keep(matches)) === 0) throw new CliError(`${pattern}: every matching file is ignored`)
    } else {
      throw new CliError(`${pattern}: no such file or directory`)
    }
  }
  return {files: [...files.values()].sort(byPath), ignored: ignored.sort(byPath)}
}
