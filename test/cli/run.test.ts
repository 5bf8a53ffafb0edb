/**
 * `run()` in-process: every flag not covered by the config, files, formats
 * and Markdown suites, standard input, colour, and the failure paths.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {run} from '../../src/cli/run.ts'
import {cli, failingStream, jsonResults, onlyMaxLength, onlyMaxLengthFlag, project, spawnBin, version, words} from './support.ts'

const only = onlyMaxLengthFlag()

describe('information flags', () => {
  it('--help names every flag and exits 0', async () => {
    const {code, stdout, stderr} = await cli(project(), ['--help'])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    for (const flag of ['--stdin', '--stdin-filename', '-c, --config', '--no-config', '--rule', '--channel', '-f, --format', '-o, --output-file', '--quiet', '--max-warnings', '--print-config', '--list-rules', '--debug', '-h, --help', '-v, --version']) {
      expect(stdout).toContain(`  ${flag} `)
    }
    expect(stdout).toContain('twitter, sms, mastodon, bluesky, statuspage, email')
    expect((await cli(project(), ['-h'])).stdout).toBe(stdout)
  })

  it('--version and -v print the package version', async () => {
    expect(await cli(project(), ['--version'])).toEqual({code: 0, stdout: `${version}\n`, stderr: ''})
    expect((await cli(project(), ['-v'])).stdout).toBe(`${version}\n`)
  })

  it('--list-rules lists every rule, as text or JSON', async () => {
    const text = await cli(project(), ['--list-rules'])
    expect(text.code).toBe(0)
    const lines = text.stdout.trimEnd().split('\n')
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(rules.map((rule) => rule.meta.id))
    expect(lines[0]).toMatch(/^max-length +recommended: error, strict: error +The message fits/)
    const asJson = JSON.parse((await cli(project(), ['--list-rules', '-f', 'json'])).stdout) as Array<{id: string; url: string}>
    expect(asJson.map((meta) => [meta.id, meta.url])).toEqual(rules.map((rule) => [rule.meta.id, rule.meta.url]))
  })

  it('--print-config takes one file and no other input', async () => {
    expect(await cli(project(), ['--print-config', 'x.md', 'y.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: --print-config prints the configuration for one file; do not also pass paths or --stdin\n',
    })
  })
})

describe('usage errors', () => {
  it.each([
    [['-x'], 'unknown option -x; see liaison --help'],
    [['--colour'], 'unknown option --colour (did you mean --color?); see liaison --help'],
    [['--color', '--no-color'], '--color and --no-color cannot be used together'],
    [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together'],
    [['--fix', '--stdin'], '--fix writes files; for standard input use --fix-dry-run, which reports the fixed text'],
    [['--preset', 'strickt'], '--preset "strickt" is not one of recommended, strict (did you mean "strict"?)'],
    [['--ext', 'md,rst'], '--ext "rst" is not an extension liaison lints (.md, .markdown, .mdx, .txt, .yml, .yaml, .json)'],
    [['--list-rules', '-f', 'sarif'], '--list-rules prints a table, or JSON with --format json; --format sarif is for lint results'],
    [['--list-rules', '-f', 'github'], '--list-rules prints a table, or JSON with --format json; --format github is for lint results'],
    [['--max-warning', '1'], 'unknown option --max-warning (did you mean --max-warnings?); see liaison --help'],
    [['--format=xml'], '--format "xml" is not one of stylish, json, sarif, github'],
    [['--format', 'jsn'], '--format "jsn" is not one of stylish, json, sarif, github (did you mean "json"?)'],
    [['--output-file'], 'option --output-file needs a value; see liaison --help'],
    [['--quiet=yes'], 'option --quiet does not take a value; see liaison --help'],
    [['--max-warnings', '--quiet'], 'option --max-warnings needs a value; for one starting with "-", write --max-warnings=<value>'],
    [['--max-warnings', '-2'], '--max-warnings expects a whole number of warnings (0 or more, or -1 for no limit), got "-2"'],
    [['--max-warnings=-1.5'], '--max-warnings expects a whole number of warnings (0 or more, or -1 for no limit), got "-1.5"'],
    [['--max-warnings', 'ten'], '--max-warnings expects a whole number of warnings (0 or more, or -1 for no limit), got "ten"'],
    [['--stdin-filename', 'x.md'], '--stdin-filename needs --stdin'],
    [['--channel', 'fax'], '--channel "fax" is not one of twitter, sms, mastodon, bluesky, statuspage, email'],
    [['--stdin', 'x.md'], '--stdin lints standard input; do not also pass paths (got x.md)'],
    [['--stdin', '--stdin-filename', 'x.rst'], '--stdin-filename x.rst: liaison lints .md, .markdown, .mdx, .txt, .yml, .yaml, .json files'],
    [['--config', ''], '--config needs a file name'],
  ])('%j', async (argv, message) => {
    expect(await cli(project(), argv)).toEqual({code: 2, stdout: '', stderr: `liaison: ${message}\n`})
  })

  it('takes a path starting with "-" after --', async () => {
    const dir = project({'-draft.md': 'Checkout is failing.', '.liaisonrc.json': {rules: onlyMaxLength()}})
    expect(await cli(dir, ['--', '-draft.md'])).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('standard input', () => {
  it('lints it as plain text named <text> by default', async () => {
    const {code, stdout} = await cli(project(), ['--stdin', ...only, '-f', 'json'], {stdin: `<!-- liaison-disable -->\n${words(300)}`})
    expect(code).toBe(1)
    expect(jsonResults(stdout)[0]!).toMatchObject({filePath: '<text>', errorCount: 1})
  })

  it('uses --stdin-filename for the kind, the config and the report', async () => {
    const dir = project({'team/.liaisonrc.yaml': `rules: ${JSON.stringify(onlyMaxLength())}\nchannel: sms\n`})
    const markdown = `<!-- liaison-disable -->\n${words(300)}`
    const md = await cli(dir, ['--stdin', '--stdin-filename', 'team/draft.md', '-f', 'json'], {stdin: markdown})
    expect(md.code).toBe(0)
    expect(jsonResults(md.stdout)[0]!).toMatchObject({filePath: join(dir, 'team/draft.md'), errorCount: 0})
    const txt = await cli(dir, ['--stdin', '--stdin-filename', 'team/draft.txt', '-f', 'json'], {stdin: words(200)})
    expect(jsonResults(txt.stdout)[0]!.messages[0]!.messageId).toBe('tooManySegments')
  })

  it('reports an ignored --stdin-filename instead of linting it', async () => {
    const dir = project({'.liaisonignore': 'old/\n'})
    const {code, stdout} = await cli(dir, ['--stdin', '--stdin-filename', 'old/draft.md', '-f', 'json', ...only], {stdin: words(300)})
    expect(code).toBe(0)
    expect(jsonResults(stdout)[0]!.messages).toEqual([{ruleId: null, severity: 1, message: 'File ignored because of a pattern in .liaisonignore'}])
  })

  it('drops a byte-order mark, which is not part of the message', async () => {
    const {code, stdout} = await cli(project(), ['--stdin', ...only, '-f', 'json'], {stdin: '\uFEFFCheckout is failing.'})
    expect(code).toBe(0)
    expect(jsonResults(stdout)[0]!.messages).toEqual([])
  })

  it('fails with one line when standard input cannot be read', async () => {
    let stderr = ''
    const code = await run(['--stdin'], {cwd: project(), env: {}, stdin: failingStream('partial', 'EIO: i/o error, read'), stdout: {write: () => true}, stderr: {write: (s: string) => (stderr += s)}})
    expect({code, stderr}).toEqual({code: 2, stderr: 'liaison: cannot read standard input: EIO: i/o error, read\n'})
  })
})

describe('results and exit codes', () => {
  it('--quiet reports errors only, so warnings neither print nor count', async () => {
    const dir = project({'long.txt': words(300)})
    expect(await cli(dir, ['long.txt', '--quiet', ...onlyMaxLengthFlag('warn'), '--max-warnings', '0'])).toEqual({code: 0, stdout: '', stderr: ''})
    const errors = await cli(dir, ['long.txt', '--quiet', ...only])
    expect(errors.code).toBe(1)
    expect(errors.stdout).toContain('1 error')
  })

  it('--channel sets the length channel for the run', async () => {
    const dir = project({'a.txt': words(200)})
    expect((await cli(dir, ['a.txt', ...only])).code).toBe(0)
    const sms = await cli(dir, ['a.txt', ...only, '--channel', 'sms', '-f', 'json'])
    expect(sms.code).toBe(1)
    expect(jsonResults(sms.stdout)[0]!.messages[0]!.messageId).toBe('tooManySegments')
  })

  it('--list-rules refuses --format sarif and github (built executable)', () => {
    expect(spawnBin(project(), ['--list-rules', '--format', 'sarif'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: --list-rules prints a table, or JSON with --format json; --format sarif is for lint results\n',
    })
    expect(spawnBin(project(), ['--list-rules', '--format', 'github']).code).toBe(2)
  })

  it('--debug names the config each file uses, on stderr', async () => {
    const dir = project({'a.md': 'A.', 'sub/b.txt': 'B.', 'sub/.liaisonrc.json': {rules: onlyMaxLength()}})
    const {code, stderr} = await cli(dir, ['--debug', 'a.md', 'sub/b.txt', ...only])
    expect(code).toBe(0)
    expect(stderr).toBe('liaison: debug: a.md (markdown) uses no config file (defaults)\nliaison: debug: sub/b.txt (text) uses sub/.liaisonrc.json\n')
  })

  it('-o refuses to overwrite a file being linted, or a directory', async () => {
    const dir = project({'a.md': 'A.', 'folder/.keep': '', '.liaisonignore': 'b.md\n', 'b.md': 'B.'})
    expect(await cli(dir, ['a.md', '-o', 'a.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: --output-file a.md is one of the files being linted; refusing to overwrite it\n',
    })
    expect((await cli(dir, ['a.md', 'b.md', '-o', 'b.md'])).stderr).toBe(
      'liaison: --output-file b.md is one of the files being linted; refusing to overwrite it\n',
    )
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A.')
    expect((await cli(dir, ['a.md', '-o', 'folder'])).stderr).toBe('liaison: --output-file folder: is a directory\n')
    const stdin = await cli(dir, ['--stdin', '--stdin-filename', 'a.md', '-o', './a.md'], {stdin: 'x'})
    expect(stdin.stderr).toBe('liaison: --output-file a.md is one of the files being linted; refusing to overwrite it\n')
  })

  it('-o refuses a missing folder and reports a failed write', async () => {
    const dir = project({'a.md': 'A.'})
    expect(await cli(dir, ['a.md', '-o', 'out/report.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: --output-file out/report.txt: folder out does not exist\n',
    })
    if (existsSync('/dev/full')) {
      expect(await cli(dir, ['a.md', ...only, '-f', 'json', '-o', '/dev/full'])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'liaison: cannot write /dev/full: ENOSPC: no space left on device, write\n',
      })
    }
  })

  it('-o writes the report, never in colour', async () => {
    const dir = project({'long.txt': words(300)})
    const {code, stdout} = await cli(dir, ['long.txt', ...only, '-o', 'report.txt'], {isTTY: true})
    expect({code, stdout}).toEqual({code: 1, stdout: ''})
    const report = readFileSync(join(dir, 'report.txt'), 'utf8')
    expect(report).toContain('long.txt')
    expect(report).not.toContain('\u001B[')
  })
})

describe('colour', () => {
  const dir = () => project({'long.txt': words(300)})
  const coloured = (stdout: string) => stdout.includes('\u001B[')

  it.each([
    ['a TTY', {}, true, true],
    ['a pipe', {}, false, false],
    ['a TTY with NO_COLOR', {NO_COLOR: '1'}, true, false],
    ['a TTY with an empty NO_COLOR', {NO_COLOR: ''}, true, true],
    ['a dumb terminal', {TERM: 'dumb'}, true, false],
    ['a pipe with FORCE_COLOR', {FORCE_COLOR: '1'}, false, true],
    ['a TTY with FORCE_COLOR=0', {FORCE_COLOR: '0'}, true, false],
  ])('on %s', async (_, env, isTTY, expected) => {
    const {stdout} = await cli(dir(), ['long.txt', ...only], {env, isTTY})
    expect(coloured(stdout)).toBe(expected)
  })

  it.each([
    ['--color on a pipe', ['--color'], {}, false, true],
    ['--color with NO_COLOR', ['--color'], {NO_COLOR: '1'}, false, true],
    ['--no-color on a TTY', ['--no-color'], {}, true, false],
    ['--no-color with FORCE_COLOR', ['--no-color'], {FORCE_COLOR: '1'}, true, false],
  ])('%s: the flag wins over the environment', async (_, argv, env, isTTY, expected) => {
    const {stdout} = await cli(dir(), ['long.txt', ...only, ...argv], {env, isTTY})
    expect(coloured(stdout)).toBe(expected)
  })

  it('--color and --no-color, spawned (built executable)', () => {
    expect(coloured(spawnBin(dir(), ['long.txt', ...only, '--color']).stdout)).toBe(true)
    expect(coloured(spawnBin(dir(), ['long.txt', ...only, '--no-color'], {env: {FORCE_COLOR: '1'}}).stdout)).toBe(false)
  })
})

describe('stylish on a terminal', () => {
  it('wraps a long message at the terminal width, under its own column; a pipe keeps one line per problem', async () => {
    const dir = project({'long.txt': words(300)})
    const narrow = await cli(dir, ['long.txt', ...only], {isTTY: true, columns: 60, env: {NO_COLOR: '1'}})
    const rows = narrow.stdout.split('\n').filter((line) => line.startsWith('  '))
    expect(rows.length).toBeGreaterThan(2)
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(60)
    const indent = rows[0]!.indexOf('error') + 'error  '.length
    for (const row of rows.slice(1, -1)) expect(row.slice(0, indent).trim()).toBe('')
    expect(rows[0]).toMatch(/ max-length$/)
    const piped = await cli(dir, ['long.txt', ...only], {isTTY: false, columns: 60})
    expect(piped.stdout.split('\n').filter((line) => line.startsWith('  ')).length).toBe(1)
    // COLUMNS stands in for a terminal that does not say its width.
    const fromEnv = await cli(dir, ['long.txt', ...only], {isTTY: true, env: {NO_COLOR: '1', COLUMNS: '60'}})
    expect(fromEnv.stdout).toBe(narrow.stdout)
  })
})

describe('internal failures', () => {
  const failing = (debug: boolean) => {
    let stderr = ''
    const io = {
      cwd: project({'long.txt': words(300)}),
      env: {},
      stdin: (async function* () {})(),
      stdout: {
        write: () => {
          throw new Error('disk on fire')
        },
      },
      stderr: {write: (s: string) => (stderr += s)},
    }
    return run(['long.txt', ...only, ...(debug ? ['--debug'] : [])], io).then((code) => ({code, stderr}))
  }

  it('exit 2 with one line and a hint', async () => {
    expect(await failing(false)).toEqual({code: 2, stderr: 'liaison: internal error: disk on fire (rerun with --debug for the stack)\n'})
  })

  it('and the stack with --debug', async () => {
    const {code, stderr} = await failing(true)
    expect(code).toBe(2)
    expect(stderr).toMatch(/\nliaison: internal error: disk on fire\nError: disk on fire\n\s+at /)
  })
})
