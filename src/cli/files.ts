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
 * that yields nothing to lint is an error (unless --messages-only).
 */
import * as nodeFs from 'node:fs'
import {existsSync} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {dirname, join, relative, resolve, sep} from 'node:path'
import type {Ignore} from 'ignore'
import {displayPath, posix} from './paths.ts'
import {CliError} from './errors.ts'
import {extensions, type FileKind, fileKind, whyNotLinted} from './kinds.ts'

export interface Target {
  path: string
  kind: FileKind
  /** Named on the command line (rather than found by a walk or a glob). */
  named: boolean
}

export interface Discovery {
  files: Target[]
  /** Files named explicitly but ignored, with the reason. */
  ignored: Array<{path: string; reason: string}>
  /** Files passed by (found but not messages, ignored, outside --ext), with the reason, for --debug. */
  skipped: Array<{path: string; reason: string}>
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
  return makeIgnore().add(patterns)
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

/** A symlink that resolves to a file inside the folder `top` (a real path). */
async function linkedFileInside(path: string, top: string): Promise<boolean> {
  const target = await realpath(path).catch(() => undefined)
  if (target === undefined || !target.startsWith(`${top}${sep}`)) return false
  return (await stat(target)).isFile()
}

/**
 * Node's fs for tinyglobby, except that a folder it cannot read is recorded
 * in `unreadable`: tinyglobby (fdir) skips such folders silently.
 */
function reportingFs(unreadable: Array<{path: string; error: Error}>): typeof nodeFs {
  const readdir = ((path: string, options: object, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    nodeFs.readdir(path, options, (error, entries) => {
      // A folder that vanished mid-walk is not a folder we failed to read.
      if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') unreadable.push({path, error})
      callback(error, entries)
    })) as typeof nodeFs.readdir
  return {...nodeFs, readdir}
}

export interface FindOptions {
  /** Why the config ignores `path`, or undefined. */
  configIgnores: ConfigIgnores
  /** Why `path` is not a message (see blocks.ts), or undefined. */
  notMessage: (path: string) => Promise<string | undefined>
  /** `--ext`: only these extensions from folders and globs. */
  ext?: readonly string[] | undefined
  /** `--messages-only`: named files are judged like found ones, and finding no message is not an error. */
  messagesOnly?: boolean
}

/**
 * The files to lint. A file named on the command line is linted whatever
 * `files` says (unless --messages-only); a file found by walking a folder or
 * matching a glob is linted only when it is a message, and its extension is
 * in --ext. Every file passed by that way is in `skipped`, with the reason.
 */
export async function findFiles(patterns: readonly string[], cwd: string, options: FindOptions): Promise<Discovery> {
  const {configIgnores, notMessage, ext, messagesOnly = false} = options
  const ignoreFiles = new IgnoreFiles()
  const whyIgnored = createIgnoreCheck(cwd, configIgnores, ignoreFiles)
  const files = new Map<string, Target>()
  const ignored: Discovery['ignored'] = []
  const skipped: Discovery['skipped'] = []
  const kinds = extensions.join(', ')

  /**
   * Collects drafts under `dir` into `found`; returns how many folders it
   * skipped as ignored. `top` is the real path of the folder named on the
   * command line: directory symlinks are not followed (no cycles), file
   * symlinks only when they stay inside it, so a link to /etc/hosts is not
   * quoted into a report.
   */
  async function walk(dir: string, found: string[], top: string): Promise<number> {
    let skippedDirs = 0
    let entries: nodeFs.Dirent[]
    try {
      entries = await readdir(dir, {withFileTypes: true})
    } catch (error) {
      // A folder left out silently would let a CI check pass without reading the drafts in it.
      throw new CliError(`cannot read folder ${displayPath(dir, cwd)}: ${(error as Error).message}`)
    }
    for (const entry of entries) {
      if (alwaysSkipped.has(entry.name)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (await ignoreFiles.ignoredBy(path, true)) skippedDirs++
        else skippedDirs += await walk(path, found, top)
      } else if (fileKind(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await linkedFileInside(path, top))))) {
        found.push(path)
      }
    }
    return skippedDirs
  }

  /** Why a file found by a walk or a glob is passed by, or undefined to lint it. */
  async function passBy(path: string): Promise<string | undefined> {
    const reason = await whyIgnored(path)
    if (reason) return `ignored because ${reason}`
    if (ext && !ext.some((extension) => path.toLowerCase().endsWith(extension))) return `not one of --ext ${ext.join(', ')}`
    const why = await notMessage(path)
    return why === undefined ? undefined : `not a message: ${why}`
  }

  /** Adds the candidates to lint; throws when there were some and none is. */
  async function keep(pattern: string, candidates: string[], what: string): Promise<void> {
    let kept = 0
    let firstSkip: {path: string; reason: string} | undefined
    for (const path of candidates) {
      const reason = await passBy(path)
      if (reason) {
        skipped.push({path, reason})
        firstSkip ??= {path, reason}
        continue
      }
      files.set(path, {path, kind: fileKind(path)!, named: false})
      kept++
    }
    if (kept > 0 || messagesOnly || !firstSkip) return
    const counted = `${candidates.length} ${candidates.length === 1 ? 'file' : 'files'} ${what}`
    const more = candidates.length > 1 ? '; --debug lists every file' : ''
    throw new CliError(`${pattern}: nothing to lint (${counted}): ${displayPath(firstSkip.path, cwd)} is ${firstSkip.reason}${more}`)
  }

  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const path = resolve(cwd, pattern)
    const stats = await stat(path).catch((caught: unknown) => {
      const error = caught as NodeJS.ErrnoException
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw new CliError(`cannot read ${pattern}: ${error.message}`)
    })
    if (stats?.isFile()) {
      const kind = fileKind(path)
      if (!kind) {
        if (messagesOnly) {
          skipped.push({path, reason: `not a message: ${whyNotLinted(path)}`})
          continue
        }
        throw new CliError(`${pattern}: ${whyNotLinted(path)}`)
      }
      const reason = await whyIgnored(path)
      const why = messagesOnly && !reason ? await notMessage(path) : undefined
      if (reason) ignored.push({path, reason})
      else if (why !== undefined) skipped.push({path, reason: `not a message: ${why}`})
      else files.set(path, {path, kind, named: true})
    } else if (stats?.isDirectory()) {
      const found: string[] = []
      const skippedDirs = await walk(path, found, await realpath(path))
      if (found.length === 0 && !messagesOnly) {
        throw new CliError(skippedDirs === 0 ? `${pattern}: no ${kinds} files found` : `${pattern}: nothing to lint: every folder in it is ignored`)
      }
      await keep(pattern, found, 'found')
    } else if (globMagic.test(pattern)) {
      const {glob} = await import('tinyglobby')
      const unreadable: Array<{path: string; error: Error}> = []
      const matches = (
        await glob(pattern, {cwd, absolute: true, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], fs: reportingFs(unreadable)})
      )
        .map((match) => resolve(match))
        .filter((match) => fileKind(match))
        .sort()
      const [first] = unreadable
      if (first) throw new CliError(`${pattern}: cannot read folder ${displayPath(first.path, cwd)}: ${first.error.message}`)
      if (matches.length === 0 && !messagesOnly) throw new CliError(`${pattern}: no ${kinds} files match`)
      await keep(pattern, matches, matches.length === 1 ? 'matches' : 'match')
    } else {
      throw new CliError(`${pattern}: no such file or directory`)
    }
  }
  return {files: [...files.values()].sort(byPath), ignored: ignored.sort(byPath), skipped}
}
