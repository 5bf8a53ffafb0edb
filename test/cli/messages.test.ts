/**
 * What is a message: the default `files`, configured `files` and blocks
 * (ESLint's flat config), files named versus found, --messages-only,
 * --no-warn-ignored, --ext, --preset and --max-warnings -1. Exit codes and
 * output come from the built executable where they are the point.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultFiles} from '../../src/cli/blocks.ts'
import {cli, jsonResults, onlyMaxLength, printedConfig, project, spawnBin, words} from './support.ts'

/** The files a run linted, relative to `dir`. */
async function linted(dir: string, argv: string[] = []): Promise<string[]> {
  const {code, stdout, stderr} = await cli(dir, ['-f', 'json', ...argv])
  expect({code, stderr}).toEqual({code: 0, stderr: ''})
  return jsonResults(stdout).map((result) => result.filePath.replace(`${dir}/`, ''))
}

const clean = 'Checkout is failing for some customers. Next update in 30 minutes.\n'
const guess = 'We think the database is probably down.\n'

describe('a scratch repository, as a new user runs it (built executable)', () => {
  const repository = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'tsconfig.json': '{\n  "compilerOptions": {"strict": true}\n}\n',
    '.github/workflows/ci.yml': 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    'README.md': '# Tool\n\nWe think this is probably the best tool. It will be fixed within the hour.\n',
    'CHANGELOG.md': '## 1.0.0\n\n- We believe the db-primary-01 crash is fixed.\n',
    'CONTRIBUTING.md': 'Probably open an issue first.\n',
    'package.json': '{"name": "tool"}\n',
    'src/index.md': guess,
    'drafts/checkout.md': clean,
    'drafts/2026-12-06.update.txt': clean,
  }

  it('lints only the drafts, and exits 0 when they are clean', () => {
    const dir = project(repository)
    expect(spawnBin(dir, [])).toEqual({code: 0, stdout: '', stderr: ''})
    const {code, stdout} = spawnBin(dir, ['-f', 'json'])
    expect(code).toBe(0)
    expect(jsonResults(stdout).map((result) => result.filePath)).toEqual([join(dir, 'drafts/2026-12-06.update.txt'), join(dir, 'drafts/checkout.md')])
  })

  it('from inside drafts/ too, and reports a draft that is not clean', () => {
    const dir = project({...repository, 'drafts/db.md': guess})
    expect(spawnBin(join(dir, 'drafts'), ['--max-warnings', '0']).code).toBe(1)
    const {code, stdout} = spawnBin(dir, ['-f', 'json', '--max-warnings', '0'])
    expect(code).toBe(1)
    const flagged = jsonResults(stdout).filter((result) => result.warningCount > 0)
    expect(flagged.map((result) => result.filePath)).toEqual([join(dir, 'drafts/db.md')])
  })

  it('says why each file was passed by with --debug', () => {
    const {code, stderr} = spawnBin(project(repository), ['--debug'])
    expect(code).toBe(0)
    const why = 'passed by, not a message: it is not where messages are kept by default'
    for (const name of ['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'tsconfig.json', '.github/workflows/ci.yml', 'src/index.md']) {
      expect(stderr).toContain(`liaison: debug: ${name}: ${why} (${defaultFiles.join(', ')}); set "files" in a config to say where yours are\n`)
    }
    expect(stderr).toContain('liaison: debug: drafts/checkout.md (markdown) uses no config file (defaults)\n')
  })

  it('passes by a message folder\'s own README and CHANGELOG, whatever "files" says, unless named', async () => {
    const dir = project({'.liaisonrc.yaml': 'files: [templates/]\n', 'templates/README.md': guess, 'templates/CHANGELOG.md': guess, 'templates/a.md': clean})
    expect(await linted(dir)).toEqual(['templates/a.md'])
    const {stdout} = await cli(dir, ['--print-config', 'templates/README.md'])
    expect(printedConfig(stdout)).toMatchObject({message: false, why: 'README.md documents the folder (README, CHANGELOG, CONTRIBUTING and the like); it is not a message'})
    expect(jsonResults((await cli(dir, ['templates/README.md', '-f', 'json'])).stdout)[0]!.messages.length).toBeGreaterThan(0)
  })

  it('lints a file named on the command line whatever "files" says', () => {
    const {code, stdout} = spawnBin(project(repository), ['README.md', '-f', 'json'])
    expect(code).toBe(1)
    expect(jsonResults(stdout)[0]!.messages.map((m) => m.ruleId)).toContain('no-resolution-estimate')
  })

  it('explains a folder with no messages in it', () => {
    expect(spawnBin(project(repository), ['src'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `liaison: src: nothing to lint (1 file found): src/index.md is not a message: it is not where messages are kept by default (${defaultFiles.join(', ')}); set "files" in a config to say where yours are\n`,
    })
  })
})

describe('the default "files"', () => {
  it.each([
    ['drafts/a.md', true],
    ['drafts/deep/er/a.txt', true],
    ['templates/x.yml', true],
    ['incidents/2026/db.md', true],
    ['status/a.md', true],
    ['statuspage/a.json', true],
    ['status-page/a.md', true],
    ['comms/a.txt', true],
    ['notes/outage.update.md', true],
    ['outage.update.txt', true],
    ['README.md', false],
    ['docs/drafts.md', false],
    ['docs/drafts/a.md', false],
    ['src/templates/a.md', false],
    ['update.md', false],
    ['templates/README.md', false],
    ['drafts/CHANGELOG.md', false],
    ['status/old/Contributing.txt', false],
    ['comms/license', false],
    ['templates/readme-first.md', true],
    ['drafts/security-incident.md', true],
  ])('%s: %s', async (name, message) => {
    const dir = project({'.git/HEAD': '', [name]: clean, 'other/.keep': ''})
    const {stdout} = await cli(dir, ['--print-config', name])
    expect(printedConfig(stdout).message).toBe(message)
  })

  it('are relative to the repository root, wherever the run starts and whichever config applies', async () => {
    const dir = project({'.git/HEAD': '', 'drafts/.liaisonrc.json': {rules: onlyMaxLength()}, 'drafts/a.md': clean, 'notes/b.md': clean})
    expect(await linted(join(dir, 'drafts'))).toEqual(['a.md'])
    expect(await linted(dir)).toEqual(['drafts/a.md'])
  })
})

describe('configured "files" and blocks', () => {
  it('replace the defaults: only what a "files" pattern matches is a message', async () => {
    const dir = project({'.liaisonrc.yaml': 'files: [copy/, "**/*.msg.txt"]\n', 'copy/a.md': clean, 'copy/sub/b.txt': clean, 'x.msg.txt': clean, 'drafts/c.md': clean})
    expect(await linted(dir)).toEqual(['copy/a.md', 'copy/sub/b.txt', 'x.msg.txt'])
  })

  it('give status-page folders and tweet folders their own settings, later blocks winning', async () => {
    const long = words(400)
    const dir = project({
      '.liaisonrc.yaml': [
        '- files: [status/**, tweets/**]',
        `  rules: ${JSON.stringify(onlyMaxLength())}`,
        '- name: status page',
        '  files: [status/**]',
        '  rules: {max-length: off}',
        '- files: [tweets/**]',
        '  channel: twitter',
        '- files: [tweets/sms/**]',
        '  channel: sms',
        '  ignores: [tweets/sms/old.txt]',
        '- ignores: [status/archive/]',
        '',
      ].join('\n'),
      'status/a.md': long,
      'status/archive/b.md': long,
      'tweets/c.txt': long,
      'tweets/sms/d.txt': words(200),
      'tweets/sms/old.txt': words(200),
    })
    const {code, stdout} = await cli(dir, ['-f', 'json'])
    expect(code).toBe(1)
    const results = jsonResults(stdout).map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.messageId)])
    // status/archive/ is ignored everywhere; tweets/sms/old.txt falls back to the twitter block, where 200 characters fit.
    expect(results).toEqual([
      ['status/a.md', []],
      ['tweets/c.txt', ['tooLong']],
      ['tweets/sms/d.txt', ['tooManySegments']],
      ['tweets/sms/old.txt', []],
    ])
    const printed = printedConfig((await cli(dir, ['--print-config', 'tweets/sms/d.txt'])).stdout)
    expect(printed).toMatchObject({message: true, blocks: ['block 1', 'block 3', 'block 4'], ignores: ['status/archive/']})
    expect(printed.rules['max-length']).toEqual(['error', {channel: 'sms'}])
    expect(printedConfig((await cli(dir, ['--print-config', 'status/a.md'])).stdout)).toMatchObject({blocks: ['block 1', '"status page"']})
    const outside = printedConfig((await cli(dir, ['--print-config', 'notes/x.md'])).stdout)
    expect(outside).toMatchObject({message: false, why: 'no "files" pattern in .liaisonrc.yaml matches it', blocks: []})
  })

  it('apply a later preset over earlier rules, and --preset in place of every preset for the run', async () => {
    const dir = project({'.liaisonrc.yaml': '- files: ["**"]\n  rules: {require-impact: off}\n- files: [strict/**]\n  preset: strict\n'})
    const rule = async (file: string, argv: string[] = []) => printedConfig((await cli(dir, ['--print-config', file, ...argv])).stdout).rules['require-impact']![0]
    expect(await rule('a.md')).toBe('off')
    expect(await rule('strict/a.md')).toBe('error')
    expect(await rule('strict/a.md', ['--preset', 'recommended'])).toBe('warn')
    expect(await rule('a.md', ['--preset', 'strict'])).toBe('off')
    expect(await rule('a.md', ['--preset', 'strict', '--rule', 'require-impact: warn'])).toBe('warn')
    expect(printedConfig((await cli(project(), ['--print-config', 'x.md', '--preset', 'strict'])).stdout).preset).toBe('strict')
  })
})

