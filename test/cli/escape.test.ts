/**
 * Output that cannot inject (src/cli/visible.ts), through the spawned
 * executable: file names, messages quoting a draft or a comment, and values
 * from templates reach the terminal and the CI log with every control
 * character shown as an escape, and no line of output that liaison did not
 * mean as a workflow command can start with `::`.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {jsonResults, onlyMaxLength, printedConfig, project, sarifLog, spawnBin, words} from './support.ts'

const hostileName = 'b\n::add-mask::web03\n.txt'
const shownName = 'b\\n::add-mask::web03\\n.txt'
/** Raw controls (ESC, BEL, C1), separators and direction overrides: what must never be printed as is. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const raw = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/

/** Lines of output that the GitHub runner would read as a command, other than liaison's own annotations. */
function commands(output: string): string[] {
  return output.split('\n').filter((line) => line.trimStart().startsWith('::') && !/^::(?:error|warning) file=/.test(line))
}

describe('output that cannot inject', {timeout: 60_000}, () => {
  it('escapes a file name on stderr, in every format', () => {
    const dir = project({'.liaisonrc.json': {rules: onlyMaxLength()}})
    mkdirSync(join(dir, 'drafts'))
    writeFileSync(join(dir, 'drafts', hostileName), Buffer.from([0x61, 0]))
    for (const format of ['stylish', 'github', 'json', 'sarif']) {
      const {code, stdout, stderr} = spawnBin(dir, [`drafts/${hostileName}`, '--format', format])
      expect(code).toBe(0)
      // SARIF always prints a log; the others print nothing for a skipped file.
      if (format !== 'sarif') expect(stdout).toBe(format === 'json' ? '[]\n' : '')
      expect(stderr).toBe(`liaison: warning: drafts/${shownName}: skipped, it is binary (NUL byte at offset 1), not a UTF-8 text draft\n`)
      expect(commands(stderr)).toEqual([])
    }
  })

  it('escapes a file name in annotations and in stylish headers', () => {
    const dir = project({'.liaisonrc.json': {rules: onlyMaxLength()}})
    mkdirSync(join(dir, 'drafts'))
    writeFileSync(join(dir, 'drafts', hostileName), words(300))
    const github = spawnBin(dir, [`drafts/${hostileName}`, '--format', 'github'])
    expect(github.code).toBe(1)
    expect(commands(github.stdout)).toEqual([])
    expect(github.stdout).toMatch(/^::error file=drafts\/b\\n%3A%3Aadd-mask%3A%3Aweb03\\n\.txt,/)
    const stylish = spawnBin(dir, [`drafts/${hostileName}`])
    expect(stylish.stdout).toContain(`\ndrafts/${shownName}\n`)
    expect(commands(stylish.stdout)).toEqual([])
  })

  it('shows control characters from a comment escaped, in stylish and github output', () => {
    const dir = project({'draft.md': '<!-- liaison-disable x\u001B]0;T\u0007\u001B[2J -->\n\nCheckout is failing.\n'})
    const stylish = spawnBin(dir, ['--no-config', 'draft.md'])
    expect(stylish.code).toBe(1)
    expect(stylish.stdout).toContain('Unknown rule "x\\x1B]0;T\\x07\\x1B[2J"')
    expect(stylish.stdout).not.toMatch(raw)
    const github = spawnBin(dir, ['--no-config', '--format', 'github', 'draft.md'])
    expect(github.stdout).toContain('x\\x1B]0;T\\x07\\x1B[2J')
    expect(github.stdout).not.toMatch(raw)
  })

  it('keeps JSON the same data, with nothing a terminal acts on', () => {
    const dir = project({'draft.md': '<!-- liaison-disable x\u009B2J\u202E -->\n\nCheckout is failing.\n'})
    const {stdout} = spawnBin(dir, ['--no-config', '--format', 'json', 'draft.md'])
    expect(stdout).not.toMatch(raw)
    expect(stdout).toContain('\\u009b2J\\u202e')
    expect(jsonResults(stdout)[0]!.messages[0]!.message).toContain('x\u009B2J\u202E')
    const sarif = spawnBin(dir, ['--no-config', '--format', 'sarif', 'draft.md']).stdout
    expect(sarif).not.toMatch(raw)
    expect(sarifLog(sarif).runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toContain('x\u009B2J\u202E')
    const printed = spawnBin(dir, ['--rule', '{"no-internal-hostname": [error, {deny: ["a\u202Eb"]}]}', '--print-config', 'draft.md']).stdout
    expect(printed).not.toMatch(raw)
    expect(printedConfig(printed).rules['no-internal-hostname']?.[1]?.deny).toEqual(['a\u202Eb'])
  })

  it('escapes values from a template in the error line', () => {
    const dir = project({'t.yaml': '- title: Checkout is failing.\n  phase: "inv\\u202Eestigating\\e[2J"\n'})
    const {code, stderr} = spawnBin(dir, ['--no-config', 't.yaml'])
    expect(code).toBe(2)
    expect(stderr).not.toMatch(raw)
    expect(stderr).toMatch(/^liaison: t\.yaml:2:\d+: .*inv\\u202Eestigating\\u001b\[2J/)
    expect(stderr.split('\n')).toHaveLength(2)
  })
})
