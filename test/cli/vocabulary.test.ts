/**
 * A config's vocabulary through the command, in-process: rules as data
 * behave as built-in ones do (severities, --rule, inline comments,
 * --list-rules, --fix, formats, templates), and every mistake in them is
 * reported at its file, line and column.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, project, sarifLog} from './support.ts'

const vocabularyFile = `- id: no-codenames
  severity: error
  forbid: [Project Falcon, PagerDuty, the SRE team]
  url: https://wiki.example.com/style#codenames
- id: plain-words
  replace:
    outage: disruption
    users: customers
`
const clean = 'Sign-in is failing for some customers. We are investigating and will post an update in 30 minutes.\n'
const dirty = 'Project Falcon users cannot sign in. We are investigating and will post an update in 30 minutes.\n'

/** Only the config's own rules, in the compact format: `line:column ruleId`. */
async function findings(dir: string, argv: string[]) {
  const {code, stdout, stderr} = await cli(dir, ['--format', 'json', ...argv])
  const [result] = JSON.parse(stdout || '[{"messages":[]}]') as Array<{messages: Array<{line: number; column: number; ruleId: string; severity: number}>}>
  return {code, stderr, found: result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`)}
}

describe('a vocabulary in the config', () => {
  it('from a file the config names: rules run at their own severities beside built-in ones', async () => {
    const dir = project({'.liaisonrc.yml': 'vocabulary: ./vocabulary.yml\n', 'vocabulary.yml': vocabularyFile, 'a.txt': dirty})
    expect(await findings(dir, ['a.txt'])).toEqual({code: 1, stderr: '', found: ['1:1 no-codenames 2', '1:16 plain-words 1']})
    expect(await findings(dir, [])).toMatchObject({found: []})
  })

  it('inline, set by rules, by --rule, and by a preset', async () => {
    const config = {vocabulary: [{id: 'no-codenames', forbid: ['Project Falcon']}], rules: {'no-codenames': 'error'}}
    const dir = project({'.liaisonrc.json': config, 'a.txt': dirty})
    expect((await findings(dir, ['a.txt'])).found).toEqual(['1:1 no-codenames 2'])
    expect((await findings(dir, ['a.txt', '--rule', 'no-codenames: off'])).found).toEqual([])
    const off = project({'.liaisonrc.json': {vocabulary: [{id: 'no-codenames', forbid: ['Project Falcon'], severity: 'off'}]}, 'a.txt': dirty})
    expect((await findings(off, ['a.txt'])).found).toEqual([])
    expect((await findings(off, ['a.txt', '--preset', 'strict', '--rule', '{require-impact: off, require-next-update: off}'])).found).toEqual(['1:1 no-codenames 2'])
  })

  it('--rule naming an unknown rule says which config it looked in', async () => {
    const dir = project({'.liaisonrc.json': {vocabulary: [{id: 'no-codenames', forbid: ['x']}]}, 'a.txt': dirty})
    expect(await cli(dir, ['a.txt', '--rule', 'no-codename: off'])).toMatchObject({
      code: 2,
      stderr: 'liaison: --rule "no-codename: off": Unknown rule "no-codename" (did you mean "no-codenames"?) in .liaisonrc.json\n',
    })
  })

  it('--list-rules lists the config\'s rules with the setting each preset gives them', async () => {
    const dir = project({'.liaisonrc.yml': 'vocabulary: ./vocabulary.yml\n', 'vocabulary.yml': vocabularyFile})
    const {stdout} = await cli(dir, ['--list-rules'])
    expect(stdout).toMatch(/^no-codenames +recommended: error, strict: error +Words and phrases your team keeps out of updates$/m)
    expect(stdout).toMatch(/^plain-words +recommended: warn, strict: error +Words your team writes differently$/m)
    const json = JSON.parse((await cli(dir, ['--list-rules', '--format', 'json'])).stdout) as Array<{id: string; url?: string}>
    expect(json.find((rule) => rule.id === 'no-codenames')!.url).toBe('https://wiki.example.com/style#codenames')
    expect((await cli(dir, ['--list-rules', '--no-config'])).stdout).not.toContain('no-codenames')
  })

  it('--fix applies replacements; inline comments silence a rule', async () => {
    const dir = project({
      '.liaisonrc.yml': 'vocabulary: ./vocabulary.yml\n',
      'vocabulary.yml': vocabularyFile,
      'updates/a.md': `<!-- liaison-disable no-codenames -- the launch name is public now -->\n${dirty}`,
    })
    expect(await cli(dir, ['--fix', 'updates/a.md'])).toMatchObject({code: 0})
    expect(readFileSync(join(dir, 'updates/a.md'), 'utf8')).toContain('Project Falcon customers cannot sign in.')
  })

  it('--fix keeps "a" and "an" agreeing with the replacement, in text and Markdown', async () => {
    const config = {vocabulary: [{id: 'plain-words', replace: {outage: 'disruption', glitch: 'incident'}}]}
    const text = 'An outage is slowing sign-in for some customers, and a glitch delays exports. We will post an update in 30 minutes.\n'
    const dir = project({'.liaisonrc.json': config, 'a.txt': text, 'b.md': `# Update\n\n${text}`})
    expect(await cli(dir, ['--fix', 'a.txt', 'b.md'])).toMatchObject({code: 0})
    const fixed = 'A disruption is slowing sign-in for some customers, and an incident delays exports. We will post an update in 30 minutes.\n'
    expect([readFileSync(join(dir, 'a.txt'), 'utf8'), readFileSync(join(dir, 'b.md'), 'utf8')]).toEqual([fixed, `# Update\n\n${fixed}`])
  })

  it('SARIF describes the config\'s rules, with their own help links', async () => {
    const dir = project({'.liaisonrc.yml': 'vocabulary: ./vocabulary.yml\n', 'vocabulary.yml': vocabularyFile, 'a.txt': dirty})
    const [run] = sarifLog((await cli(dir, ['--format', 'sarif', 'a.txt'])).stdout).runs
    const descriptors = run!.tool.driver.rules ?? []
    expect(descriptors.find((rule) => rule.id === 'no-codenames')!.helpUri).toBe('https://wiki.example.com/style#codenames')
    expect(descriptors.find((rule) => rule.id === 'plain-words')!.helpUri).toBeUndefined()
    expect(run!.results!.map((result) => result.ruleId)).toEqual(['no-codenames', 'plain-words'])
  })

  it('a placeholder in a template never matches; a title rule reads only the title', async () => {
    const config = {
      vocabulary: [
        {id: 'no-codenames', forbid: ['falcon'], severity: 'error'},
        {id: 'title-words', forbid: ['outage'], scope: 'title', severity: 'error'},
      ],
    }
    const template = {title: 'Outage: {{ falcon }}', body: 'Outage for some customers. We are investigating and will post an update in 30 minutes.'}
    const dir = project({'.liaisonrc.json': config, 'templates/a.json': [template]})
    expect((await findings(dir, ['templates/a.json'])).found).toEqual(['1:12 title-words 2'])
  })
})

