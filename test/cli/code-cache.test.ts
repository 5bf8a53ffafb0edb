/**
 * The built command's code cache (src/cli/code-cache.ts), spawned: written on
 * the first run and read on the next, replaced when V8 rejects it, never read
 * from a folder or file another user could have written, and silent when it
 * cannot be written. What it does is read from NODE_DEBUG=liaison and from
 * the files themselves; what the command prints never depends on it.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, chownSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, project, spawnBin} from './support.ts'

const draft = 'We believe the outage was probably caused by a bad deploy. It should be fixed in 20 minutes.\n'

/** A project with a draft and a cache home of its own; `liaison draft.txt` there, with the cache's debug lines. */
function setup() {
  const dir = project({'draft.txt': draft})
  const home = join(dir, 'cache-home')
  const folder = join(home, 'liaison')
  const lint = (env: Record<string, string> = {}) => {
    const outcome = spawnBin(dir, ['draft.txt'], {env: {XDG_CACHE_HOME: home, NODE_DEBUG: 'liaison', ...env}})
    const debug = outcome.stderr.split('\n').filter((line) => line.startsWith('LIAISON '))
    return {...outcome, debug: debug.map((line) => line.replace(/^LIAISON \d+: /, '')), stderr: outcome.stderr.split('\n').filter((line) => !line.startsWith('LIAISON ')).join('\n')}
  }
  const files = () => readdirSync(folder).sort()
  return {dir, home, folder, lint, files}
}

const fromSource = (debug: string[]) => debug.filter((line) => /^loaded \S+, compiled from source/.test(line))
const fromCache = (debug: string[]) => debug.filter((line) => /^loaded \S+, compiled code from the cache$/.test(line))

