/**
 * Template repositories end to end: a folder of YAML, JSON and Markdown
 * templates (some with mistakes) made here, linted by the built executable
 * in `json` and `sarif` (validated against the SARIF 2.1.0 schema), with
 * exact rule ids, source positions and exit codes; then, in-process, how a
 * template's settings, the `templates` and `placeholders` config keys, and
 * template errors behave.
 */
import {readFileSync} from 'node:fs'
import {relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {lintFile} from '../../src/cli/templates.ts'
import {root} from '../support/fixtures.ts'
import {expectValidSarif, located} from './sarif.ts'
import {cli, jsonResults, onlyMaxLength, printedConfig, project, sarifLog, spawnBin, write} from './support.ts'

const repository = {
  '.liaisonrc.yaml': 'extends: strict\nplaceholders:\n  widths: {component: 30}\nignores: [README.md]\n',
  'README.md': '# Team notes\n\nWe think this is fine.\n',
  'templates/statuspage.yml': `templates:
  - name: Database investigating
    title: "Elevated errors on \\"{{component}}\\""
    update_status: investigating
    body: |
      Customers cannot load {{component}}.
      We think db-primary-03 is overloaded.
      Service should be restored within the hour. Next update in 30 minutes.
  - name: Database resolved
    title: Resolved
    update_status: resolved
    body: >
      The errors were probably caused
      by a bad deploy. Everything works again.
`,
  'templates/tweets.json': `{
  "investigating": {
    "channel": "twitter",
    "phase": "investigating",
    "body": "Customers see errors with {{component}} \\u2014 we think it is the cache.\\nNext update in 30 minutes."
  },
  "monitoring": {
    "channel": "twitter",
    "phase": "monitoring",
    "placeholders": {"component": 60},
    "body": "A fix for the errors with {{component}} is in place and we are monitoring it. Requests should succeed again; if you still see errors, please retry them. Dashboards may show stale data for a few more minutes while caches refresh. Next update within 60 minutes: {{status_url}}"
  }
}
`,
  'templates/identified.md': `---
phase: identified
title: Checkout errors
---
# Checkout

Card payments are failing for some customers. We have identified the cause on
\`api-7\` and host db-primary-03, and are deploying a fix. Next update in 30 minutes.
`,
}

/** [file, ruleId, messageId, L:C-L:C, actual] for every problem. */
const expected = [
  ['templates/identified.md', 'no-internal-hostname', 'internalHost', '8:18-8:31', 'db-primary-03'],
  ['templates/statuspage.yml', 'no-speculation', 'belief', '7:7-7:15', 'We think'],
  ['templates/statuspage.yml', 'no-internal-hostname', 'internalHost', '7:16-7:29', 'db-primary-03'],
  ['templates/statuspage.yml', 'no-resolution-estimate', 'estimate', '8:34-8:49', 'within the hour'],
  ['templates/statuspage.yml', 'no-speculation', 'hedge', '13:23-13:31', 'probably'],
  ['templates/tweets.json', 'no-speculation', 'belief', '5:61-5:69', 'we think'],
  ['templates/tweets.json', 'max-length', 'worstCase', '11:248-11:288', 'update within 60 minutes: {{status_url}}'],
]

/** The source between 1-based line/column points. */
function slice(source: string, line: number, column: number, endLine: number, endColumn: number): string {
  const lines = source.split('\n')
  const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((sum, text) => sum + text.length + 1, 0) + c - 1
  return source.slice(offset(line, column), offset(endLine, endColumn))
}

describe('a template repository, linted by the built executable', {timeout: 30_000}, () => {
  it('reports exact rule ids and source positions as json, and exits 1', () => {
    const dir = project(repository)
    const {code, stdout, stderr} = spawnBin(dir, ['-f', 'json'])
    expect({code, stderr}).toEqual({code: 1, stderr: ''})
    interface Problem {
      ruleId: string
      messageId: string
      line: number
      column: number
      endLine: number
      endColumn: number
      actual: string
      suggestions?: Array<{fix: {range: [number, number]}}>
    }
    const results = JSON.parse(stdout) as Array<{filePath: string; messages: Problem[]}>
    const found = results.flatMap((result) =>
      result.messages.map((m) => [result.filePath.slice(dir.length + 1), m.ruleId, m.messageId, `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, m.actual]),
    )
    expect(found).toEqual(expected)
    // Every position points at the reported text in the file itself.
    for (const result of results) {
      const source = readFileSync(result.filePath, 'utf8')
      for (const m of result.messages) expect(slice(source, m.line, m.column, m.endLine, m.endColumn)).toBe(m.actual)
    }
    // A suggestion's range is in the file too.
    const belief = results.find((r) => r.filePath.endsWith('tweets.json'))!.messages[0]!
    const {range} = belief.suggestions![0]!.fix
    expect(readFileSync(`${dir}/templates/tweets.json`, 'utf8').slice(...range)).toBe('we think')
  })

  it('writes valid SARIF with the same regions', () => {
    const dir = project(repository)
    const {code, stdout} = spawnBin(dir, ['--format', 'sarif', 'templates'])
    expect(code).toBe(1)
    const log = sarifLog(stdout)
    expectValidSarif(log)
    expect(
      (log.runs[0]?.results ?? []).map((result) => {
        const {uri, place} = located(result)
        return [uri, result.ruleId, place]
      }),
    ).toEqual(expected.map(([file, ruleId, , place]) => [file, ruleId, place]))
  })

  it('exits 0 once the mistakes are fixed', () => {
    const dir = project({
      ...repository,
      'templates/statuspage.yml': 'templates:\n  - title: Login errors\n    update_status: resolved\n    body: Login errors are resolved; sign-in works normally again.\n',
      'templates/tweets.json': '[]',
      'templates/identified.md': '---\nphase: identified\n---\nCard payments are failing for some customers. We have identified the cause and are deploying a fix. Next update in 30 minutes.\n',
    })
    expect(spawnBin(dir, [])).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it.each([
    ['YAML', 'templates/statuspage.yml', 'templates:\n  - body: "unclosed\n', 'liaison: templates/statuspage.yml:3:1: Missing closing "quote\n'],
    ['JSON', 'templates/tweets.json', '{\n  "a": {"body": "x",}\n}\n', 'liaison: templates/tweets.json:2:21: invalid JSON: expected a double-quoted property name, got "}"\n'],
    ['front matter', 'templates/identified.md', '---\nphase: [\n---\nHi.\n', 'liaison: templates/identified.md:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]\n'],
  ])('exits 2 on malformed %s, naming the file, line and column, and still reports the other files', (_, name, content, message) => {
    const dir = project({...repository, [name]: content})
    const {code, stdout, stderr} = spawnBin(dir, ['-f', 'sarif'])
    expect({code, stderr}).toEqual({code: 2, stderr: message})
    const uris = (sarifLog(stdout).runs[0]?.results ?? []).map((result) => located(result).uri)
    expect(new Set(uris)).toEqual(new Set(expected.map(([file]) => file).filter((file) => file !== name)))
  })

  it('reports every broken file, lints the rest, and exits 2', () => {
    const dir = project({
      ...repository,
      'templates/statuspage.yml': 'templates:\n  - body: "unclosed\n',
      'templates/tweets.json': '{\n  "a": {"body": "x",}\n}\n',
      'templates/bad-phase.md': '---\nphase: planned\n---\nHi.\n',
    })
    const {code, stdout, stderr} = spawnBin(dir, ['-f', 'json'])
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([
      'liaison: templates/bad-phase.md:2:8: "phase" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got "planned"',
      'liaison: templates/statuspage.yml:3:1: Missing closing "quote',
      'liaison: templates/tweets.json:2:21: invalid JSON: expected a double-quoted property name, got "}"',
    ])
    expect(jsonResults(stdout).map((result) => relative(dir, result.filePath))).toEqual(['templates/identified.md'])
  })
})

describe('template settings, in-process', () => {
  const long = `Checkout is failing for some customers in the EU. ${'Payments may be declined. '.repeat(9)}Next update in 30 minutes.`

  it('gives each message its own channel; --channel wins, and a configured limit stays with its channel', async () => {
    const dir = project({
      '.liaisonrc.json': {rules: onlyMaxLength(['error', {channel: 'twitter', limit: 1000}])},
      'tweet.txt': `---\nchannel: twitter\n---\n${long}`,
      'sms.txt': `---\nchannel: sms\n---\n${long}`,
    })
    const ids = async (argv: string[]) =>
      jsonResults((await cli(dir, ['tweet.txt', 'sms.txt', ...argv, '-f', 'json'])).stdout).map((r) => [
        r.filePath.slice(dir.length + 1),
        r.messages.map((m) => m.message.split(' ')[0]),
      ])
    // twitter is the configured channel, so its limit of 1000 holds; sms drops it.
    expect(await ids([])).toEqual([
      ['sms.txt', ['310/160']],
      ['tweet.txt', []],
    ])
    expect(await ids(['--channel', 'mastodon'])).toEqual([
      ['sms.txt', []],
      ['tweet.txt', []],
    ])
  })

  it('gives each message its phase: front matter over detection', async () => {
    const text = 'Checkout is failing for some customers.'
    const dir = project({'.liaisonrc.yaml': 'extends: strict\n', 'open.md': `---\nphase: investigating\n---\n${text}\n`, 'closed.md': `---\nphase: resolved\n---\n${text}\n`})
    const {stdout} = await cli(dir, ['open.md', 'closed.md', '-f', 'json'])
    expect(jsonResults(stdout).map((r) => r.messages.map((m) => `${m.ruleId}@${m.line}`))).toEqual([
      [],
      ['require-next-update@4'],
    ])
  })

  it('layers per-field rules; a title is a headline, which rules scoped to a whole message skip', async () => {
    const templates = JSON.stringify([{title: 'Checkout errors', body: 'Checkout is failing for some customers. Next update in 30 minutes.'}])
    const run = async (config: object) => {
      const dir = project({'.liaisonrc.json': {extends: 'strict', ...config}, 't.json': templates})
      const {stdout} = await cli(dir, ['t.json', '-f', 'json'])
      return jsonResults(stdout)[0]!.messages.map((m) => m.ruleId)
    }
    expect(await run({})).toEqual([])
    expect(await run({templates: {fields: ['title', 'body']}})).toEqual([])
    // Whatever its settings: require-next-update's scope is `message`.
    expect(await run({templates: {fields: {title: {'require-next-update': 'error'}, body: {}}}})).toEqual([])
    expect(await run({templates: {fields: {title: {'require-next-update': 'off', 'max-length': {limit: 5}}, body: {'max-length': ['warn']}}}})).toEqual(['max-length'])
    expect(await run({templates: {fields: {body: {}}}})).toEqual([])
    const other = project({'.liaisonrc.json': {templates: {fields: ['summary']}}, 't.json': templates})
    expect((await cli(other, ['t.json'])).stderr).toBe(
      'liaison: t.json:1:1: expected a list of templates, a "templates:" list or a map of names to templates (mappings with summary); found none (not a template file? add it to "ignores" in your config)\n',
    )
  }, 20_000)

  it('adds front matter and config widths to max-length, and --print-config shows both keys', async () => {
    const body = `We are investigating errors with {{component}} for some customers. ${'Requests may fail. '.repeat(9)}Next update in 30 minutes.`
    const dir = project({
      '.liaisonrc.yaml': 'rules:\n  require-impact: off\nplaceholders:\n  widths: {component: 10}\n  defaultWidth: 5\n',
      'narrow.txt': body,
      'wide.txt': `---\nchannel: twitter\nplaceholders: {component: 40}\n---\n${body}`,
    })
    const {stdout} = await cli(dir, ['narrow.txt', 'wide.txt', '-f', 'json'])
    expect(jsonResults(stdout).map((r) => r.messages.map((m) => m.message))).toEqual([
      [],
      ['worst case 291/280 for twitter when {{component}} is 40 characters; shorten it by 11 so it posts whole with the longest values'],
    ])
    const printed = printedConfig((await cli(dir, ['--print-config', 'x.yml'])).stdout)
    expect(printed.placeholders).toEqual({syntaxes: ['mustache', 'tag', 'dollar', 'printf', 'angle', 'bracket', 'brace', 'shell'], widths: {component: 10}, defaultWidth: 5})
    expect(printed.templates).toEqual({fields: {title: {}, body: {}}})
  })

  it('reads the placeholder syntax the config declares in every kind of template', async () => {
    const body = 'Dear *|FNAME|*, *|IMPACT|*. Next update in 30 minutes.'
    const dir = project({
      '.liaisonrc.yaml': "extends: strict\nplaceholders:\n  patterns: ['/\\*\\|(\\w+)\\|\\*/']\n",
      'mail.txt': body,
      'front.md': `---\nphase: identified\n---\n${body}`,
      'all.yml': `- title: '*|SUBJECT|* is slow'\n  body: '${body}'\n`,
    })
    expect(await cli(dir, ['mail.txt', 'front.md', 'all.yml'])).toMatchObject({code: 0, stdout: ''})
    const without = project({'.liaisonrc.yaml': 'extends: strict\n', 'mail.txt': body})
    expect((await cli(without, ['mail.txt'])).stdout).toContain('require-impact')
  })

  it('lints a file whose name says it holds headlines (an e-mail subject, a title) as headlines', async () => {
    const subject = '[{{severity}}] Checkout: {{status}}\n'
    const dir = project({
      '.liaisonrc.yaml': 'extends: strict\n',
      'templates/email/subject-line.txt': subject,
      'templates/email/outage.subject.md': subject,
      'templates/titles.yml': `- body: '${subject.trim()}'\n`,
      'templates/email/body.txt': subject,
    })
    const {stdout} = await cli(dir, ['templates', '-f', 'json'])
    const results = JSON.parse(stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>}>
    expect(Object.fromEntries(results.map((r) => [r.filePath.slice(r.filePath.indexOf('templates/')), r.messages.map((m) => m.ruleId)]))).toEqual({
      'templates/email/body.txt': ['require-impact', 'require-next-update'],
      'templates/email/outage.subject.md': [],
      'templates/email/subject-line.txt': [],
      'templates/titles.yml': [],
    })
  })

  it('keeps a suggestion only where the source reads as the message does', async () => {
    const dir = project({'t.json': '{"a": "Customers see errors. We\\u0020think it is the cache."}', 'u.yml': 'a: Customers see errors. We think it is the cache.\n'})
    const {stdout} = await cli(dir, ['t.json', 'u.yml', '-f', 'json', '--rule', 'no-speculation: error'])
    const [json, yaml] = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; actual: string; expected?: string[]; suggestions?: unknown[]}>}>
    const belief = (result: typeof json) => result!.messages.find((m) => m.ruleId === 'no-speculation')!
    expect(belief(json).actual).toBe('We think')
    expect(belief(json).expected?.length).toBeGreaterThan(0)
    expect(belief(json).suggestions).toBeUndefined()
    expect(belief(yaml).suggestions).toHaveLength(belief(yaml).expected!.length)
  })

  it('reports a template reused through an alias once', async () => {
    const dir = project({'t.yml': 'a: &x We think it is down.\nb: *x\n'})
    const {stdout} = await cli(dir, ['t.yml', '-f', 'json', '--rule', '{require-impact: off, no-speculation: error}'])
    expect(jsonResults(stdout)[0]!.messages.map((m) => `${m.ruleId}@${m.line}`)).toEqual(['no-speculation@1'])
  })

  it('lints standard input as a template collection when its name says so', async () => {
    const {code, stdout, stderr} = await cli(project(), ['--stdin', '--stdin-filename', 'x.yml', '-f', 'json'], {stdin: '- body: We think db-01 is down.\n'})
    expect({code, stderr}).toEqual({code: 1, stderr: ''})
    expect(jsonResults(stdout)[0]!.messages.map((m) => `${m.ruleId}@${m.column}`)).toEqual([
      'no-speculation@9',
      'no-internal-hostname@18',
    ])
    expect(await cli(project(), ['--stdin', '--stdin-filename', 'x.yml'], {stdin: '- [\n'})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: x.yml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]\n',
    })
  })

  it('never takes a config or manifest file for a template', async () => {
    const dir = project({
      '.liaisonrc.json': {rules: onlyMaxLength()},
      'package.json': {name: 'x'},
      '.pre-commit-config.yaml': 'repos: []\n',
      'templates/mine.yaml': 'rules: {}\n',
      'templates/ok.yml': '- Checkout is failing for some customers.\n',
    })
    // The config given with -c is passed by; found by the walk without -c, it is no collection of templates, so it is passed by too.
    expect(await cli(dir, ['-c', 'templates/mine.yaml'])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(await cli(dir, [])).toEqual({code: 0, stdout: '', stderr: ''})
    expect((await cli(dir, ['templates/mine.yaml'])).stderr).toMatch(/^liaison: templates\/mine\.yaml:1:1: expected a list of templates/)
    const named = await cli(dir, ['-c', 'templates/mine.yaml', 'templates/mine.yaml', '-f', 'json'])
    expect(jsonResults(named.stdout)[0]!.messages[0]!.message).toBe('File ignored because it is the config file given with --config')
    expect(await cli(dir, ['package.json'])).toEqual({code: 2, stdout: '', stderr: 'liaison: package.json: package.json is a configuration file, not a template; liaison does not lint it\n'})
    expect((await cli(dir, ['--stdin', '--stdin-filename', '.liaisonrc.yaml'])).stderr).toBe(
      'liaison: --stdin-filename .liaisonrc.yaml: .liaisonrc.yaml is a configuration file, not a template; liaison does not lint it\n',
    )
  })

  it('passes by a YAML or JSON file found in a folder that holds no templates, and rejects one named', async () => {
    const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'
    const dir = project({'.liaisonrc.yaml': 'files: ["**"]\n', '.github/workflows/ci.yml': workflow, 'tsconfig.json': '{"compilerOptions": {"strict": true}}', 'ok.txt': 'Checkout is failing for some customers.'})
    const {code, stdout, stderr} = await cli(dir, ['--debug'])
    expect({code, stdout}).toEqual({code: 0, stdout: ''})
    expect(stderr).toContain('liaison: debug: .github/workflows/ci.yml: passed by, not a message: expected a list of templates')
    expect(stderr).toContain('liaison: debug: tsconfig.json: passed by, not a message: expected a list of templates')
    expect(await cli(dir, ['.github/workflows/ci.yml'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'liaison: .github/workflows/ci.yml:1:1: expected a list of templates, a "templates:" list or a map of names to templates (mappings with title or body); found none (not a template file? add it to "ignores" in your config)\n',
    })
    // A collection with one template is one: its other entries are mistakes, wherever it was found.
    write(dir, {'t.yml': 'a: {body: Checkout is failing for some customers.}\nb: {bodyy: x}\n'})
    expect((await cli(dir, [])).stderr).toMatch(/^liaison: t\.yml:2:4: "b": expected a template/)
  })
})

describe('the templates and placeholders config keys', () => {
  it.each([
    ['placeholders: {syntaxes: [mustach]}\n', '.liaisonrc.yaml:1:27: "placeholders.syntaxes": unknown syntax "mustach" (did you mean "mustache"?); expected any of mustache, tag, dollar, printf, angle, bracket, brace, shell'],
    ['placeholders: {widths: {component: -1}}\n', '.liaisonrc.yaml:1:25: "placeholders.widths": the width of "component" must be a whole number of characters (0 or more), got -1'],
    ['placeholders: 3\n', '.liaisonrc.yaml:1:1: "placeholders" must be an object with any of syntaxes, patterns, widths, defaultWidth; got 3'],
    ["placeholders:\n  patterns:\n    - '/%%(\\w+)%%/'\n    - '/(a)\\1/'\n", '.liaisonrc.yaml:4:7: "placeholders.patterns": pattern "/(a)\\\\1/" cannot be matched in guaranteed linear time (it uses a backreference); patterns run on RE2, which has no lookaround ((?=, (?!, (?<=, (?<!) and no backreferences (\\1, \\k<name>): rewrite it without them'],
    ['templates: []\n', '.liaisonrc.yaml:1:1: "templates" must be an object with "fields", got a list'],
    ['templates: {field: []}\n', '.liaisonrc.yaml:1:13: "templates" has an unknown key "field" (did you mean "fields"?); it takes fields'],
    ['templates: {}\n', '.liaisonrc.yaml:1:1: "templates" needs "fields": the keys that hold messages, e.g. [title, body], or a map from each to its rule settings'],
    ['templates: {fields: []}\n', '.liaisonrc.yaml:1:13: "templates.fields" must be the keys that hold messages, e.g. [title, body], or a map from each to its rule settings; got a list'],
    ['templates: {fields: [title, 3]}\n', '.liaisonrc.yaml:1:29: "templates.fields" must list the keys that hold messages, e.g. [title, body], or a map from each to its rule settings; item 2 is 3'],
    ['templates: {fields: {title: off}}\n', '.liaisonrc.yaml:1:22: "templates.fields.title" must be rule settings for that field ({} for none), got "off"'],
    ['templates:\n  fields:\n    title: {max-lenght: off}\n', '.liaisonrc.yaml:3:13: "templates.fields.title": Unknown rule "max-lenght" (did you mean "max-length"?)'],
  ])('%j', async (config, message) => {
    const dir = project({'.liaisonrc.yaml': config, 'ok.txt': 'Checkout is failing.'})
    expect(await cli(dir, ['ok.txt'])).toEqual({code: 2, stdout: '', stderr: `liaison: ${message}\n`})
  })
})

describe('lintFile', () => {
  it('falls back to the preset for rules the settings leave out', async () => {
    const file = await lintFile('yaml', '- body: We think it is down.\n', {rules: {'require-impact': 'off'}})
    expect(file.messages.map((m) => m.ruleId)).toEqual(['no-speculation'])
    await expect(lintFile('json', '[{"body": "x"}, 1]', {})).rejects.toThrow('<text>:1:17: item 2: expected a template')
    // A bare string is a body, whatever the fields: it gets the file's rules.
    const bare = await lintFile('yaml', '- We think the site is down.\n', {templates: {fields: {summary: {'no-speculation': 'off'}}}})
    expect(bare.messages.map((m) => m.ruleId)).toEqual(['no-speculation'])
  })

  it('takes a channel given as an option over the status-page default for templates', async () => {
    const body = `Checkout is failing for some customers. ${'We are rolling back the change. '.repeat(5)}Next update in 30 minutes.`
    const ids = async (options: Parameters<typeof lintFile>[2]) => (await lintFile('yaml', `- body: ${body}\n`, options)).messages.map((m) => m.ruleId)
    expect(await ids({})).toEqual([])
    expect(await ids({channel: 'sms'})).toEqual(['max-length'])
  })
})

describe('the pre-commit hook', () => {
  const [hook] = parse(readFileSync(`${root}.pre-commit-hooks.yaml`, 'utf8')) as Array<Record<string, unknown>>

  it('passes every staged file to liaison, which decides what is a message', () => {
    expect(hook).toMatchObject({id: 'liaison', entry: 'liaison --messages-only --no-warn-ignored', language: 'node'})
    for (const key of ['files', 'exclude', 'types', 'types_or']) expect(hook, key).not.toHaveProperty(key)
  })

  it('exits 0 on an ordinary commit and lints only the messages in it (built executable)', () => {
    const dir = project({
      '.git/HEAD': '',
      'tsconfig.json': '{"compilerOptions": {"strict": true}}',
      'README.md': '# Tool\n\nWe think this probably works.\n',
      'logo.png': Buffer.from([0x89, 0x50, 0, 1]).toString('latin1'),
      '.liaisonignore': 'drafts/old/\n',
      'drafts/old/x.md': 'We think the database is probably down.\n',
      'drafts/ok.md': 'Checkout is failing for some customers. Next update in 30 minutes.\n',
      'drafts/guess.md': 'We think the database is probably down.\n',
    })
    const entry = String(hook!.entry).split(' ').slice(1)
    expect(spawnBin(dir, [...entry, 'tsconfig.json', 'README.md', 'logo.png', 'drafts/old/x.md', '--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(dir, [...entry, 'tsconfig.json', 'drafts/ok.md', '--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    const guess = spawnBin(dir, [...entry, 'README.md', 'drafts/guess.md', '-f', 'json'])
    expect(guess.code).toBe(0)
    expect(jsonResults(guess.stdout).map((result) => result.filePath)).toEqual([`${dir}/drafts/guess.md`])
    expect(spawnBin(dir, [...entry, 'drafts/guess.md', '--max-warnings', '0']).code).toBe(1)
  })
})
