/**
 * Markdown drafts: `<!-- liaison-… -->` comments switch rules per region,
 * only prose is linted, and positions point into the original file.
 * Driven through the command (in-process) with max-length and a `limit`, so
 * where a report starts is known exactly.
 */
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {lintMarkdown} from '../../src/markdown.ts'
import {cli, jsonResults, onlyMaxLength, project} from './support.ts'

interface Message {
  ruleId: string | null
  severity: number
  message: string
  line: number
  column: number
  actual?: string
}

const intro = '# Update\n\nCheckout is failing for some customers.\n\n'
const second = 'Orders placed in the last hour may show as pending until the fix is complete.\n\n'
const third = 'We will post the next update in thirty minutes or sooner if anything changes.\n'

/** A paragraph whose only problem is a guess. */
const guess = (which: string) => `We think the ${which} cause is a failed deploy.\n\n`

/** Lints `text` as draft.md with only no-speculation on. */
async function lintGuesses(text: string) {
  const dir = project({'draft.md': text})
  const only = Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === 'no-speculation' ? 'error' : 'off']))
  const {stdout, stderr} = await cli(dir, ['draft.md', '-f', 'json', '--rule', JSON.stringify(only)])
  expect(stderr).toBe('')
  return jsonResults(stdout)[0]!.messages as Message[]
}

/** Lints `text` as draft.md with max-length limited so that it overflows `chars` into `at`. */
async function lintWithOverflowIn(text: string, at: string, chars = 10, name = 'draft.md') {
  const limit = text.indexOf(at) + chars
  const dir = project({[name]: text})
  const {stdout, stderr} = await cli(dir, [name, '-f', 'json', '--rule', JSON.stringify(onlyMaxLength(['error', {limit}]))])
  expect(stderr).toBe('')
  return jsonResults(stdout)[0]!.messages as Message[]
}

