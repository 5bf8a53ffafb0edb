/**
 * `plugins` in a config: rule packages loaded as ESLint loads plugins. A
 * local plugin in-process, every mistake with a clear error, and the example
 * package under examples/ packed, installed (cache first) beside packed liaison,
 * and run as a team would run it.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {root} from '../support/fixtures.ts'
import {cli, jsonResults, project, spawnBin} from './support.ts'

/** A plugin file that imports liaison from this repository's source, as an installed one imports the package. */
function localPlugin(body: string): string {
  return `import {defineRule} from ${JSON.stringify(pathToFileURL(join(root, 'src/index.ts')).href)}\n${body}\n`
}

const onCall = `export const rules = [defineRule({
  id: 'local/no-on-call',
  description: 'No on-call talk',
  severity: 'warn',
  recommended: false,
  messages: {found: 'Leave out "on call"'},
  options: {},
  create: () => ({doc, report}) => {
    const at = doc.text.indexOf('on call')
    if (at !== -1) report({messageId: 'found', start: at, end: at + 7})
  },
})]
export const configs = {strict: {rules: {'local/no-on-call': 'error'}}}`

const text = 'The engineer on call is looking at failing sign-ins for some customers. Next update in 30 minutes.\n'

describe('a local plugin', () => {
  it('adds rules that are off until a setting or one of its configs turns them on', async () => {
    const files = {'rules/local.mjs': localPlugin(onCall), 'a.txt': text}
    const off = project({...files, '.liaisonrc.yml': 'plugins:\n  local: ./rules/local.mjs\n'})
    expect(await cli(off, ['a.txt'])).toMatchObject({code: 0})
    expect((await cli(off, ['--list-rules'])).stdout).toMatch(/^local\/no-on-call +recommended: off, strict: off +No on-call talk$/m)
    const on = project({...files, '.liaisonrc.yml': 'plugins:\n  local: ./rules/local.mjs\npreset: [recommended, local/strict]\n'})
    const {code, stdout} = await cli(on, ['a.txt', '--format', 'json'])
    expect(code).toBe(1)
    const [message] = jsonResults(stdout)[0]!.messages
    // A plugin rule without its own url links nowhere, rather than to a built-in rule's page.
    expect(message).toMatchObject({ruleId: 'local/no-on-call', severity: 2, message: 'Leave out "on call"', column: 14})
    expect(message!.url).toBeUndefined()
    expect((await cli(on, ['a.txt', '--rule', 'local/no-on-call: off'])).code).toBe(0)
    // --preset stands in for the built-in preset only: the plugin's config still applies.
    expect((await cli(on, ['a.txt', '--preset', 'recommended'])).code).toBe(1)
  })

  it('a JavaScript config may give the plugin object itself', async () => {
    const dir = project({
      'rules/local.mjs': localPlugin(onCall),
      'liaison.config.mjs': "import * as local from './rules/local.mjs'\nexport default {plugins: {local: {...local}}, rules: {'local/no-on-call': 'error'}}\n",
      'a.txt': text,
    })
    expect(await cli(dir, ['a.txt'])).toMatchObject({code: 1})
  })

  it.each([
    ['a package that is not installed', {'.liaisonrc.yml': 'plugins:\n  acme: liaison-plugin-nowhere\n'}, '.liaisonrc.yml:2:3: plugin "acme": cannot find the package "liaison-plugin-nowhere" from the config\'s folder; install it (npm install --save-dev liaison-plugin-nowhere), or give a path starting with ./'],
    ['a missing file', {'.liaisonrc.yml': 'plugins:\n  acme: ./nope.mjs\n'}, '.liaisonrc.yml:2:3: plugin "acme": no file "./nope.mjs" next to the config'],
    ['a module that exports no rules', {'.liaisonrc.yml': 'plugins:\n  acme: ./p.mjs\n', 'p.mjs': 'export const version = 1\n'}, '.liaisonrc.yml:2:3: plugin "acme" exports neither "rules" nor "configs" (it exports version); a rule package exports rules made with defineRule'],
    ['a rule not made with defineRule', {'.liaisonrc.yml': 'plugins:\n  acme: ./p.mjs\n', 'p.mjs': 'export const rules = [() => {}]\n'}, '.liaisonrc.yml:2:3: plugin "acme": rules[0] is not a rule made with defineRule (expected a function with meta and definition, got a function without them)'],
    ['a rule id taken by a built-in rule', {'.liaisonrc.yml': 'plugins:\n  acme: ./p.mjs\n', 'p.mjs': localPlugin(onCall.replace("'local/no-on-call',", "'max-length',"))}, '.liaisonrc.yml:2:3: rule id "max-length" of plugin "acme" is already taken by a built-in rule; give it another id'],
    ['a rule id taken by the vocabulary', {'.liaisonrc.yml': 'vocabulary: [{id: no-on-call, forbid: [x]}]\nplugins:\n  acme: ./p.mjs\n', 'p.mjs': localPlugin(onCall.replace("'local/no-on-call',", "'no-on-call',"))}, '.liaisonrc.yml:3:3: rule id "no-on-call" of plugin "acme" is already taken by the vocabulary; give it another id'],
    ['a plugin given as a number', {'.liaisonrc.yml': 'plugins:\n  acme: 3\n'}, '.liaisonrc.yml:2:3: "plugins.acme" must be an npm package name, a path relative to the config (./rules/acme.js), or the plugin itself, got 3'],
    ['plugins as a list', {'.liaisonrc.yml': 'plugins: [./p.mjs]\n'}, '.liaisonrc.yml:1:1: "plugins" must map the name the config calls each plugin to its package or path ({acme: liaison-plugin-acme}), got a list'],
    ['a config the plugin does not have', {'.liaisonrc.yml': 'plugins:\n  local: ./p.mjs\npreset: local/strcit\n', 'p.mjs': localPlugin(onCall)}, '.liaisonrc.yml:3:1: "preset" must be "recommended" or "strict" or "local/strict", got "local/strcit" (did you mean "local/strict"?)'],
  ])('%s', async (_, files, message) => {
    const {code, stderr} = await cli(project({...files, 'a.txt': text}), ['a.txt'])
    expect(code).toBe(2)
    expect(stderr).toBe(`liaison: ${message}\n`)
  })
})

