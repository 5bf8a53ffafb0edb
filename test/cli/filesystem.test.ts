/**
 * The filesystem, hostile or broken, through the spawned executable: folders
 * that cannot be read, symlinks out of the folder being linted, an output
 * file that is a hard link to a draft, and the config search at the
 * repository root.
 *
 * Root reads every folder, and the tests run as root here, so the unreadable
 * cases run the executable as `nobody` through setpriv (util-linux); they are
 * skipped, saying so, only where neither root with setpriv nor a normal user
 * is available.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, jsonResults, onlyMaxLength, project, spawnBin, words} from './support.ts'

const nobody = 65_534
const isRoot = process.getuid?.() === 0
const canDropRoot = isRoot && existsSync('/usr/bin/setpriv')

/** The executable as an unprivileged user (nobody when we are root). */
function spawnUnprivileged(cwd: string, argv: string[]) {
  const [command, prefix] = canDropRoot
    ? ['/usr/bin/setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath]]
    : [process.execPath, []]
  const result = spawnSync(command, [...prefix, bin, ...argv], {cwd, encoding: 'utf8', env: {PATH: process.env.PATH}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A project with an unreadable folder `drafts/secret` beside a readable draft. */
function withUnreadableFolder(): string {
  const dir = project({'.liaisonrc.json': {rules: onlyMaxLength()}, 'drafts/ok.txt': 'Checkout is failing.', 'drafts/secret/draft.txt': words(400)})
  chmodSync(dir, 0o755)
  chmodSync(join(dir, 'drafts/secret'), 0o000)
  return dir
}

describe.skipIf(isRoot && !canDropRoot)('an unreadable folder (skipped as root without setpriv: root reads every folder)', {timeout: 60_000}, () => {
  it('reached by walking a folder: exit 2, naming it', () => {
    const result = spawnUnprivileged(withUnreadableFolder(), ['drafts'])
    expect({code: result.code, stdout: result.stdout}).toEqual({code: 2, stdout: ''})
    expect(result.stderr).toMatch(/^liaison: cannot read folder drafts\/secret: EACCES: permission denied, scandir '[^\n]*drafts\/secret'\n$/)
  })

  it('reached by a glob: exit 2, naming it, rather than a pass that never read it', () => {
    const result = spawnUnprivileged(withUnreadableFolder(), ['drafts/**/*.txt'])
    expect({code: result.code, stdout: result.stdout}).toEqual({code: 2, stdout: ''})
    expect(result.stderr).toMatch(/^liaison: drafts\/\*\*\/\*\.txt: cannot read folder [^\n]*drafts\/secret: EACCES: permission denied, scandir '[^\n]*'\n$/)
  })
})

describe('symlinks in a folder walk', {timeout: 60_000}, () => {
  it('follows a file link inside the folder, not one that leads out of it', () => {
    const dir = project({'.liaisonrc.json': {rules: onlyMaxLength()}, 'outside/hosts.txt': '10.0.0.5 db-primary-03', 'drafts/ok.txt': 'Checkout is failing.'})
    symlinkSync(join(dir, 'outside/hosts.txt'), join(dir, 'drafts/hosts.txt'))
    symlinkSync('ok.txt', join(dir, 'drafts/alias.txt'))
    const {code, stdout} = spawnBin(dir, ['drafts', '--format', 'json'])
    expect(code).toBe(0)
    expect(jsonResults(stdout).map((result) => result.filePath)).toEqual([join(dir, 'drafts/alias.txt'), join(dir, 'drafts/ok.txt')])
    // Named on the command line, the link is the user's choice and is linted.
    expect(jsonResults(spawnBin(dir, ['drafts/hosts.txt', '--format', 'json']).stdout)).toHaveLength(1)
  })
})

describe('--output-file', {timeout: 60_000}, () => {
  it('refuses a hard link to a draft (same device and inode), changing nothing', () => {
    const dir = project({'.liaisonrc.json': {rules: onlyMaxLength()}, 'draft.txt': 'Checkout is failing.'})
    linkSync(join(dir, 'draft.txt'), join(dir, 'report.json'))
    const {code, stdout, stderr} = spawnBin(dir, ['draft.txt', '-o', 'report.json', '--format', 'json'])
    expect({code, stdout, stderr}).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: --output-file report.json is draft.txt (the same file, through a link), which is being linted; refusing to overwrite it\n',
    })
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe('Checkout is failing.')
  })
})

describe('the config search', {timeout: 60_000}, () => {
  /** A config above a repository that would flag every draft, and a draft inside the repository. */
  function nested(): string {
    const dir = project({
      'liaison.config.mjs': `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify('ran.txt')}, 'x')\nexport default {rules: {'max-length': ['error', {limit: 5}]}}\n`,
      'repo/drafts/a.txt': 'Checkout is failing.',
    })
    mkdirSync(join(dir, 'repo/.git'))
    return dir
  }

  it('stops at the repository root (the folder holding .git): a config above it is never run', () => {
    const dir = nested()
    const {code, stderr} = spawnBin(join(dir, 'repo'), ['drafts', '--rule', JSON.stringify(onlyMaxLength())])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(existsSync(join(dir, 'repo/ran.txt'))).toBe(false)
    expect(spawnBin(join(dir, 'repo'), ['--debug', 'drafts']).stderr).toContain('drafts/a.txt (text) uses no config file (defaults)')
  })

  it('goes on above it with --config-above-root', () => {
    const dir = nested()
    const {code, stdout} = spawnBin(join(dir, 'repo'), ['drafts', '--config-above-root'])
    expect(code).toBe(1)
    expect(stdout).toContain('max-length')
  })

  it('stops at the working folder outside any repository', () => {
    const dir = project({'liaison.config.mjs': "export default {rules: {'max-length': ['error', {limit: 5}]}}\n", 'work/a.txt': 'Checkout is failing.'})
    const {stderr} = spawnBin(join(dir, 'work'), ['--debug', '--rule', JSON.stringify(onlyMaxLength()), 'a.txt'])
    expect(stderr).toBe('liaison: debug: a.txt (text) uses no config file (defaults)\n')
  })
})

describe('liaison init', {timeout: 60_000}, () => {
  /** Every path under `dir`, sorted, links included (not followed). */
  function listing(dir: string): string[] {
    return (readdirSync(dir, {recursive: true}) as string[]).sort()
  }

  it('refuses a folder on the way that is a symlink (here to a folder outside), writing nothing anywhere', () => {
    const dir = project({'outside/.keep': ''})
    mkdirSync(join(dir, 'repo'))
    symlinkSync(join(dir, 'outside'), join(dir, 'repo/templates'))
    const {code, stderr} = spawnBin(dir, ['init', 'repo'])
    expect({code, stderr}).toEqual({code: 2, stderr: 'liaison: init: repo/templates is a symbolic link; nothing was written (init never writes through a link)\n'})
    expect(listing(join(dir, 'outside'))).toEqual(['.keep'])
    expect(readdirSync(join(dir, 'repo'))).toEqual(['templates'])
  })

  it('with --force, still never writes through a file symlink to a file outside', () => {
    const dir = project({'outside.md': 'precious', 'repo/.keep': ''})
    mkdirSync(join(dir, 'repo/templates'))
    symlinkSync(join(dir, 'outside.md'), join(dir, 'repo/templates/identified.md'))
    expect(spawnBin(dir, ['init', 'repo', '--force']).stderr).toBe(
      'liaison: init: repo/templates/identified.md is a symbolic link; nothing was written (init never writes through a link)\n',
    )
    expect(readFileSync(join(dir, 'outside.md'), 'utf8')).toBe('precious')
  })

  it('refuses a dangling symlink before writing any file', () => {
    const dir = project({'repo/.keep': ''})
    symlinkSync('nowhere.md', join(dir, 'repo/README.md'))
    const {code, stderr} = spawnBin(dir, ['init', 'repo'])
    expect({code, stderr}).toEqual({code: 2, stderr: 'liaison: init: repo/README.md is a symbolic link; nothing was written (init never writes through a link)\n'})
    expect(listing(join(dir, 'repo'))).toEqual(['.keep', 'README.md'])
  })

  it('with --force, replaces a file rather than writing into it: a hard link elsewhere keeps its content', () => {
    const dir = project({'outside.md': 'precious', 'repo/.keep': ''})
    linkSync(join(dir, 'outside.md'), join(dir, 'repo/README.md'))
    expect(spawnBin(dir, ['init', 'repo', '--force']).code).toBe(0)
    expect(readFileSync(join(dir, 'outside.md'), 'utf8')).toBe('precious')
    expect(readFileSync(join(dir, 'repo/README.md'), 'utf8')).toMatch(/^# Incident message templates/)
    expect(listing(join(dir, 'repo')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it.skipIf(isRoot && !canDropRoot)('leaves nothing behind when a write fails half way (skipped as root without setpriv)', () => {
    const dir = project({'repo/.github/.keep': ''})
    chmodSync(dir, 0o755)
    // nobody may write in repo, but not in repo/.github: the workflow cannot be written, after other files could.
    chmodSync(join(dir, 'repo'), 0o777)
    chmodSync(join(dir, 'repo/.github'), 0o755)
    const before = listing(join(dir, 'repo'))
    const result = spawnUnprivileged(dir, ['init', 'repo'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^liaison: init: cannot write repo\/\.github\/workflows: EACCES: [^\n]*; nothing was written\n$/)
    expect(listing(join(dir, 'repo'))).toEqual(before)
  })
})