describe('mistakes in a vocabulary are reported at file:line:column', () => {
  it.each([
    ['a typo in a key, inline', {'.liaisonrc.yml': 'vocabulary:\n  - id: a\n    forbd: [x]\n'}, '.liaisonrc.yml:3:5: "vocabulary" rule "a": unknown key "forbd" (did you mean "forbid"?)'],
    ['a severity in a file', {'.liaisonrc.yml': 'vocabulary: ./v.yml\n', 'v.yml': '- id: a\n  forbid: [x]\n  severity: eror\n'}, 'v.yml:3:3: "vocabulary" rule "a": "severity" must be "off", "warn" or "error", got "eror" (did you mean "error"?)'],
    ['broken YAML in a file', {'.liaisonrc.yml': 'vocabulary: ./v.yml\n', 'v.yml': '- id: a\n  forbid: [x\n'}, 'v.yml:3:1: '],
    ['a missing file', {'.liaisonrc.yml': 'vocabulary: ./nope.yml\n'}, '.liaisonrc.yml:1:1: "vocabulary": no file "./nope.yml" next to the config'],
    ['an id taken by a built-in rule', {'.liaisonrc.yml': 'vocabulary:\n  - {id: max-length, forbid: [x]}\n'}, '.liaisonrc.yml:2:6: rule id "max-length" of the vocabulary is already taken by a built-in rule; give it another id'],
    ['an id used twice across blocks', {'.liaisonrc.yml': '- vocabulary: [{id: a, forbid: [x]}]\n- files: ["**"]\n  vocabulary: [{id: a, forbid: [y]}]\n'}, '.liaisonrc.yml:3:17: "vocabulary" rule: id "a" is used by an earlier rule; ids are unique'],
    ['a pattern RE2 cannot run', {'.liaisonrc.yml': 'vocabulary:\n  - id: a\n    pattern: /(?=x)y/\n'}, '.liaisonrc.yml:3:5: "vocabulary" rule "a": pattern "/(?=x)y/" cannot be matched in guaranteed linear time (it uses lookaround)'],
    ['rules naming a mistyped vocabulary rule', {'.liaisonrc.yml': 'vocabulary: [{id: no-codenames, forbid: [x]}]\nrules:\n  no-codename: error\n'}, '.liaisonrc.yml:3:3: Unknown rule "no-codename" (did you mean "no-codenames"?)'],
  ])('%s', async (_, files, message) => {
    const {code, stderr} = await cli(project({...files, 'a.txt': clean}), ['a.txt'])
    expect(code).toBe(2)
    expect(stderr).toContain(`liaison: ${message}`)
  })
})