const packed = mkdtempSync(join(tmpdir(), 'liaison-plugin-pack-'))
afterAll(() => rmSync(packed, {recursive: true, force: true}))

function pack(dir: string): string {
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], {cwd: dir, encoding: 'utf8'}).trim().split('\n').at(-1)!
  return join(packed, name)
}

describe('the example plugin package', {timeout: 180_000}, () => {
  it('packed and installed beside liaison, loads from the config and fails a message that names a team', () => {
    const liaison = pack(root)
    const plugin = pack(join(root, 'examples/liaison-plugin-acme'))
    const dir = project({
      'package.json': {name: 'status-templates', private: true, devDependencies: {liaison: `file:${liaison}`, 'liaison-plugin-acme': `file:${plugin}`}},
      '.liaisonrc.yml': 'plugins:\n  acme: liaison-plugin-acme\npreset: [recommended, acme/recommended]\n',
      'status/a.md': 'The platform team is rolling back a change that broke sign-in for some customers. Next update in 30 minutes.\n',
      'status/b.md': 'Engineers are rolling back a change that broke sign-in for some customers. Next update in 30 minutes.\n',
    })
    const env = {PATH: process.env.PATH, HOME: process.env.HOME, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'}
    const install = spawnSync('npm', ['install'], {cwd: dir, env, encoding: 'utf8'})
    expect(install.status, install.stderr).toBe(0)
    const run = (argv: string[]) => spawnSync(join(dir, 'node_modules/.bin/liaison'), argv, {cwd: dir, env, encoding: 'utf8'})
    const failed = run(['--format', 'github'])
    expect({code: failed.status, stderr: failed.stderr}).toEqual({code: 1, stderr: ''})
    expect(failed.stdout).toMatch(/^::error file=status\/a\.md,line=1,col=5,endLine=1,endColumn=18,title=liaison acme\/no-team-names::"platform team" is an internal team/m)
    expect(failed.stdout).not.toContain('status/b.md')
    expect(run(['--list-rules']).stdout).toMatch(/^acme\/no-team-names +recommended: off, strict: off +No internal team names in customer messages$/m)
    // The repository's own build says the same about the same files.
    expect(spawnBin(dir, ['status/a.md']).code).toBe(1)
  })
})
