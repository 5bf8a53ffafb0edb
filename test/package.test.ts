/**
 * The package as users get it: the sources are copied to a scratch folder
 * (with a stale file left in its dist/, as an earlier build leaves one),
 * packed with `npm pack` (which builds), and the tarball installed into a
 * second scratch folder with `npm install`. The command and the library then
 * run from there, so what is tested is what is published: the files it
 * ships, a clean build, an install that runs no script of liaison's, and the
 * user-pattern guard (which once lived in a devDependency, so an installed
 * package ran patterns the development checkout refused).
 *
 * Needs the npm registry or npm's cache for liaison's dependencies (`npm ci`
 * fills the cache).
 */
import {type SpawnSyncOptions, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from './support/fixtures.ts'

/** What the build reads. */
const sources = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'tsconfig.json', 'tsconfig.build.json', 'src', 'rules', 'scripts']
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const stale = 'dist/src/cli/bin-STALE000.js'

let scratch: string
let copy: string
let app: string
let packed: {files: Array<{path: string}>; filename: string}
let install: {status: number | null; stderr: string}

/** The installed package's manifest, as these tests read it. */
interface Manifest {
  license: string
  repository: {type: string; url: string}
  homepage: string
  bugs: {url: string}
  scripts?: Record<string, string>
  version: string
}

const installedManifest = () => JSON.parse(readFileSync(join(app, 'node_modules/liaison/package.json'), 'utf8')) as Manifest

function sh(command: string, args: string[], options: SpawnSyncOptions & {cwd: string}) {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 300_000, env: {...process.env, NO_COLOR: '1'}, ...options})
  return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)}
}

