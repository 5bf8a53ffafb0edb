/**
 * A project as the command line sees it: the config that applies to a file,
 * which of its blocks apply, the settings they make, what the config
 * ignores, and the options a file is linted with. `liaison` and
 * `liaison lsp` both lint through this one module, so an editor and CI never
 * disagree about a file. Everything is cached per config; a changed config
 * means a new project (the language server makes one when a config changes).
 */
import {relative, resolve} from 'node:path'
import type {Ignore} from 'ignore'
import {type BlockMatcher, createBlockMatcher, type FileBlocks} from './blocks.ts'
import {type ConfigLoaderOptions, createConfigLoader, type LoadedConfig} from './config/load.ts'
import {createMatcher} from './files.ts'
import {posix, repositoryRoot} from './paths.ts'
import {type Overrides, type Settings, settingsFor} from './settings.ts'
import type {FileLintOptions} from './templates.ts'

export interface ProjectOptions extends ConfigLoaderOptions {
  /** `--preset`, `--rule` and `--channel`, already checked. */
  overrides: Overrides
}

/** How one file is linted: its config, the blocks that apply, and the options for lintFile(). */
export interface FileSetup {
  loaded: LoadedConfig
  blocks: number[]
  settings: Settings
  options: FileLintOptions
}

export function createProject({overrides, ...loaderOptions}: ProjectOptions) {
  const {cwd} = loaderOptions
  const configs = createConfigLoader(loaderOptions)
  const root = repositoryRoot(cwd)
  const blockMatchers = new Map<LoadedConfig, BlockMatcher>()
  const ignoreMatchers = new Map<LoadedConfig, Promise<Ignore>>()
  const settingsCache = new Map<string, Settings>()
  const configFile = loaderOptions.configFile === undefined ? undefined : resolve(cwd, loaderOptions.configFile)

  async function matcherOf(path: string): Promise<{loaded: LoadedConfig; matcher: BlockMatcher}> {
    const loaded = await configs.forFile(path)
    let matcher = blockMatchers.get(loaded)
    if (!matcher) blockMatchers.set(loaded, (matcher = createBlockMatcher(loaded, root)))
    return {loaded, matcher}
  }

  function settingsOf(loaded: LoadedConfig, blocks: readonly number[]): Settings {
    const key = `${loaded.filepath ?? ''}\0${blocks.join(',')}`
    let settings = settingsCache.get(key)
    if (!settings) settingsCache.set(key, (settings = settingsFor(loaded, blocks, overrides)))
    return settings
  }

  return {
    /** The config that applies to `path`, and which blocks apply to it. */
    matcherOf,
    settingsOf,
    /** Every file's settings resolved so far: the rules a report must describe come from them. */
    allSettings: () => settingsCache.values(),
    /** The blocks that apply to `path`, and whether it is a message (and why not). */
    judge: async (path: string): Promise<{loaded: LoadedConfig; found: FileBlocks}> => {
      const {loaded, matcher} = await matcherOf(path)
      return {loaded, found: await matcher.judge(path)}
    },
    /** Why the config ignores `path` (its `ignores`), or undefined. */
    configIgnores: async (path: string): Promise<string | undefined> => {
      // A config given with -c may sit among the templates, and may be YAML or JSON itself.
      if (path === configFile) return 'it is the config file given with --config'
      const loaded = await configs.forFile(path)
      const patterns = loaded.config.ignores
      if (patterns.length === 0) return undefined
      const rel = posix(relative(loaded.base, path))
      if (rel.startsWith('../')) return undefined
      let matcher = ignoreMatchers.get(loaded)
      if (!matcher) ignoreMatchers.set(loaded, (matcher = createMatcher(patterns)))
      return (await matcher).ignores(rel) ? `of "ignores" in ${loaded.label}` : undefined
    },
    /** Everything lintFile() needs for the file at `path`; `filePath` is what reports call it, `label` how errors name it. */
    setup: async (path: string, filePath: string, label: string): Promise<FileSetup> => {
      const {loaded, matcher} = await matcherOf(path)
      const blocks = await matcher.blocks(path)
      const settings = settingsOf(loaded, blocks)
      // Folders above the config's say nothing about a template's channel (channels.ts).
      const fromBase = relative(loaded.base, path)
      const channelPath = fromBase.startsWith('..') ? relative(cwd, path) : fromBase
      return {loaded, blocks, settings, options: {...settings, path: filePath, label, channelPath}}
    },
  }
}

export type Project = ReturnType<typeof createProject>
