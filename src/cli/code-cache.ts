/**
 * Loading the built command's chunks with V8's code cache. Compiling ~500 kB
 * of JavaScript is a large part of a short run's start-up, and Node 20 can
 * only reuse compiled code for scripts compiled through `node:vm`: so the
 * command is bundled as CommonJS chunks (scripts/build-cli.mjs), which its
 * entry points (bin.ts, lsp/worker-main.ts) load here, with a cache of each
 * chunk's compiled code written when the process is done with it.
 *
 * Cached data is code V8 runs without checking it, so the cache is only read
 * from a folder of the user's own: `$XDG_CACHE_HOME/liaison` or
 * `~/.cache/liaison`, created 0700, and read only while it and the file are
 * owned by the current user and writable by nobody else (not followed through
 * a symbolic link). A file is named by the chunk's SHA-256 (taken by the
 * build: loading node:crypto alone would cost a run ~3 ms), its size and
 * modification time (so a chunk edited in place is compiled afresh), the Node
 * version, the platform and the flags, and written to a temporary file that
 * is then renamed over it, so a reader never sees half a file. Whatever goes wrong
 * (no home, a read-only disk, a corrupt or foreign file) costs only the
 * cache: the chunk is compiled from its source, as without one.
 * Each upgrade names new files, so a run that writes the cache also removes
 * the files of this cache that nothing has read for 30 days; a read touches a
 * file a week old or more, so a cache in use is never removed, and a run that
 * only reads never lists the folder.
 * `LIAISON_NO_CODE_CACHE=1` turns it off; `NODE_DEBUG=liaison` says what it
 * does. Windows has no owner check to rely on, so there the cache is off.
 */
