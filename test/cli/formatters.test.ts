/**
 * The four formats, on results built by hand (so suggestions, notifications
 * and odd characters are covered whatever the rules do) and on real runs.
 * SARIF is validated against the SARIF 2.1.0 JSON schema.
 */
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {escapeData, escapeProperty, github} from '../../src/cli/formatters/github.ts'
import {json} from '../../src/cli/formatters/json.ts'
import {sarif} from '../../src/cli/formatters/sarif.ts'
import {stylish} from '../../src/cli/formatters/stylish.ts'
import type {LintResult} from '../../src/cli/results.ts'
import {expectValidSarif} from './sarif.ts'
import {cli, jsonResults, onlyMaxLengthFlag, project, sarifLog, words} from './support.ts'

const cwd = '/work/drafts'

const results: LintResult[] = [
  {filePath: `${cwd}/clean.md`, messages: [], errorCount: 0, warningCount: 0},
  {
    filePath: `${cwd}/sub/update, v2: final.md`,
    messages: [
      {
        ruleId: 'max-length',
        severity: 2,
        message: '300/280 characters for twitter; shorten it by 20 so it posts whole',
        line: 1,
        column: 10,
        endLine: 3,
        endColumn: 5,
        messageId: 'tooLong',
        url: rules[0].meta.url,
        actual: 'slow',
        expected: ['delayed', ''],
        suggestions: [
          {desc: 'Replace "slow" with "delayed"', fix: {range: [9, 13], text: 'delayed'}},
          {desc: 'Remove "slow"', fix: {range: [9, 13], text: ''}},
        ],
      },
      {ruleId: 'max-length', severity: 1, message: '100% sure:\r\nthat, is it', line: 12, column: 1},
      {ruleId: null, severity: 2, message: 'Unknown rule "x" in "liaison-disable"', line: 2, column: 1, endLine: 2, endColumn: 30},
    ],
    errorCount: 2,
    warningCount: 1,
  },
  {filePath: '/elsewhere/other.txt', messages: [{ruleId: null, severity: 1, message: 'File ignored because it is inside node_modules'}], errorCount: 0, warningCount: 1},
  {filePath: '<text>', messages: [{ruleId: 'max-length', severity: 1, message: 'Too long', line: 1, column: 1, endLine: 1, endColumn: 2}], errorCount: 0, warningCount: 1},
]

describe('stylish', () => {
  it('groups by file with aligned rows and a summary, and skips clean files', () => {
    expect(stylish(results, {cwd, color: false})).toBe(
      [
        '',
        'sub/update, v2: final.md',
        '  1:10  error    300/280 characters for twitter; shorten it by 20 so it posts whole  max-length',
        '  12:1  warning  100% sure: that, is it                                              max-length',
        '  2:1   error    Unknown rule "x" in "liaison-disable"',
        '',
        '/elsewhere/other.txt',
        '  0:0  warning  File ignored because it is inside node_modules',
        '',
        '<text>',
        '  1:1  warning  Too long  max-length',
        '',
        '\u2716 5 problems (2 errors, 3 warnings)',
        '',
      ].join('\n'),
    )
  })

  it('prints nothing when there is nothing to report', () => {
    expect(stylish([results[0]!], {cwd, color: false})).toBe('')
  })

  it('colours only when asked, and says "warning" in yellow when there are no errors', () => {
    const coloured = stylish([results[3]!], {cwd, color: true})
    expect(coloured).toContain('\u001B[4m<text>\u001B[24m')
    expect(coloured).toContain('\u001B[33mwarning\u001B[39m')
    expect(coloured).toContain('\u001B[1m\u001B[33m\u2716 1 problem (0 errors, 1 warning)')
    expect(stylish([results[3]!], {cwd, color: false})).not.toContain('\u001B')
  })
})

describe('json', () => {
  it("keeps ESLint's shape, with suggestions and the plain-text expected", () => {
    const parsed = jsonResults(json(results, {cwd, color: false}) as string)
    expect(parsed).toHaveLength(4)
    expect(Object.keys(parsed[1]!)).toEqual([
      'filePath',
      'messages',
      'errorCount',
      'warningCount',
      'fatalErrorCount',
      'fixableErrorCount',
      'fixableWarningCount',
    ])
    expect(parsed[1]?.messages[0]).toMatchObject({
      ruleId: 'max-length',
      severity: 2,
      line: 1,
      column: 10,
      endLine: 3,
      endColumn: 5,
      expected: ['delayed', ''],
      suggestions: [{desc: 'Replace "slow" with "delayed"', fix: {range: [9, 13], text: 'delayed'}}, {desc: 'Remove "slow"'}],
    })
    expect(parsed[2]?.messages[0]).toEqual({ruleId: null, severity: 1, message: 'File ignored because it is inside node_modules'})
  })
})