describe('inline control comments', () => {
  it('reports the overflow where it starts when there are no comments', async () => {
    const messages = await lintWithOverflowIn(intro + second + third, second)
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['max-length', 5]])
  })

  it.each([
    ['liaison-disable max-length', second],
    ['liaison-disable', second],
    ['liaison-disable max-length, no-such-rule-either -- quoting a customer', second],
    ['liaison-ignore-next max-length', second],
    ['liaison-ignore-next', second],
  ])('<!-- %s --> silences a report in the region', async (comment) => {
    const text = `${intro}<!-- ${comment} -->\n${second}${third}`
    const messages = await lintWithOverflowIn(text, second)
    expect(messages.filter((m) => m.ruleId === 'max-length')).toEqual([])
  })

  it('liaison-ignore-next covers the next node only, for a report about words', async () => {
    const text = `${intro}<!-- liaison-ignore-next no-speculation -->\n${guess('second')}${guess('third')}`
    expect((await lintGuesses(text)).map((m) => [m.ruleId, m.line])).toEqual([['no-speculation', 8]])
  })

  it('liaison-enable switches the rule back on', async () => {
    const text = `${intro}<!-- liaison-disable no-speculation -->\n${guess('second')}<!-- liaison-enable no-speculation -->\n\n${guess('third')}`
    expect((await lintGuesses(text)).map((m) => [m.ruleId, m.line])).toEqual([['no-speculation', 10]])
  })

  // A length report is about the whole message: where its place starts (where the limit falls) must not decide whether a comment silences it.
  it.each([
    ['inside the ignored paragraph', second],
    ['in a paragraph after it', third],
    ['in the paragraph before it', intro],
  ])('liaison-ignore-next max-length silences the whole-message length report wherever the limit falls: %s', async (_, at) => {
    const text = `${intro}<!-- liaison-ignore-next max-length -->\n${second}${third}`
    expect(await lintWithOverflowIn(text, at)).toEqual([])
    // The same comment for another rule leaves it alone.
    const other = text.replace('ignore-next max-length', 'ignore-next no-speculation')
    expect((await lintWithOverflowIn(other, at)).map((m) => m.ruleId)).toEqual(['max-length'])
  })

  it('disabling another rule leaves this one on', async () => {
    const other = rules.find((rule) => rule.meta.id !== 'max-length')?.meta.id ?? 'max-length'
    const text = `${intro}<!-- liaison-disable ${other} -->\n${second}${third}`
    const messages = await lintWithOverflowIn(text, second)
    expect(messages.map((m) => m.ruleId)).toEqual(other === 'max-length' ? [] : ['max-length'])
  })

  it('reports unknown rules and unknown keywords as errors at the comment, even in a disabled region', async () => {
    const text = `${intro}<!-- liaison-disable -->\n\n<!-- liaison-disable max-lenght -->\n\n<!-- liaison-disabel max-length -->\n\n<!-- liaison enable -->\n\n<!-- liaisons are fine -->\n\n<!-- liaison -->\n\n<!-- liaison-enable --> <!-- note -->\n\n${second}`
    const dir = project({'draft.md': text})
    const {code, stdout} = await cli(dir, ['draft.md', '-f', 'json', '--rule', JSON.stringify(onlyMaxLength())])
    expect(code).toBe(1)
    expect(jsonResults(stdout)[0]!.messages).toEqual([
      {ruleId: null, severity: 2, message: 'Unknown rule "max-lenght" in "liaison-disable" (did you mean "max-length"?)', line: 7, column: 1, endLine: 7, endColumn: 36},
      {
        ruleId: null,
        severity: 2,
        message: 'Unknown comment "liaison-disabel" (did you mean "liaison-disable"?): expected liaison-disable, liaison-enable, liaison-ignore-next',
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 36,
      },
      {
        ruleId: null,
        severity: 2,
        message: 'Unknown comment "liaison" (did you mean "liaison-enable"?): expected liaison-disable, liaison-enable, liaison-ignore-next',
        line: 11,
        column: 1,
        endLine: 11,
        endColumn: 24,
      },
      {
        ruleId: null,
        severity: 2,
        message: 'Unknown comment "liaison": expected liaison-disable, liaison-enable, liaison-ignore-next',
        line: 15,
        column: 1,
        endLine: 15,
        endColumn: 17,
      },
      {
        ruleId: null,
        severity: 2,
        message: 'A "liaison-enable" comment must stand alone: put anything after it on its own line',
        line: 17,
        column: 1,
        endLine: 17,
        endColumn: 38,
      },
    ])
  })

  it('does nothing in plain text, where a comment is part of the message', async () => {
    const text = `${intro}<!-- liaison-disable max-length -->\n${second}${third}`
    const messages = await lintWithOverflowIn(text, second, 10, 'draft.txt')
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['max-length', 6]])
  })
})

