/**
 * --fix and --fix-dry-run: ESLint's source-code-fixer model (ranges and
 * text, sorted, never overlapping, linted again, a bounded number of
 * passes), only for suggestions a rule marks safe, exact in .txt, .md and
 * template collections, and never on a file with a problem of its own.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {applyFixes, fixOf, lintAndFix, maxPasses} from '../../src/cli/fix.ts'
import {verifyTemplateFixes} from '../../src/cli/template-fixes.ts'
import {cli, jsonResults, project, spawnBin} from './support.ts'

const belief = 'We believe the cache is full, so checkout fails for some customers. Next update in 30 minutes.'
const fixed = 'We are investigating whether the cache is full, so checkout fails for some customers. Next update in 30 minutes.'
/** Only no-speculation, whose "We believe" rewrite is marked fixable. */
const only = ['--rule', JSON.stringify(Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === 'no-speculation' ? 'warn' : 'off'])))]

describe('applyFixes', () => {
  it('applies fixes in order of position, leaving those that overlap or touch one already applied to the next pass', () => {
    const source = '0123456789'
    const {output, applied} = applyFixes(source, [
      {range: [6, 8], text: 'b'},
      {range: [1, 3], text: 'a'},
      {range: [2, 4], text: 'overlaps'},
      {range: [3, 3], text: 'touches'},
      {range: [9, 10], text: ''},
    ])
    expect(output).toBe('0a345b8')
    expect(applied.map((fix) => fix.text)).toEqual(['a', 'b', ''])
    expect(applyFixes(source, [])).toEqual({output: source, applied: []})
  })
})

describe('which suggestions are fixes', () => {
  const file = (expected: string[] | undefined, fixable: boolean, actual = 'We think') => {
    const vfile = new VFile({value: 'We think so.'})
    const message = vfile.message('guess', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 9, offset: 8}}})
    Object.assign(message, {ruleId: 'no-speculation', actual, expected, fixable})
    return {vfile, message}
  }

  it('only a suggestion the rule marks fixable, landing exactly, with text Markdown reads as text', () => {
    const source = 'We think so.'
    expect(fixOf(file(['We are checking'], true).message, source, 'text')).toEqual({range: [0, 8], text: 'We are checking'})
    // An impact statement needs a person: a suggestion that is not marked fixable stays a suggestion.
    expect(fixOf(file(['Customers cannot log in'], false).message, source, 'text')).toBeUndefined()
    expect(fixOf(file(undefined, true).message, source, 'text')).toBeUndefined()
    expect(fixOf(file(['We are checking'], true, 'We thinks').message, source, 'text')).toBeUndefined()
    expect(fixOf(file(['*We* are checking'], true).message, source, 'markdown')).toBeUndefined()
    expect(fixOf(file(['*We* are checking'], true).message, source, 'text')).toEqual({range: [0, 8], text: '*We* are checking'})
  })

  it('stops after a bounded number of passes when fixes keep coming', async () => {
    let passes = 0
    const lint = (text: string) => {
      passes++
      const vfile = new VFile({value: text})
      const message = vfile.message('again', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}})
      Object.assign(message, {ruleId: 'x', actual: 'a', expected: ['ax'], fixable: true})
      return Promise.resolve(vfile)
    }
    const result = await lintAndFix('a', 'text', lint)
    expect(passes).toBe(maxPasses + 1)
    expect(result.output).toBe(`a${'x'.repeat(maxPasses)}`)
  })
})

describe('a template fix is checked by reading the file again', () => {
  const verify = verifyTemplateFixes('yaml', ['title', 'body'])

  it.each([
    ['a plain scalar', '- body: We believe it is down.\n', [10, 17], 'are investigating whether', true],
    ['a double-quoted scalar', '- body: "We believe it is down."\n', [11, 18], 'are sure', true],
    ['a quote that ends a single-quoted scalar', "- body: 'We believe it is down.'\n", [11, 18], "can't say", false],
    ['a colon that turns a plain scalar into a mapping', '- body: We believe it is down.\n', [10, 17], 'say: it', false],
    ['a range outside every message', '- body: We believe it is down.\n  name: We believe\n', [39, 46], 'x', false],
  ])('%s', async (_, before, range, text, ok) => {
    const fix = {range: range as [number, number], text}
    expect(await verify(before, applyFixes(before, [fix]).output, [fix])).toBe(ok)
  })
})