describe('github', () => {
  it('escapes message data and property values as the Actions runner does', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d')
    expect(escapeProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d')
  })

  it('prints one workflow command per problem', () => {
    expect((github(results, {cwd, color: false}) as string).split('\n')).toEqual([
      '::error file=sub/update%2C v2%3A final.md,line=1,col=10,endLine=3,endColumn=5,title=liaison max-length::300/280 characters for twitter; shorten it by 20 so it posts whole',
      '::warning file=sub/update%2C v2%3A final.md,line=12,col=1,title=liaison max-length::100%25 sure:%0D%0Athat, is it',
      '::error file=sub/update%2C v2%3A final.md,line=2,col=1,endLine=2,endColumn=30,title=liaison::Unknown rule "x" in "liaison-disable"',
      '::warning file=/elsewhere/other.txt,title=liaison::File ignored because it is inside node_modules',
      '::warning file=<text>,line=1,col=1,endLine=1,endColumn=2,title=liaison max-length::Too long',
      '',
    ])
  })

  it('prints nothing for clean results', () => {
    expect(github([results[0]!], {cwd, color: false})).toBe('')
  })
})

describe('sarif', () => {
  const log = sarifLog(sarif(results, {cwd, color: false}) as string)
  const run = log.runs[0]!

  it('is valid SARIF 2.1.0', () => {
    expectValidSarif(log)
  })

  it('describes every rule once, with helpUri and shortDescription', () => {
    expect(run.tool.driver.name).toBe('liaison')
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.meta.id))
    for (const [i, rule] of rules.entries()) {
      expect(run.tool.driver.rules?.[i]).toMatchObject({
        helpUri: rule.meta.url,
        shortDescription: {text: rule.meta.description},
        defaultConfiguration: {level: rule.meta.severity === 'error' ? 'error' : 'warning'},
      })
    }
  })

  it('gives each finding its rule, level, region and fixes', () => {
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.results).toHaveLength(3)
    const [first, second, third] = run.results ?? []
    expect(first).toMatchObject({
      ruleId: 'max-length',
      ruleIndex: 0,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'sub/update%2C%20v2%3A%20final.md', uriBaseId: '%SRCROOT%'},
            region: {startLine: 1, startColumn: 10, endLine: 3, endColumn: 5},
          },
        },
      ],
    })
    expect(first?.fixes?.[1]).toMatchObject({description: {text: 'Remove "slow"'}, artifactChanges: [{replacements: [{insertedContent: {text: ''}}]}]})
    expect(second).toMatchObject({level: 'warning', locations: [{physicalLocation: {region: {startLine: 12, startColumn: 1}}}]})
    expect(third?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({uri: '%3Ctext%3E'})
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///work/drafts/')
  })

  it('reports problems that are not findings as tool notifications', () => {
    expect(run.invocations?.[0]?.toolExecutionNotifications).toMatchObject([
      {level: 'error', message: {text: 'Unknown rule "x" in "liaison-disable"'}},
      {level: 'warning', locations: [{physicalLocation: {artifactLocation: {uri: 'file:///elsewhere/other.txt'}}}]},
    ])
  })
})

describe('formats on real runs', () => {
  const files = {'long.txt': words(300), 'ok.md': '# Update\n\nCheckout is failing for some customers.\n'}

  it.each(['stylish', 'json', 'sarif', 'github'])('--format %s', async (format) => {
    const dir = project(files)
    const {code, stdout, stderr} = await cli(dir, ['long.txt', 'ok.md', '-f', format, ...onlyMaxLengthFlag()])
    expect({code, stderr}).toEqual({code: 1, stderr: ''})
    if (format === 'sarif') {
      const log = sarifLog(stdout)
      expectValidSarif(log)
      expect(log.runs[0]?.results).toHaveLength(1)
      expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({uri: 'long.txt', uriBaseId: '%SRCROOT%'})
    }
    if (format === 'json') expect(jsonResults(stdout).map((r) => r.errorCount)).toEqual([1, 0])
    if (format === 'github') expect(stdout).toMatch(/^::error file=long\.txt,line=1,col=\d+,endLine=1,endColumn=\d+,title=liaison max-length::\d+\/280/)
    if (format === 'stylish') expect(stdout).toMatch(/^\nlong\.txt\n {2}1:\d+ {2}error {2}/)
  })

  it('a clean run in SARIF is valid too, with an empty result list', async () => {
    const dir = project(files)
    const {code, stdout} = await cli(dir, ['ok.md', '-f', 'sarif', ...onlyMaxLengthFlag()])
    expect(code).toBe(0)
    const log = sarifLog(stdout)
    expectValidSarif(log)
    expect(log.runs[0]?.results).toEqual([])
  })
})
