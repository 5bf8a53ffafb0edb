/**
 * The contract of the real executable, spawned as a user or CI runs it (as
 * ESLint's tests/bin does): exit codes, what goes to stdout and to stderr.
 */
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, jsonResults, onlyMaxLength, onlyMaxLengthFlag, project, spawnBin, version, words} from './support.ts'

// Each test spawns Node once or twice; leave room for a loaded CI machine.
describe('liaison (built executable)', {timeout: 30_000}, () => {
  it('starts with a shebang and is executable', () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    expect(statSync(bin).mode & 0o111).not.toBe(0)
  })

  it('exits 0 with empty stdout and stderr on a clean file', () => {
    const dir = project({'ok.txt': 'Checkout is failing for some customers.', '.liaisonrc.json': {rules: onlyMaxLength()}})
    expect(spawnBin(dir, ['ok.txt'])).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('exits 1 on lint errors, with the report on stdout and nothing on stderr', () => {
    const dir = project({'long.txt': words(300), '.liaisonrc.json': {rules: onlyMaxLength()}})
    const {code, stdout, stderr} = spawnBin(dir, ['long.txt'])
    expect(code).toBe(1)
    expect(stderr).toBe('')
    expect(stdout).toContain('long.txt')
    expect(stdout).toMatch(/\d+:\d+ +error +\d+\/280 characters for twitter.* max-length\n/)
    expect(stdout).toContain('\u2716 1 problem (1 error, 0 warnings)')
  })

  it('exits 1 when warnings exceed --max-warnings, saying so on stderr', () => {
    const dir = project({'long.txt': words(300)})
    const ok = spawnBin(dir, ['long.txt', ...onlyMaxLengthFlag('warn'), '--max-warnings', '1'])
    expect(ok.code).toBe(0)
    const over = spawnBin(dir, ['long.txt', ...onlyMaxLengthFlag('warn'), '--max-warnings', '0'])
    expect(over.code).toBe(1)
    expect(over.stdout).toContain('1 warning')
    expect(over.stderr).toBe('liaison: too many warnings (1; --max-warnings is 0)\n')
  })

  it.each([
    ['an unknown flag', ['--fromat', 'json'], 'liaison: unknown option --fromat (did you mean --format?); see liaison --help\n'],
    ['a missing file', ['nope.md'], 'liaison: nope.md: no such file or directory\n'],
    ['a glob that matches nothing', ['drafts/*.md'], 'liaison: drafts/*.md: no .md, .markdown, .mdx, .txt, .yml, .yaml, .json files match\n'],
    ['an unknown rule in --rule', ['--rule', 'max-lenght: off', 'ok.txt'], 'liaison: --rule "max-lenght: off": Unknown rule "max-lenght" (did you mean "max-length"?)\n'],
  ])('exits 2 on %s: one line on stderr, nothing on stdout', (_, argv, message) => {
    const dir = project({'ok.txt': 'Checkout is failing for some customers.'})
    expect(spawnBin(dir, argv)).toEqual({code: 2, stdout: '', stderr: message})
  })

  it('exits 2 on a config error, naming the file and place', () => {
    const dir = project({'ok.txt': 'Checkout is failing.', '.liaisonrc.yaml': 'rules:\n  max-lenght: off\n'})
    expect(spawnBin(dir, ['ok.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: .liaisonrc.yaml:2:3: Unknown rule "max-lenght" (did you mean "max-length"?)\n',
    })
  })

  it('adds the stack with --debug', () => {
    const dir = project({'ok.txt': 'Checkout is failing.', '.liaisonrc.yaml': 'rules: [\n'})
    const {code, stdout, stderr} = spawnBin(dir, ['ok.txt', '--debug'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    const lines = stderr.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^liaison: \.liaisonrc\.yaml:\d+:\d+: /)
    expect(lines.some((line) => /^\s+at /.test(line))).toBe(true)
  })

  it('lints standard input', () => {
    const dir = project()
    const {code, stdout} = spawnBin(dir, ['--stdin', ...onlyMaxLengthFlag(), '-f', 'json'], {stdin: words(300)})
    expect(code).toBe(1)
    const [result] = jsonResults(stdout)
    expect(result?.filePath).toBe('<text>')
    expect(result?.messages[0]?.ruleId).toBe('max-length')
  })

  it('writes the report with -o, keeping the exit code, and refuses a missing folder', () => {
    const dir = project({'long.txt': words(300)})
    const written = spawnBin(dir, ['long.txt', ...onlyMaxLengthFlag(), '-f', 'json', '-o', 'report.json'])
    expect(written).toEqual({code: 1, stdout: '', stderr: ''})
    expect(jsonResults(readFileSync(join(dir, 'report.json'), 'utf8'))[0]!.errorCount).toBe(1)
    expect(spawnBin(dir, ['long.txt', '-o', 'out/report.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: --output-file out/report.json: folder out does not exist\n',
    })
  })

  it('prints the version and help', () => {
    const dir = project()
    expect(spawnBin(dir, ['--version'])).toEqual({code: 0, stdout: `${version}\n`, stderr: ''})
    const help = spawnBin(dir, ['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: liaison /)
  })
})