describe('--fix and --fix-dry-run (built executable)', () => {
  it('writes the safe fixes to .txt and .md drafts, and a second run changes nothing', () => {
    const dir = project({'drafts/a.txt': `${belief}\n`, 'drafts/b.md': `# Checkout\n\n${belief}\n`, 'drafts/c.txt': 'Checkout is failing for some customers. Next update in 30 minutes.\n'})
    const first = spawnBin(dir, ['--fix', ...only, '--max-warnings', '0'])
    expect(first).toEqual({code: 0, stdout: '', stderr: ''})
    expect(readFileSync(join(dir, 'drafts/a.txt'), 'utf8')).toBe(`${fixed}\n`)
    expect(readFileSync(join(dir, 'drafts/b.md'), 'utf8')).toBe(`# Checkout\n\n${fixed}\n`)
    const again = spawnBin(dir, ['--fix', ...only, '-f', 'json'])
    expect(again.code).toBe(0)
    expect(jsonResults(again.stdout).map((result) => result.output)).toEqual([undefined, undefined, undefined])
    expect(readFileSync(join(dir, 'drafts/a.txt'), 'utf8')).toBe(`${fixed}\n`)
  })

  it('--fix-dry-run reports the fixed text as "output" and writes nothing; so does it for standard input', () => {
    const dir = project({'drafts/a.txt': `\uFEFF${belief}\r\n`})
    const {code, stdout} = spawnBin(dir, ['--fix-dry-run', ...only, '-f', 'json'])
    expect(code).toBe(0)
    const [result] = jsonResults(stdout)
    expect(result).toMatchObject({output: `${fixed}\r\n`, messages: [], warningCount: 0, fixableWarningCount: 0})
    expect(readFileSync(join(dir, 'drafts/a.txt'), 'utf8')).toBe(`\uFEFF${belief}\r\n`)
    const stdin = spawnBin(dir, ['--stdin', '--fix-dry-run', ...only, '-f', 'json'], {stdin: belief})
    expect(jsonResults(stdin.stdout)[0]!.output).toBe(fixed)
    // --fix keeps the byte-order mark and the line endings.
    expect(spawnBin(dir, ['--fix', ...only]).code).toBe(0)
    expect(readFileSync(join(dir, 'drafts/a.txt'), 'utf8')).toBe(`\uFEFF${fixed}\r\n`)
  })

  it('without --fix, marks what it would fix: "fix" and the fixable counts in JSON, a line in stylish', () => {
    const dir = project({'drafts/a.txt': belief})
    const json = jsonResults(spawnBin(dir, [...only, '-f', 'json']).stdout)[0]!
    expect(json.messages[0]).toMatchObject({ruleId: 'no-speculation', fix: {range: [0, 10], text: 'We are investigating whether'}})
    expect(json).toMatchObject({fixableErrorCount: 0, fixableWarningCount: 1})
    expect(json).not.toHaveProperty('output')
    expect(spawnBin(dir, only).stdout).toContain('\n  0 errors and 1 warning potentially fixable with the `--fix` option.\n')
  })

  it('fixes a message inside a YAML or JSON collection where the scalar reads as written, and nowhere else', () => {
    const yaml = ['- title: Checkout errors', `  body: ${belief}`, `- body: "We believe the\\u0020cache is full. Checkout fails for some customers."`, ''].join('\n')
    const json = JSON.stringify([{body: belief}, {body: 'We believe the cache is full. Checkout fails for some customers.'}], null, 2).replace('"We believe the cache is full. Checkout', '"We\\u0020believe the cache is full. Checkout')
    const dir = project({'templates/a.yml': yaml, 'templates/b.json': json})
    const {code, stdout} = spawnBin(dir, ['--fix', ...only, '-f', 'json'])
    expect(code).toBe(0)
    expect(readFileSync(join(dir, 'templates/a.yml'), 'utf8')).toBe(yaml.replace(belief, fixed).replace('"We believe the', '"We are investigating whether the'))
    // The second body's "We\u0020believe" does not read as written, so its fix stays a suggestion; an escape next to the words does not matter.
    expect(readFileSync(join(dir, 'templates/b.json'), 'utf8')).toBe(json.replace(belief, fixed))
    expect(jsonResults(stdout).map((result) => result.warningCount)).toEqual([0, 1])
  })

  it('never fixes a file with a problem of its own, and writes nothing when a file cannot be linted', () => {
    const broken = `<!-- liaison-disabel max-length -->\n\n${belief}\n`
    const dir = project({'drafts/a.md': broken, 'drafts/b.txt': belief})
    const {code, stdout} = spawnBin(dir, ['--fix', ...only, '-f', 'json'])
    expect(code).toBe(1)
    expect(readFileSync(join(dir, 'drafts/a.md'), 'utf8')).toBe(broken)
    expect(readFileSync(join(dir, 'drafts/b.txt'), 'utf8')).toBe(fixed)
    expect(jsonResults(stdout)[0]!.messages.some((m) => m.fix)).toBe(false)
    writeFileSync(join(dir, 'drafts/b.txt'), belief)
    writeFileSync(join(dir, 'drafts/c.yml'), '- [\n')
    // A broken file does not stop the others' report, but a run that exits 2 writes no fix.
    const unfixed = spawnBin(dir, ['--fix', ...only])
    expect(unfixed.code).toBe(2)
    expect(unfixed.stderr).toMatch(/^liaison: drafts\/c\.yml:2:1: /)
    expect(readFileSync(join(dir, 'drafts/b.txt'), 'utf8')).toBe(belief)
  })
})