describe('what the command line says', () => {
  it('--ext narrows folders and globs for one run, never a named file', async () => {
    const dir = project({'.liaisonrc.json': {files: ['**']}, 'a.md': clean, 'b.txt': clean, 'c.yml': `- ${clean}`, 'sub/d.TXT': clean})
    expect(await linted(dir, ['--ext', 'txt'])).toEqual(['b.txt', 'sub/d.TXT'])
    expect(await linted(dir, ['--ext', '.md,yml', '*'])).toEqual(['a.md', 'c.yml'])
    expect(await linted(dir, ['--ext', 'txt', 'a.md'])).toEqual(['a.md'])
    expect((await cli(dir, ['--ext', 'json'])).stderr).toBe('liaison: .: nothing to lint (4 files found): a.md is not one of --ext .json; --debug lists every file\n')
  })

  it('--messages-only judges named files as a walk does, and finding none is not an error (built executable)', () => {
    const dir = project({'tsconfig.json': '{}', 'README.md': guess, 'notes.rst': 'x', 'drafts/a.md': guess, 'empty/.keep': ''})
    expect(spawnBin(dir, ['--messages-only', 'tsconfig.json', 'README.md', 'notes.rst'])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(dir, ['--messages-only', 'empty'])).toEqual({code: 0, stdout: '', stderr: ''})
    const {code, stdout} = spawnBin(dir, ['--messages-only', 'README.md', 'drafts/a.md', '-f', 'json', '--max-warnings', '0'])
    expect(code).toBe(1)
    expect(jsonResults(stdout).map((result) => result.filePath)).toEqual([join(dir, 'drafts/a.md')])
    expect(spawnBin(dir, ['README.md', '--debug', '--messages-only']).stderr).toContain('liaison: debug: README.md: passed by, not a message: it is not where')
  })

  it('--no-warn-ignored passes by named files that are ignored, so they never count toward --max-warnings (built executable)', () => {
    const dir = project({'.liaisonrc.yaml': 'ignores: [drafts/old/]\n', 'drafts/old/a.md': guess, 'drafts/b.md': clean})
    const warned = spawnBin(dir, ['drafts/old/a.md', 'drafts/b.md', '--max-warnings', '0'])
    expect(warned.code).toBe(1)
    expect(warned.stdout).toContain('File ignored because of "ignores" in .liaisonrc.yaml')
    expect(spawnBin(dir, ['--no-warn-ignored', 'drafts/old/a.md', 'drafts/b.md', '--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    expect(spawnBin(dir, ['--no-warn-ignored', 'drafts/old/a.md', '--debug']).stderr).toBe(
      'liaison: debug: drafts/old/a.md: passed by (--no-warn-ignored): File ignored because of "ignores" in .liaisonrc.yaml\n',
    )
  })

  it('--max-warnings -1 means no limit, as in ESLint (built executable)', () => {
    const dir = project({'drafts/a.md': guess})
    expect(spawnBin(dir, ['--max-warnings', '0']).code).toBe(1)
    for (const argv of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const {code, stdout, stderr} = spawnBin(dir, argv)
      expect({code, stderr}).toEqual({code: 0, stderr: ''})
      expect(stdout).toContain('warning')
    }
  })
})

describe('in-process details', () => {
  it('--messages-only passes by named files of other kinds, ignored ones and non-messages; --debug lists them', async () => {
    const dir = project({'.liaisonrc.yaml': 'ignores: [drafts/old/]\n', 'notes.rst': 'x', 'README.md': guess, 'drafts/old/a.md': guess, 'drafts/b.md': clean})
    const {code, stdout, stderr} = await cli(dir, ['--messages-only', '--no-warn-ignored', '--debug', 'notes.rst', 'README.md', 'drafts/old/a.md', 'drafts/b.md', '-f', 'json'])
    expect(code).toBe(0)
    expect(jsonResults(stdout).map((result) => result.filePath)).toEqual([join(dir, 'drafts/b.md')])
    expect(stderr).toContain('liaison: debug: notes.rst: passed by, not a message: liaison lints .md')
    expect(stderr).toContain('liaison: debug: README.md: passed by, not a message: it is not where messages are kept by default')
    expect(stderr).toContain('liaison: debug: drafts/old/a.md: passed by (--no-warn-ignored): File ignored because of "ignores" in .liaisonrc.yaml\n')
  })

  it('--max-warnings -1, after "--" too; --fix-dry-run writes nothing', async () => {
    const dir = project({'drafts/a.md': 'We believe the cache is full, so checkout fails for some customers.\n'})
    expect((await cli(dir, ['--max-warnings', '-1'])).code).toBe(0)
    expect((await cli(dir, ['--max-warnings', '0', '--', 'drafts/a.md'])).code).toBe(1)
    expect((await cli(dir, ['--max-warnings'])).stderr).toBe('liaison: option --max-warnings needs a value; see liaison --help\n')
    const dry = await cli(dir, ['--fix-dry-run', '-f', 'json'])
    expect(jsonResults(dry.stdout)[0]!.output).toMatch(/^We are investigating whether the cache/)
  })

  it('names the blocks a file uses with --debug, and says when none applies', async () => {
    const dir = project({'.liaisonrc.yaml': '- files: [drafts/**]\n- {name: tweets, files: [tweets/**], channel: sms}\n', 'drafts/a.md': clean, 'notes/b.md': clean})
    const {stderr} = await cli(dir, ['--debug', 'drafts/a.md', 'notes/b.md'])
    expect(stderr).toBe('liaison: debug: drafts/a.md (markdown) uses .liaisonrc.yaml (blocks: block 1)\nliaison: debug: notes/b.md (markdown) uses .liaisonrc.yaml (blocks: none)\n')
  })

  it('says a file outside the folder of the config given with -c is not one of its messages', async () => {
    const dir = project({'conf/liaison.yaml': 'files: ["**"]\n', 'work/a.md': clean})
    const printed = printedConfig((await cli(join(dir, 'work'), ['-c', '../conf/liaison.yaml', '--print-config', '../elsewhere/x.md'])).stdout)
    expect(printed).toMatchObject({message: false, why: `it is outside ${join(dir, 'work')}, where the "files" of ${join(dir, 'conf/liaison.yaml')} start`})
  })

  it('lets a block\'s own rules choose a channel over its "channel", in either form', async () => {
    const config = (setting: string) => `- channel: sms\n  rules: {max-length: ${setting}}\n`
    for (const setting of ['[error, {channel: mastodon}]', '{channel: mastodon}']) {
      const dir = project({'.liaisonrc.yaml': config(setting)})
      expect(printedConfig((await cli(dir, ['--print-config', 'x.md'])).stdout).rules['max-length']![1]!.channel).toBe('mastodon')
    }
    expect((await cli(project(), ['--preset', 'xyz', 'x.md'])).stderr).toBe('liaison: --preset "xyz" is not one of recommended, strict\n')
  })

  it('drops a configured limit when a template names another channel, whatever the options', async () => {
    const dir = project({'a.txt': `---\nchannel: sms\n---\n${words(200)}`})
    const {stdout} = await cli(dir, ['a.txt', '--no-config', '-f', 'json'])
    expect(jsonResults(stdout)[0]!.messages.map((m) => m.messageId)).toContain('tooManySegments')
  })
})