describe('what reaches the rules', () => {
  const prose = 'We think db-primary-03.internal is probably down, and it will be fixed within the hour.'
  const excluded = [
    `\`${prose}\``,
    `<span title="${prose}">x</span>`,
    `[the status page](https://db-primary-03.internal/we-think-it-is-probably-down-within-the-hour)`,
    `\`\`\`\n${prose}\n\`\`\``,
    `    ${prose}`,
    `<!-- ${prose} -->`,
    `[ref]: https://db-primary-03.internal/we-think-probably "${prose}"`,
  ]
  const text = `# Update\n\n${prose}\n\n${excluded.join('\n\n')}\n`

  /** Offset of a 1-based line and column in `text`. */
  function offsetOf(line: number, column: number): number {
    return text.split('\n').slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1
  }

  it('lints prose only (code only for rules that read it): never HTML, comments or link targets, with exact positions', async () => {
    const settings = Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === 'max-length' ? 'off' : 'error'] as const))
    const file = await lintMarkdown(text, {rules: settings})
    const spans = excluded.map((part) => [text.indexOf(part), text.indexOf(part) + part.length] as const)
    const proseStart = text.indexOf(prose)
    const inProse = file.messages.filter((m) => {
      const at = offsetOf(m.line!, m.column!)
      return at >= proseStart && at < proseStart + prose.length
    })
    // The same words as prose are flagged (the rules work here), and each report points at its words.
    expect(inProse.length).toBeGreaterThan(0)
    for (const message of inProse) {
      if (message.actual) expect(text.slice(offsetOf(message.line!, message.column!))).toMatch(new RegExp(`^${message.actual.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    }
    // Code is not prose, but customers read it: only the rule that reads code (doc.codeSentences) reports there.
    const code = new Set([excluded[0], excluded[3], excluded[4]])
    const inCode: string[] = []
    for (const message of file.messages) {
      const at = offsetOf(message.line!, message.column!)
      const span = excluded.findIndex((part, index) => at >= spans[index]![0] && at < spans[index]![1])
      if (span !== -1 && code.has(excluded[span]) && message.ruleId === 'no-internal-hostname') inCode.push(`${span} ${message.actual}`)
      else expect(span === -1, `${message.ruleId} reported inside an excluded span: ${message.reason}`).toBe(true)
    }
    expect(inCode).toEqual(['0 db-primary-03.internal', '3 db-primary-03.internal', '4 db-primary-03.internal'])
  })

  it('rejects a non-string, as lint() does', async () => {
    await expect(lintMarkdown(null as unknown as string)).rejects.toThrow('lintMarkdown() expects a string, got null')
    await expect(lintMarkdown(1 as unknown as string)).rejects.toThrow('got number')
  })

  it('keeps a bounded cache of processors, one per configuration', async () => {
    const a = await lintMarkdown('# A', {path: 'a.md'})
    const b = await lintMarkdown('# B', null as never)
    expect([a.path, b.path]).toEqual(['a.md', undefined])
    for (let limit = 1; limit <= 40; limit++) {
      const file = await lintMarkdown('Checkout is failing.', {rules: {'max-length': ['error', {limit}]}})
      expect(file.messages.some((m) => m.ruleId === 'max-length')).toBe(limit < 20)
    }
  })
})

describe('words where Markdown writes more than it means', () => {
  /** Each report as `line:column ruleId "actual"`, and the actual text is what the file holds there. */
  async function reports(text: string) {
    const lines = text.split('\n')
    const file = await lintMarkdown(text)
    return file.messages.map((m) => {
      const start = m.place && 'start' in m.place ? m.place.start : undefined
      if (m.actual && start?.offset !== undefined) expect(text.slice(start.offset, start.offset + m.actual.length)).toBe(m.actual)
      if (m.actual) expect(lines[m.line! - 1]!.slice(m.column! - 1)).toMatch(new RegExp(`^${m.actual.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      return `${m.line}:${m.column} ${m.ruleId} "${m.actual ?? ''}"`
    })
  }

  it.each([
    ['an indented continuation line', 'Checkout is failing for some customers. The outage\n   is probably caused by db-prod-03.internal\n   and will be fixed within the hour.\n', ['2:7 no-speculation "probably"', '2:26 no-internal-hostname "db-prod-03.internal"', '3:22 no-resolution-estimate "within the hour"']],
    ['a list item wrapped onto an indented line', '- Checkout is failing for some customers,\n  probably because of db-prod-03.internal.\n', ['2:3 no-speculation "probably"', '2:23 no-internal-hostname "db-prod-03.internal"']],
    ['a lazy blockquote line after a marked one', '> Checkout is failing for some customers.\n> We think\nthe cache on db-prod-03.internal is full.\n', ['2:3 no-speculation "We think"', '3:14 no-internal-hostname "db-prod-03.internal"']],
    ['escapes and character references before the words', 'Checkout \\*and\\* refunds are failing for AT&amp;T customers &mdash; probably db\\_prod-03.internal.\n', ['1:69 no-speculation "probably"']],
  ])('%s keeps every report at its words', async (_, text, expected) => {
    expect(await reports(text)).toEqual(expected)
  })

  it('finds a guess after a next-update promise in a file with front matter, at its line', async () => {
    const text = '---\nphase: investigating\n---\nCheckout is failing for some customers. We will post the next update\n  in 30 minutes. It is probably the cache.\n'
    expect((await lintGuesses(text)).map((m) => `${m.line}:${m.column} ${m.actual}`)).toEqual(['5:24 probably'])
  })
})
