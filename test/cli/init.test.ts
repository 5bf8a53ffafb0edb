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
import {cli, jsonResults, project, sarifLog, spawnBin, version, type Workflow, write} from './support.ts'

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

/** What a team might write into each template: 300 to 600 characters, the way a status page reads. */
const realistic: Record<(typeof phases)[number], string> = {
  investigating:
    'We are investigating failed and delayed card payments at checkout. Since 14:05 UTC, some customers in Europe see an error when they pay by card, ' +
    'and some orders stay pending for several minutes. Payments by PayPal and bank transfer are not affected. If a card payment fails, please wait ' +
    'a few minutes before trying again so that you are not charged twice. We will post the next update here within 30 minutes.',
  identified:
    'We have found the cause of the failed card payments at checkout: a change to how we connect to our card processor, made this morning, rejects ' +
    'some valid cards. We are rolling that change back now. Until the rollback is complete, some customers in Europe will still see an error when ' +
    'paying by card, and some orders will stay pending. Paying by PayPal or bank transfer works normally. We will post the next update within 30 minutes.',
  monitoring:
    'We have rolled back the change that caused card payments to fail at checkout, and card payments are succeeding again. We are watching payments ' +
    'closely to make sure the fix holds. Orders that stayed pending during the incident are being completed now, so you do not need to place them ' +
    'again. If a card payment still fails for you, please contact our support team with your order number. We will post the next update within 60 minutes.',
  resolved:
    'This incident is resolved. Between 14:05 and 15:20 UTC, some customers in Europe could not pay by card at checkout, and some orders stayed pending ' +
    'for up to 40 minutes. A change to how we connect to our card processor rejected some valid cards; we rolled it back and added a check for it ' +
    'before any such change goes live. Every pending order has been completed, and nobody was charged twice. We are sorry for the trouble this caused.',
}

