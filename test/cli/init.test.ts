/**
 * `liaison init`: a template repository that lints clean under `strict`,
 * that never overwrites without --force (and writes nothing when it
 * refuses), and that carries a workflow, a config and a README.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {initFiles} from '../../src/cli/init.ts'
import {phases} from '../../src/analysis/phase.ts'
import {defaultTemplates} from '../../src/templates/defaults.ts'
import {cli, project, spawnBin, write} from './support.ts'

/** Every file under `dir` with its bytes, for byte-for-byte comparison. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else files[relative(dir, path)] = readFileSync(path).toString('base64')
    }
  }
  walk(dir)
  return files
}

const names = Object.keys(initFiles())

describe('liaison init (built executable)', {timeout: 30_000}, () => {
  it('creates a repository that lints clean under strict, require-next-update included', () => {
    const dir = project()
    const created = spawnBin(dir, ['init', 'status-templates'])
    expect({code: created.code, stderr: created.stderr}).toEqual({code: 0, stderr: ''})
    for (const name of names) expect(created.stdout).toContain(`  ${name}\n`)
    const repo = join(dir, 'status-templates')
    expect(Object.keys(snapshot(repo)).sort()).toEqual([...names].sort())
    expect(spawnBin(repo, [])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(repo, ['--rule', 'require-next-update: [error, {requireTime: true}]', '--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(dir, ['status-templates'])).toEqual({code: 0, stdout: '', stderr: ''})
    const sarif = JSON.parse(spawnBin(repo, ['-f', 'sarif']).stdout)
    expect(sarif.runs[0].results).toEqual([])
    // The README and the workflow are not messages: the config ignores them.
    const named = JSON.parse(spawnBin(repo, ['README.md', '.github/workflows/liaison.yml', '-f', 'json']).stdout)
    expect(named.map((result: {messages: Array<{message: string}>}) => result.messages[0]!.message)).toEqual([
      'File ignored because of "ignores" in .liaisonrc.yaml',
      'File ignored because of "ignores" in .liaisonrc.yaml',
    ])
  })

  it('refuses to overwrite, naming the files and changing nothing; --force overwrites', () => {
    const dir = project()
    expect(spawnBin(dir, ['init']).code).toBe(0)
    writeFileSync(join(dir, 'templates/resolved.md'), 'Our own wording.\n')
    const before = snapshot(dir)
    expect(spawnBin(dir, ['init'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `liaison: init: . already has ${names.join(', ')}; nothing was written (--force overwrites them)\n`,
    })
    expect(snapshot(dir)).toEqual(before)
    const forced = spawnBin(dir, ['init', '--force'])
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('  templates/resolved.md (overwritten)\n')
    expect(readFileSync(join(dir, 'templates/resolved.md'), 'utf8')).toBe(initFiles()['templates/resolved.md'])
  })
})

describe('what init writes', () => {
  it('one template per phase and a tweet of each, worded by src/templates/defaults.ts', () => {
    const files = initFiles()
    for (const phase of phases) {
      expect(files[`templates/${phase}.md`]).toBe(`---\nphase: ${phase}\n---\n${defaultTemplates[phase].body}\n`)
      expect(files[`templates/${phase}.tweet.txt`]).toBe(`---\nphase: ${phase}\nchannel: twitter\n---\n${defaultTemplates[phase].tweet}\n`)
    }
  })

  it('a strict config that ignores the README and the workflow', () => {
    expect(parse(initFiles()['.liaisonrc.yaml']!)).toEqual({
      extends: 'strict',
      placeholders: {widths: {component: 30, status_url: 23}},
      ignores: ['README.md', '.github/'],
    })
  })

  it('a workflow that annotates pull requests and uploads SARIF even when the lint fails', () => {
    const workflow = parse(initFiles()['.github/workflows/liaison.yml']!)
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request'])
    const {permissions, steps} = workflow.jobs.templates
    expect(permissions).toEqual({contents: 'read', 'security-events': 'write'})
    expect(steps.map((step: {uses?: string; run?: string}) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      expect.stringMatching(/^npx --yes liaison@\d+\.\d+\.\d+ --format github$/),
      expect.stringMatching(/^npx --yes liaison@\d+\.\d+\.\d+ --format sarif --output-file liaison\.sarif$/),
      'github/codeql-action/upload-sarif@v3',
    ])
    expect(steps[4]).toMatchObject({if: 'success() || failure()', with: {sarif_file: 'liaison.sarif'}})
  })
})

describe('liaison init (in-process)', () => {
  it('creates the folder and works in the current one', async () => {
    const dir = project()
    const {code, stdout} = await cli(dir, ['init', 'a/b'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Created a template repository in a\/b:\n/)
    expect(stdout).toContain('`npx liaison a/b`')
    expect(statSync(join(dir, 'a/b/templates')).isDirectory()).toBe(true)
    const here = await cli(join(dir, 'a/b'), ['init', '--force'])
    expect(here.stdout).toContain('`npx liaison`;')
  })

  it('refuses a second time in-process too, and overwrites with --force', async () => {
    const dir = project()
    await cli(dir, ['init'])
    const again = await cli(dir, ['init'])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^liaison: init: \. already has \.liaisonrc\.yaml, README\.md, /)
    expect((await cli(dir, ['init', '--force'])).stdout).toContain('  README.md (overwritten)\n')
  })

  it('prints its help', async () => {
    const {code, stdout} = await cli(project(), ['init', '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^usage: liaison init \[dir\] \[--force\]\n/)
  })

  it.each([
    [['init', 'a', 'b'], 'liaison: init takes one folder, got a b; usage: liaison init [dir] [--force]\n'],
    [['init', '--forse'], "liaison: init: Unknown option '--forse'; usage: liaison init [dir] [--force]\n"],
  ])('rejects %j', async (argv, stderr) => {
    expect(await cli(project(), argv)).toEqual({code: 2, stdout: '', stderr})
  })

  it.each([
    ['the folder is a file', {x: 'text'}, ['init', 'x'], 'init: x is a file, not a folder'],
    ['another config is there', {'.liaisonrc.json': '{}'}, ['init'], 'init: . already has a liaison config (.liaisonrc.json); remove it first, so that .liaisonrc.yaml is the only one'],
    ['package.json has a liaison key', {'package.json': '{"liaison": {}}'}, ['init'], 'init: . already has a liaison config (package.json ("liaison" key)); remove it first, so that .liaisonrc.yaml is the only one'],
    ['a file it would write is a folder', {'README.md/x': ''}, ['init', '--force'], 'init: README.md is a folder; nothing was written'],
    ['a folder it would write in is a file', {templates: ''}, ['init', '--force'], 'init: templates is a file, not a folder; nothing was written'],
  ])('refuses when %s, writing nothing', async (_, files, argv, message) => {
    const dir = project(files)
    const before = snapshot(dir)
    expect(await cli(dir, argv)).toEqual({code: 2, stdout: '', stderr: `liaison: ${message}\n`})
    expect(snapshot(dir)).toEqual(before)
  })

  it('goes ahead beside a package.json without a liaison key, or one it cannot read', async () => {
    for (const pkg of ['{"name": "status"}', '{not json', 'null']) {
      const dir = project({'package.json': pkg})
      expect((await cli(dir, ['init'])).code).toBe(0)
      // A package.json that is not a JSON object stops any liaison run there; init is not the one to judge it.
      if (pkg.startsWith('{"')) expect((await cli(dir, [])).code).toBe(0)
    }
  })

  it('leaves a folder named init to be linted as ./init', async () => {
    const dir = project()
    write(dir, {'init/ok.txt': 'Checkout is failing for some customers.'})
    expect(await cli(dir, ['./init'])).toEqual({code: 0, stdout: '', stderr: ''})
  })
})