import {closeSync, constants, fstatSync, futimesSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, type Stats, unlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {basename, dirname, isAbsolute, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {debuglog} from 'node:util'
import {Script} from 'node:vm'

/* v8 ignore start -- @preserve runs only in the built command's processes, which coverage does not see; test/cli/code-cache.test.ts spawns them */

const debug = debuglog('liaison')

/** Each chunk's SHA-256 by file name, written in by scripts/build-cli.mjs. */
declare const LIAISON_CHUNK_HASHES: Record<string, string>

/** 64-bit FNV-1a of `text` (two 32-bit lanes), in hex: a short file name for a long key. */
function fnv(text: string): string {
  let low = 0x811c9dc5
  let high = 0xcbf29ce4
  for (let i = 0; i < text.length; i++) {
    low = Math.imul(low ^ text.charCodeAt(i), 0x01000193)
    high = Math.imul(high ^ text.charCodeAt(i), 0x01000193) ^ (low >>> 7)
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0')
}

/** The folder of the cache, or why there is none. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | {off: string} {
  if (env.LIAISON_NO_CODE_CACHE === '1') return {off: 'LIAISON_NO_CODE_CACHE=1'}
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return {off: 'no owner check on this platform'}
  const xdg = env.XDG_CACHE_HOME
  // The XDG spec: a relative path is invalid and ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'liaison')
  const home = homedir()
  return home ? join(home, '.cache', 'liaison') : {off: 'no home folder'}
}

const day = 86_400_000
/** A cache file nothing has read for this long is removed (by a run that writes the cache). */
const unusedFor = 30 * day
/** A read touches a file this old, so that a cache in use never looks unused. */
const touchAfter = 7 * day
/** The files this cache writes: `<chunk>-<key>.v8`, and the temporary files they are written through. */
const ownName = /^[\w-]+-[\da-f]{16}\.v8(?:\.\d+-[\da-z]+\.tmp)?$/

/** Owned by this user and writable by no one else: the same trust as the user's own files. */
const isOwn = (stats: Stats): boolean => stats.uid === process.getuid!() && (stats.mode & 0o022) === 0

/** Why `folder` may not be trusted, or undefined when it may. */
function distrust(folder: string): string | undefined {
  const stats = lstatSync(folder)
  if (!stats.isDirectory()) return `${folder} is not a folder`
  if (!isOwn(stats)) return `${folder} is not this user's alone (owner ${stats.uid}, mode ${(stats.mode & 0o777).toString(8)})`
  return undefined
}

function read(folder: string, name: string): Buffer | undefined {
  try {
    const why = distrust(folder)
    if (why) {
      debug('code cache not read: %s', why)
      return undefined
    }
  } catch {
    return undefined // No folder yet: the first run.
  }
  let fd: number
  try {
    fd = openSync(join(folder, name), constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch {
    return undefined
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isFile() && isOwn(stats)) {
      if (stats.mtimeMs < Date.now() - touchAfter) touch(fd)
      return readFileSync(fd)
    }
    debug('code cache not read: %s is not a file of this user alone', join(folder, name))
    return undefined
  } finally {
    closeSync(fd)
  }
}

function write(folder: string, name: string, data: Buffer): void {
  const file = join(folder, name)
  // 'wx' below refuses a name already taken; no other live process has this pid.
  const temp = `${file}.${process.pid}-${Date.now().toString(36)}.tmp`
  try {
    mkdirSync(folder, {recursive: true, mode: 0o700})
    const why = distrust(folder)
    if (why) {
      debug('code cache not written: %s', why)
      return
    }
    writeFileSync(temp, data, {mode: 0o600, flag: 'wx'})
    renameSync(temp, file)
    debug('code cache written: %s', file)
  } catch (error) {
    debug('code cache not written: %s', (error as Error).message)
    try {
      rmSync(temp, {force: true})
    } catch {
      // There was no folder to write it in.
    }
  }
}

function touch(fd: number): void {
  try {
    const now = new Date()
    futimesSync(fd, now, now)
  } catch {
    // A read-only disk: the file may be removed after 30 days and written again.
  }
}

/** Remove this cache's files (never another file in the folder) that nothing has read for `unusedFor`. */
function prune(folder: string): void {
  const before = Date.now() - unusedFor
  try {
    const why = distrust(folder)
    if (why) {
      debug('code cache not pruned: %s', why)
      return
    }
    for (const name of readdirSync(folder)) {
      if (!ownName.test(name)) continue
      const file = join(folder, name)
      const stats = lstatSync(file)
      if (!stats.isFile() || stats.mtimeMs >= before) continue
      unlinkSync(file)
      debug('code cache removed: %s (unused for 30 days)', file)
    }
  } catch (error) {
    debug('code cache not pruned: %s', (error as Error).message)
  }
}

/** A script compiled without usable cached data, to be cached once the process is done with it. */
interface Pending {
  script: Script
  name: string
}

export interface ChunkLoader {
  /** The exports of the CommonJS chunk at `url`, run once. */
  load(url: URL): unknown
  /** Write the cache of every chunk compiled from source, with everything compiled since (call when done). */
  save(): void
}

export function createChunkLoader(env: NodeJS.ProcessEnv): ChunkLoader {
  const folder = cacheFolder(env)
  if (typeof folder !== 'string') debug('code cache off: %s', folder.off)
  // Flags change the code V8 makes, so they are part of a cache file's name.
  const flags = `${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${env.NODE_OPTIONS ?? ''}`
  const modules = new Map<string, {exports: unknown}>()
  const pending: Pending[] = []

  function load(file: string): unknown {
    const known = modules.get(file)
    if (known) return known.exports
    const module = {exports: {} as unknown}
    modules.set(file, module)
    const fd = openSync(file, 'r')
    let source: Buffer
    let stats: Stats
    try {
      stats = fstatSync(fd)
      source = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
    const built = LIAISON_CHUNK_HASHES[basename(file)]
    const name = built && `${basename(file, '.cjs')}-${fnv(`${built}\0${stats.size}\0${stats.mtimeMs}\0${flags}`)}.v8`
    const cachedData = typeof folder === 'string' && name ? read(folder, name) : undefined
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {filename: file, cachedData})
    if (cachedData && !script.cachedDataRejected) debug('loaded %s, compiled code from the cache', basename(file))
    else {
      debug('loaded %s, compiled from source%s', basename(file), cachedData ? ' (cache rejected by V8)' : '')
      if (typeof folder === 'string' && name) pending.push({script, name})
    }
    const nodeRequire = createRequire(file)
    // Chunks require each other by relative path; everything else (Node's modules, yaml) is Node's.
    const require = (id: string): unknown => (id.startsWith('./') ? load(join(dirname(file), id)) : nodeRequire(id))
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void
    wrapper.call(module.exports, module.exports, require, module, file, dirname(file))
    return module.exports
  }

  return {
    load: (url) => load(fileURLToPath(url)),
    save() {
      if (typeof folder !== 'string' || pending.length === 0) return
      for (const {script, name} of pending.splice(0)) write(folder, name, script.createCachedData())
      prune(folder)
    },
  }
}
/* v8 ignore stop */