describe('liaison init (built executable)', {timeout: 30_000}, () => {
  it('creates a repository that lints clean under strict, require-next-update included', () => {
    const dir = project()
    const created = spawnBin(dir, ['init', 'status-templates'])
    expect({code: created.code, stderr: created.stderr}).toEqual({code: 0, stderr: ''})
    for (const name of names) expect(created.stdout).toContain(`  ${name}\n`)
    const repo = join(dir, 'status-templates')
    expect(Object.keys(snapshot(repo)).sort()).toEqual([...names, 'package.json'].sort())
    expect(spawnBin(repo, [])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(repo, ['--rule', 'require-next-update: [error, {requireTime: true}]', '--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(dir, ['status-templates'])).toEqual({code: 0, stdout: '', stderr: ''})
    const sarif = sarifLog(spawnBin(repo, ['-f', 'sarif']).stdout)
    expect(sarif.runs[0]?.results).toEqual([])
    // The README and the workflow are not messages: no "files" pattern names them.
    expect(spawnBin(repo, ['--messages-only', 'README.md', '.github/workflows/liaison.yml', 'package.json'])).toEqual({code: 0, stdout: '', stderr: ''})
    const debug = spawnBin(repo, ['--debug']).stderr
    expect(debug).toContain('debug: README.md: passed by, not a message: no "files" pattern in .liaisonrc.yaml matches it\n')
    expect(debug).toContain('debug: templates/resolved.md (markdown) uses .liaisonrc.yaml (blocks: "templates", "status page")\n')
    expect(debug).toContain('debug: templates/resolved.tweet.txt (text) uses .liaisonrc.yaml (blocks: "templates", "tweets")\n')
  })

  it('gives each template its channel: realistic status-page bodies of 300-600 characters pass, a tweet over 280 fails', () => {
    const dir = project()
    expect(spawnBin(dir, ['init']).code).toBe(0)
    for (const phase of phases) {
      expect(realistic[phase].length, phase).toBeGreaterThanOrEqual(300)
      expect(realistic[phase].length, phase).toBeLessThanOrEqual(600)
      writeFileSync(join(dir, `templates/${phase}.md`), `---\nphase: ${phase}\n---\n${realistic[phase]}\n`)
    }
    expect(spawnBin(dir, ['--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    writeFileSync(join(dir, 'templates/investigating.tweet.txt'), `---\nphase: investigating\nchannel: twitter\n---\n${realistic.investigating}\n`)
    const {code, stdout} = spawnBin(dir, ['-f', 'json'])
    expect(code).toBe(1)
    const failed = jsonResults(stdout).filter((result) => result.errorCount > 0)
    expect(failed.map((result) => [result.filePath.slice(dir.length + 1), result.messages.map((m) => `${m.ruleId}/${m.messageId}`)])).toEqual([
      ['templates/investigating.tweet.txt', ['max-length/tooLong']],
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

  it('a config whose messages are the templates, strict, with a block per channel', () => {
    expect(parse(initFiles()['.liaisonrc.yaml']!)).toEqual([
      {name: 'templates', files: ['templates/**'], preset: 'strict', placeholders: {widths: {component: 30, status_url: 23}}},
      {name: 'status page', files: ['templates/**/*.md'], channel: 'statuspage'},
      {name: 'tweets', files: ['templates/**/*.tweet.txt'], channel: 'twitter'},
    ])
  })

  it('a workflow that annotates pull requests and uploads SARIF even when the lint fails', () => {
    const workflow = parse(initFiles()['.github/workflows/liaison.yml']!) as Workflow
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request'])
    const {permissions, steps} = workflow.jobs.templates
    expect(permissions).toEqual({contents: 'read', 'security-events': 'write'})
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi',
      'npx --no -- liaison --format github',
      'npx --no -- liaison --format sarif --output-file liaison.sarif',
      'github/codeql-action/upload-sarif@v3',
    ])
    expect(steps[5]).toMatchObject({if: 'success() || failure()', with: {sarif_file: 'liaison.sarif'}})
  })
})

describe('liaison init (in-process)', () => {
  it('creates the folder and works in the current one', async () => {
    const dir = project()
    const {code, stdout} = await cli(dir, ['init', 'a/b'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Created a template repository in a\/b:\n/)
    expect(stdout).toContain('Install liaison with `npm install` in a/b, then check the templates with `npx liaison`')
    expect(statSync(join(dir, 'a/b/templates')).isDirectory()).toBe(true)
    const here = await cli(join(dir, 'a/b'), ['init', '--force'])
    expect(here.stdout).toContain('Install liaison with `npm install`, then')
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

  it('adds liaison to an existing package.json, changing nothing else, keeping its indentation', async () => {
    const pkg = '{\n    "name": "status",\n    "scripts": {"test": "x"},\n    "devDependencies": {"prettier": "^3.0.0"}\n}\n'
    const dir = project({'package.json': pkg})
    const {code, stdout} = await cli(dir, ['init'])
    expect(code).toBe(0)
    expect(stdout).toContain(`  package.json (liaison ^${version} added to devDependencies)\n`)
    const written = readFileSync(join(dir, 'package.json'), 'utf8')
    expect(JSON.parse(written)).toEqual({name: 'status', scripts: {test: 'x'}, devDependencies: {prettier: '^3.0.0', liaison: `^${version}`}})
    expect(written).toMatch(/^\{\n {4}"name"/)
    expect(written.endsWith('}\n')).toBe(true)
    // A second init (with --force) finds liaison there and leaves the file alone.
    expect((await cli(dir, ['init', '--force'])).stdout).toContain('  package.json (already lists liaison in devDependencies; left as it was)\n')
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(written)
    const created = project()
    await cli(created, ['init'])
    expect(JSON.parse(readFileSync(join(created, 'package.json'), 'utf8'))).toEqual({private: true, devDependencies: {liaison: `^${version}`}})
  })

  it('leaves a package.json that lists liaison as a dependency alone, and keeps tabs and a missing final newline', async () => {
    const listed = project({'package.json': '{"dependencies": {"liaison": "1.0.0"}}'})
    expect((await cli(listed, ['init'])).stdout).toContain('  package.json (already lists liaison in dependencies; left as it was)\n')
    const tabs = project({'package.json': '{\n\t"name": "x"\n}'})
    await cli(tabs, ['init'])
    expect(readFileSync(join(tabs, 'package.json'), 'utf8')).toBe(`{\n\t"name": "x",\n\t"devDependencies": {\n\t\t"liaison": "^${version}"\n\t}\n}`)
    const folder = project({'package.json/x': ''})
    expect((await cli(folder, ['init'])).stderr).toBe('liaison: init: package.json is a folder; nothing was written\n')
  })

  it.each([
    ['{not json', /^liaison: init: package\.json is not valid JSON \(.+\); fix it first, as init adds liaison to its devDependencies\. Nothing was written\n$/],
    ['null', /^liaison: init: package\.json is not a JSON object; fix it first/],
    ['{"devDependencies": []}', /^liaison: init: package\.json: "devDependencies" is not an object; fix it first\. Nothing was written\n$/],
  ])('refuses a package.json it cannot add liaison to (%s), writing nothing', async (pkg, message) => {
    const dir = project({'package.json': pkg})
    const before = snapshot(dir)
    const {code, stdout, stderr} = await cli(dir, ['init'])
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    expect(stderr).toMatch(message)
    expect(snapshot(dir)).toEqual(before)
  })

  it('leaves a folder named init to be linted as ./init', async () => {
    const dir = project()
    write(dir, {'init/ok.txt': 'Checkout is failing for some customers.', '.liaisonrc.json': '{"files": ["init/"]}'})
    expect(await cli(dir, ['./init'])).toEqual({code: 0, stdout: '', stderr: ''})
  })
})