beforeAll(() => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'liaison-package-')))
  copy = join(scratch, 'source')
  app = join(scratch, 'app')
  for (const name of sources) cpSync(join(root, name), join(copy, name), {recursive: true})
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
  mkdirSync(join(copy, 'dist/src/cli'), {recursive: true})
  writeFileSync(join(copy, stale), 'export {}\n')
  const pack = sh(npm, ['pack', '--json', '--pack-destination', scratch], {cwd: copy})
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`)
  // npm prints the build's output before the JSON.
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[\n'))) as Array<typeof packed>)[0]!
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'app', private: true, type: 'module'}))
  install = sh(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, packed.filename)], {cwd: app})
}, 600_000)

afterAll(() => {
  if (scratch) rmSync(scratch, {recursive: true, force: true})
})

const liaison = (argv: string[], cwd = app) => sh(process.execPath, [join(app, 'node_modules/liaison/dist/src/cli/bin.js'), ...argv], {cwd, timeout: 120_000})

describe('the packed package', {timeout: 180_000}, () => {
  it('is built from scratch: a stale file in dist/ is removed, not shipped', () => {
    const files = packed.files.map((file) => file.path)
    expect(existsSync(join(copy, stale))).toBe(false)
    expect(files).not.toContain(stale)
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'dist/src/index.js', 'dist/src/markdown.js', 'dist/src/cli/bin.js']))
    expect(files.filter((file) => !/^(?:dist\/|rules\/[^/]+\.md$|LICENSE$|README\.md$|package\.json$)/.test(file))).toEqual([])
  })

  it('ships the library as two bundled entries and their chunk, beside documented declarations', () => {
    const files = packed.files.map((file) => file.path)
    const code = files.filter((file) => /\.(?:c?js|json)$/.test(file) && file.startsWith('dist/') && !file.startsWith('dist/src/cli/'))
    expect(code.filter((file) => !/^dist\/src\/shared-[\w-]+\.js$/.test(file)).sort()).toEqual(['dist/src/index.js', 'dist/src/markdown.js'])
    const installed = (file: string) => readFileSync(join(app, 'node_modules/liaison', file), 'utf8')
    // The declarations keep the documentation editors show; the code Node loads has none, no lexicon notes, and
    // only ASCII (scripts/bundle-options.mjs), the command's chunks too.
    expect(installed('dist/src/lint.d.ts')).toContain('Lint one message.')
    for (const file of code) expect(installed(file), file).not.toMatch(/\/\*\*|"note":/)
    for (const file of files.filter((name) => /^dist\/.*\.c?js$/.test(name))) expect(installed(file), file).toMatch(/^[\0-\x7F]*$/)
  })

  it('says where it comes from and under which licence', () => {
    const {license, repository, homepage, bugs} = installedManifest()
    expect({license, type: repository.type}).toEqual({license: 'MIT', type: 'git'})
    expect(repository.url).toMatch(/^git\+https:\/\//)
    expect(homepage).toMatch(/^https:\/\//)
    expect(bugs.url).toMatch(/^https:\/\/.*\/issues$/)
    expect(readFileSync(join(app, 'node_modules/liaison/LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /)
  })

  it('installs without running a script of its own', () => {
    expect(install.status).toBe(0)
    const manifest = installedManifest()
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare']
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => lifecycle.includes(name))).toEqual([])
    expect(install.stderr).not.toMatch(/liaison@\S* \((?:pre|post)?(?:install|prepare)/)
  })

  it('runs the command from the install', () => {
    writeFileSync(join(app, 'draft.txt'), 'Checkout is failing for some customers. Next update in 30 minutes.\n')
    expect(liaison(['--version'])).toMatchObject({status: 0, stdout: `${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest).version}\n`})
    expect(liaison(['--no-config', '--rule', 'require-impact: off', 'draft.txt'])).toMatchObject({status: 0, stderr: ''})
  })

  it('guards user patterns in the installed command', () => {
    writeFileSync(join(app, 'v.yaml'), "rules:\n  no-internal-hostname: [error, {deny: ['/^[\\q{aa|a}]+$/v']}]\n")
    const refused = liaison(['-c', 'v.yaml', 'draft.txt'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/^liaison: v\.yaml:2:3: Rule "no-internal-hostname": option "deny" pattern .* has flag "v", which cannot be matched in guaranteed linear time/)
    // Backtracking, this pattern took over 200 s on the word below; matched by RE2 it is one pass.
    writeFileSync(join(app, 'poly.yaml'), "rules:\n  no-internal-hostname: [error, {deny: ['/^\\w*\\w*\\w*\\w*\\w*\\w*\\w*$/']}]\n")
    writeFileSync(join(app, 'word.txt'), `Uploads fail on ${'a'.repeat(162)}é today.\n`)
    const matched = liaison(['-c', 'poly.yaml', '--format', 'json', 'word.txt'])
    expect([0, 1]).toContain(matched.status)
    expect(matched.stderr).toBe('')
  })

  it('serves the library, plain text and Markdown, with the same guard', () => {
    const script = `
      import {lint} from 'liaison'
      import {lintMarkdown} from 'liaison/markdown'
      const file = await lint('We think the database is down.', {rules: {'no-speculation': 'error'}})
      const md = await lintMarkdown('# Update\\n\\nWe think the database is down.')
      let refused = 'accepted'
      try {
        await lint('x', {rules: {'no-internal-hostname': ['error', {deny: ['/a(?=b)/']}]}})
      } catch (error) {
        refused = error.name + ': ' + error.message
      }
      console.log(JSON.stringify({text: file.messages.map((m) => m.ruleId), markdown: md.messages.map((m) => m.ruleId), refused}))
    `
    const result = sh(process.execPath, ['--input-type=module', '-e', script], {cwd: app})
    expect(result.stderr).toBe('')
    const output = JSON.parse(result.stdout) as {text: string[]; markdown: string[]; refused: string}
    expect(output.text).toContain('no-speculation')
    expect(output.markdown).toContain('no-speculation')
    expect(output.refused).toMatch(/^ConfigError: Rule "no-internal-hostname": option "deny" pattern "\/a\(\?=b\)\/" cannot be matched in guaranteed linear time \(it uses lookaround\)/)
  })
})
