/**
 * What is a message, and which config blocks apply to it (ESLint's flat
 * config, read the same way).
 *
 * - A file is a message when a block's `files` globs match it (and that
 *   block's `ignores` do not). When no block of the config names `files`,
 *   the default globs below decide; once one does, only configured `files`
 *   count, so a team that keeps its messages in `copy/` does not also get
 *   `templates/` linted.
 * - The blocks that apply to a file are those without `files` and those
 *   whose `files` match it, minus those whose `ignores` match it, in order:
 *   later ones win (settings.ts layers them).
 *
 * Globs are picomatch's (`*` stays within a folder, `**` crosses folders,
 * dot files match), relative to the config's folder; a pattern ending in `/`
 * means everything under that folder. The default globs are relative to the
 * repository root instead (the first folder upward from the working directory
 * that holds `.git`, else the working directory), whichever config applies:
 * `cd drafts && liaison` finds the same messages as `liaison drafts`, and a
 * config kept inside `drafts/` does not make `drafts/` itself stop matching.
 */
import {isAbsolute, relative} from 'node:path'
import type {Ignore} from 'ignore'
import type {LoadedConfig} from './config/load.ts'
import type {ConfigBlock} from './config/sections.ts'
import {createMatcher} from './files.ts'
import {posix} from './paths.ts'

/** Where teams keep drafts and templates; what `liaison` lints with no `files` configured. */
export const defaultFiles: readonly string[] = [
  'drafts/**',
  'templates/**',
  'incidents/**',
  'status/**',
  'statuspage/**',
  'status-page/**',
  'comms/**',
  '**/*.update.*',
]

/**
 * A folder's own documentation, never a message even where `files` matches:
 * `templates/README.md`, `drafts/CHANGELOG.md`. Named on the command line,
 * such a file is still linted (you asked for it).
 */
const documentation = /^(?:readme|changelog|changes|history|contributing|code[-_]of[-_]conduct|security|support|license|licence|authors|notice)(?:\.[^.]+)?$/i

/** Why `path`'s name makes it documentation, if it does. */
export function documentationWhy(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  return documentation.test(name) ? `${name} documents the folder (README, CHANGELOG, CONTRIBUTING and the like); it is not a message` : undefined
}

export interface FileBlocks {
  /** Whether `files` (configured or default) says the file is a message. */
  message: boolean
  /** Indexes of the blocks that apply, in order. */
  blocks: number[]
  /** Why it is not a message, for --debug and error hints. */
  why?: string
}

type Glob = (path: string) => boolean

interface CompiledBlock {
  files?: Glob
  ignores?: Ignore
}

let picomatch: typeof import('picomatch') | undefined

/** A matcher for globs; picomatch is loaded only when a run looks at `files`. */
async function compileGlobs(patterns: readonly string[]): Promise<Glob> {
  picomatch ??= (await import('picomatch')).default
  // `drafts/` is the folder's contents, as in .gitignore and ESLint's `ignores`.
  const normalised = patterns.map((pattern) => pattern.replace(/^\.\//, '').replace(/\/$/, '/**'))
  return picomatch(normalised, {dot: true})
}

/** Names a block of `loaded` in messages: its `name`, else its place in the config. */
export function blockLabel(loaded: LoadedConfig, index: number): string {
  const {name} = loaded.config.blocks[index]!
  return name === undefined ? `block ${index + 1}` : JSON.stringify(name)
}

export interface BlockMatcher {
  /** The blocks that apply to `path`, in order. */
  blocks(path: string): Promise<number[]>
  /** Those, and whether `path` is a message (and why not). */
  judge(path: string): Promise<FileBlocks>
}

/**
 * Which blocks apply to a file of `loaded`, and whether it is a message;
 * compiled once per config, the default globs only when a run asks whether
 * a file is a message (linting a file named on the command line does not).
 * `root` is what the default globs are relative to.
 */
export function createBlockMatcher(loaded: LoadedConfig, root: string): BlockMatcher {
  const {blocks} = loaded.config
  const configured = blocks.some((block) => block.files !== undefined)
  let compiled: Promise<CompiledBlock[]> | undefined
  let defaults: Promise<Glob> | undefined

  const compile = () =>
    Promise.all(
      blocks.map(async (block: ConfigBlock) => ({
        ...(block.files ? {files: await compileGlobs(block.files)} : {}),
        ...(block.ignores ? {ignores: await createMatcher(block.ignores)} : {}),
      })),
    )

  async function match(path: string): Promise<{applying: number[]; matched: boolean; outside: boolean}> {
    const matchers = await (compiled ??= compile())
    const rel = posix(relative(loaded.base, path))
    const outside = rel.startsWith('../') || isAbsolute(rel)
    const applying: number[] = []
    let matched = false
    matchers.forEach((matcher, index) => {
      if (matcher.ignores && !outside && matcher.ignores.ignores(rel)) return
      if (matcher.files) {
        if (outside || !matcher.files(rel)) return
        matched = true
      }
      applying.push(index)
    })
    return {applying, matched, outside}
  }

  return {
    blocks: async (path) => (await match(path)).applying,
    async judge(path) {
      const {applying, matched, outside} = await match(path)
      let message = matched
      if (!configured) {
        const fromRoot = posix(relative(root, path))
        message = !(fromRoot.startsWith('../') || isAbsolute(fromRoot)) && (await (defaults ??= compileGlobs(defaultFiles)))(fromRoot)
      }
      const documents = message ? documentationWhy(path) : undefined
      if (documents) return {message: false, blocks: applying, why: documents}
      if (message) return {message, blocks: applying}
      const why = !configured
        ? `it is not where messages are kept by default (${defaultFiles.join(', ')}); set "files" in a config to say where yours are`
        : outside
          ? `it is outside ${posix(loaded.base)}, where the "files" of ${loaded.label} start`
          : `no "files" pattern in ${loaded.label} matches it`
      return {message, blocks: applying, why}
    },
  }
}