describe('--fix in-process', () => {
  it('reports a file it cannot write', async () => {
    const dir = project({'drafts/a.txt': belief})
    const {chmodSync} = await import('node:fs')
    chmodSync(join(dir, 'drafts/a.txt'), 0o444)
    const {code, stderr} = await cli(dir, ['--fix', ...only])
    // Root writes anyway; anyone else gets a clear error naming the file.
    if (process.getuid?.() === 0) expect(code).toBe(0)
    else expect(stderr).toMatch(/^liaison: cannot write the fixes to drafts\/a\.txt: EACCES/)
  })
})

describe('--fix in-process, every kind of file', () => {
  it('fixes text, Markdown with front matter and a YAML collection, and reports what it wrote with --quiet', async () => {
    const dir = project({
      'drafts/a.txt': `\uFEFF${belief}`,
      'drafts/b.md': `---\nphase: investigating\n---\n${belief}\n`,
      'templates/c.yml': `- body: ${belief}\n`,
    })
    const {code, stdout} = await cli(dir, ['--fix', ...only, '--quiet', '-f', 'json'])
    expect(code).toBe(0)
    expect(jsonResults(stdout).map((result) => result.output)).toEqual([fixed, `---\nphase: investigating\n---\n${fixed}\n`, `- body: ${fixed}\n`])
    expect(readFileSync(join(dir, 'drafts/a.txt'), 'utf8')).toBe(`\uFEFF${fixed}`)
    expect(readFileSync(join(dir, 'templates/c.yml'), 'utf8')).toBe(`- body: ${fixed}\n`)
  })

  it('keeps the fixes that read back exactly when some do not, and stops when none does', async () => {
    const lint = (text: string) => {
      const vfile = new VFile({value: text})
      for (const [at, from, to] of [['a', 0, 1], ['b', 2, 3]] as const) {
        if (text[from] !== at) continue
        const message = vfile.message('x', {place: {start: {line: 1, column: from + 1, offset: from}, end: {line: 1, column: to + 1, offset: to}}})
        Object.assign(message, {ruleId: 'x', actual: at, expected: [at.toUpperCase()], fixable: true})
      }
      return Promise.resolve(vfile)
    }
    // Only the fix to "a" reads back as intended.
    const onlyA = (_before: string, _after: string, applied: readonly {text: string}[]) => Promise.resolve(applied.every((fix) => fix.text === 'A'))
    expect((await lintAndFix('a b', 'yaml', lint, onlyA)).output).toBe('A b')
    expect((await lintAndFix('a b', 'yaml', lint, () => Promise.resolve(false))).output).toBeUndefined()
  })

  it('reads a fix as exact only where it lands on the characters of one message', async () => {
    const text = '---\ntitle: We believe it\n---\nWe believe the cache is full.\n'
    const verify = verifyTemplateFixes('markdown', ['title', 'body'])
    const fix = (from: number, to: number, value: string) => ({range: [from, to] as [number, number], text: value})
    const body = text.indexOf('We believe the')
    expect(await verify(text, applyFixes(text, [fix(body, body + 10, 'We know')]).output, [fix(body, body + 10, 'We know')])).toBe(true)
    // The front matter's `---` is in no message; a range from the title into the body is in no one message.
    expect(await verify(text, applyFixes(text, [fix(0, 3, '+++')]).output, [fix(0, 3, '+++')])).toBe(false)
    const across = fix(text.indexOf('believe it'), body + 2, 'x')
    expect(await verify(text, applyFixes(text, [across]).output, [across])).toBe(false)
    const mid = fix(body + 1, body + 3, 'E ')
    expect(await verify(text, 'broken: [', [mid])).toBe(false)
  })

  it('marks a fixable error in stylish, and wraps rows that have no rule id', async () => {
    const {stylish} = await import('../../src/cli/formatters/stylish.ts')
    const out = await stylish(
      [
        {
          filePath: '/x/a.md',
          messages: [{ruleId: 'no-speculation', severity: 2, message: 'guess', line: 1, column: 1, fix: {range: [0, 1], text: 'x'}}],
          errorCount: 1,
          warningCount: 0,
        },
        {
          filePath: '/x/b.md',
          messages: [{ruleId: null, severity: 1, message: 'File ignored because of a pattern in a file name that wraps', line: 0, column: 0}],
          errorCount: 0,
          warningCount: 1,
        },
      ],
      {cwd: '/x', color: false, width: 40},
    )
    expect(out).toContain('  1 error and 0 warnings potentially fixable with the `--fix` option.\n')
    expect(out).toContain(`\nb.md\n  0:0  warning  File ignored because of\n${' '.repeat(16)}a pattern in a file name\n${' '.repeat(16)}that wraps\n`)
  })
})