describe('the code cache of the built command', () => {
  it('is written by the first run, in a folder of the user alone, and read by the next, with the same output as without it', () => {
    const {folder, lint, files} = setup()
    const first = lint()
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('no-speculation')
    expect(fromSource(first.debug).length).toBeGreaterThanOrEqual(3)
    expect(fromCache(first.debug)).toEqual([])
    expect(statSync(folder).mode & 0o777).toBe(0o700)
    const written = files()
    expect(written.length).toBe(fromSource(first.debug).length)
    expect(written.every((name) => name.endsWith('.v8') && (statSync(join(folder, name)).mode & 0o777) === 0o600)).toBe(true)
    const mtimes = written.map((name) => statSync(join(folder, name)).mtimeMs)

    const second = lint()
    expect(fromSource(second.debug)).toEqual([])
    expect(fromCache(second.debug).length).toBe(written.length)
    expect(second.debug.filter((line) => line.startsWith('code cache written'))).toEqual([])
    expect(files()).toEqual(written)
    expect(written.map((name) => statSync(join(folder, name)).mtimeMs)).toEqual(mtimes)

    const off = lint({LIAISON_NO_CODE_CACHE: '1'})
    expect(off.debug).toContain('code cache off: LIAISON_NO_CODE_CACHE=1')
    expect(fromCache(off.debug)).toEqual([])
    expect(files()).toEqual(written)
    for (const run of [second, off]) expect({code: run.code, stdout: run.stdout, stderr: run.stderr}).toEqual({code: first.code, stdout: first.stdout, stderr: first.stderr})
  })

  it('replaces a corrupt file, or the cache of another chunk, and prints the same', () => {
    const {folder, lint, files} = setup()
    const first = lint()
    // Largest first: the rules' chunk, the command's, then the smallest.
    const [largest, middle, smallest] = files().sort((a, b) => statSync(join(folder, b)).size - statSync(join(folder, a)).size)
    writeFileSync(join(folder, largest!), 'not code at all')
    writeFileSync(join(folder, smallest!), readFileSync(join(folder, middle!)))
    const second = lint()
    expect(second.debug.filter((line) => line.includes('(cache rejected by V8)'))).toHaveLength(2)
    expect(second.debug.filter((line) => line.startsWith('code cache written'))).toHaveLength(2)
    expect(readFileSync(join(folder, largest!), 'utf8')).not.toBe('not code at all')
    expect({code: second.code, stdout: second.stdout, stderr: second.stderr}).toEqual({code: first.code, stdout: first.stdout, stderr: first.stderr})
    expect(fromSource(lint().debug)).toEqual([])
  })

  it('compiles a chunk edited in place from its source, even at the same length', () => {
    const {dir, home} = setup()
    // A copy of the built command, to edit.
    const copy = join(dir, 'cli')
    cpSync(dirname(bin), copy, {recursive: true})
    const lint = () => spawnSync(process.execPath, [join(copy, 'bin.js'), 'draft.txt'], {cwd: dir, encoding: 'utf8', env: {PATH: process.env.PATH, XDG_CACHE_HOME: home, NODE_DEBUG: 'liaison'}}).stderr
    lint()
    expect(lint()).toContain('loaded run.cjs, compiled code from the cache')
    const run = join(copy, 'run.cjs')
    const source = readFileSync(run, 'utf8')
    expect(source).toContain('internal error')
    writeFileSync(run, source.replace('internal error', 'internal fault'))
    expect(lint()).toContain('loaded run.cjs, compiled from source')
  })

  it('forgets what no run has read for 30 days, when a run writes the cache, and keeps what runs still read', () => {
    const {folder, lint, files} = setup()
    lint()
    const current = files()
    const daysAgo = (days: number) => (Date.now() - days * 86_400_000) / 1000
    const age = (name: string, days: number) => utimesSync(join(folder, name), daysAgo(days), daysAgo(days))
    // What an older version left: its chunks' caches, a temporary file of a run that was killed; and a file not of ours.
    const stale = ['bin-lint-OLDHASH1-0123456789abcdef.v8', 'run-0123456789abcdef.v8.4242-lz2.tmp']
    for (const name of [...stale, 'README']) {
      writeFileSync(join(folder, name), 'old', {mode: 0o600})
      age(name, 40)
    }
    writeFileSync(join(folder, 'bin-lint-RECENT00-0123456789abcdef.v8'), 'recent', {mode: 0o600})
    // A cache file still in use but last written 20 days ago is touched when read (a week old or more), so it is never forgotten.
    const [inUse, rejected] = current
    age(inUse!, 20)
    const hit = lint()
    expect(hit.debug.filter((line) => line.startsWith('code cache written'))).toEqual([])
    // Pruning is part of writing: a run that only reads does not list the folder.
    expect(files()).toEqual([...current, ...stale, 'README', 'bin-lint-RECENT00-0123456789abcdef.v8'].sort())
    expect(statSync(join(folder, inUse!)).mtimeMs).toBeGreaterThan(daysAgo(1) * 1000)
    // An upgrade (here: a cache V8 rejects) writes, and forgets the files no run has read for 30 days.
    age(inUse!, 40)
    writeFileSync(join(folder, rejected!), 'not code at all')
    const upgrade = lint()
    expect(upgrade.debug.filter((line) => line.startsWith('code cache written'))).toHaveLength(1)
    expect(upgrade.debug.filter((line) => line.startsWith('code cache removed')).sort()).toEqual(stale.map((name) => `code cache removed: ${join(folder, name)} (unused for 30 days)`).sort())
    expect(files()).toEqual([...current, 'README', 'bin-lint-RECENT00-0123456789abcdef.v8'].sort())
    expect(fromSource(lint().debug)).toEqual([])
  })

  it('is silent, and the run unchanged, where it cannot be written', () => {
    const {dir, home, lint} = setup()
    writeFileSync(home, 'a file where the cache folder would go')
    const run = spawnBin(dir, ['draft.txt'], {env: {XDG_CACHE_HOME: home}})
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('no-speculation')
    expect(lint().debug.filter((line) => line.startsWith('code cache not written'))).not.toEqual([])
  })

  it('is neither read nor written where another user could have written it', () => {
    const {folder, lint, files} = setup()
    lint()
    const written = files()
    const untrusted = (change: () => void, undo: () => void) => {
      change()
      const run = lint()
      undo()
      expect(fromCache(run.debug)).toEqual([])
      expect(run.debug.filter((line) => line.startsWith('code cache not read')).length).toBeGreaterThan(0)
      expect(files()).toEqual(written)
    }
    // A folder anyone may write into.
    untrusted(() => chmodSync(folder, 0o777), () => chmodSync(folder, 0o700))
    // Files the group may write (replaced, since the folder is the user's own).
    const chmodAll = (mode: number) => () => {
      for (const name of written) chmodSync(join(folder, name), mode)
    }
    untrusted(chmodAll(0o620), chmodAll(0o600))
    // A folder of another user (only root can give one away).
    if (process.getuid?.() === 0) untrusted(() => chownSync(folder, 65534, 65534), () => chownSync(folder, 0, 0))
    expect(fromSource(lint().debug)).toEqual([])
  })

  it('does not follow a symbolic link to the cache folder', () => {
    const {dir, home, lint} = setup()
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere, {mode: 0o700})
    mkdirSync(home)
    symlinkSync(elsewhere, join(home, 'liaison'))
    const run = lint()
    expect(run.code).toBe(1)
    expect(run.debug.some((line) => /^code cache not (?:read|written): .* is not a folder/.test(line))).toBe(true)
    expect(readdirSync(elsewhere)).toEqual([])
  })
})
