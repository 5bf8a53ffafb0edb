/** Vocabulary rules: data compiled into defineRule rules, run through the one executor. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {ConfigError} from '../../src/core/options.ts'
import {vocabularyRules} from '../../src/vocabulary/compile.ts'
import {type Vocabulary, VocabularyError} from '../../src/vocabulary/check.ts'

async function run(vocabulary: Vocabulary, text: string): Promise<VFileMessage[]> {
  const processor = retext()
  for (const rule of vocabularyRules(vocabulary)) processor.use(rule)
  return (await processor.process(text)).messages
}

const short = (messages: VFileMessage[]) => messages.map((m) => `${m.ruleId} ${m.place && 'start' in m.place ? m.place.start.offset : ''} ${m.actual}${m.expected ? ` → ${m.expected.join(' | ')}` : ''}`)

const codenames: Vocabulary = [{id: 'no-codenames', severity: 'error', forbid: ['Project Falcon', 'PagerDuty', 'the SRE team', 'Jira']}]

describe('forbid', () => {
  it('finds whole words and phrases in any case, stamped like a built-in rule', async () => {
    const messages = await run(codenames, 'PROJECT FALCON is down; the sre team opened a jira issue.')
    expect(short(messages)).toEqual(['no-codenames 0 PROJECT FALCON', 'no-codenames 24 the sre team', 'no-codenames 46 jira'])
    expect(messages[0]).toMatchObject({ruleId: 'no-codenames', source: 'liaison', fatal: true, messageId: 'forbid', url: undefined})
    expect(messages[0]!.reason).toBe('"PROJECT FALCON" is on your team\'s list of words customers should not read: leave it out, or say what customers see instead')
  })

  it('leaves alone longer words, words split by punctuation, quotes, code and placeholders', async () => {
    const text = 'Falconry is fine. Project, Falcon. We opened "Jira" and `PagerDuty` in {{ pagerduty }} and <Jira>.'
    expect(await run(codenames, text)).toEqual([])
  })

  it('matchCase: only the listed spelling', async () => {
    const vocabulary: Vocabulary = [{id: 'no-sre', forbid: ['SRE|NOC'], matchCase: true}]
    expect(short(await run(vocabulary, 'The SRE and noc and NOC and sre.'))).toEqual(['no-sre 4 SRE', 'no-sre 20 NOC'])
  })

  it('wholeWord false: inside longer words too, any characters', async () => {
    const vocabulary: Vocabulary = [{id: 'no-kube', forbid: ['kube', '#sre-oncall', 'on call'], wholeWord: false}]
    expect(short(await run(vocabulary, 'kubectl failed; ask #SRE-oncall or the ON  CALL team; "kube" is quoted.'))).toEqual([
      'no-kube 0 kube',
      'no-kube 20 #SRE-oncall',
      'no-kube 39 ON  CALL',
    ])
  })

  it('wholeWord false with matchCase', async () => {
    const vocabulary: Vocabulary = [{id: 'no-ops', forbid: ['OPS'], wholeWord: false, matchCase: true}]
    expect(short(await run(vocabulary, 'DevOPS and devops.'))).toEqual(['no-ops 3 OPS'])
  })

  it('a sentence-final abbreviation is matched and reported without its period', async () => {
    expect(short(await run([{id: 'no-asap', forbid: ['ASAP']}], 'We will fix it ASAP.'))).toEqual(['no-asap 15 ASAP'])
  })
})

describe('replace', () => {
  const plain: Vocabulary = [{id: 'plain-words', replace: {outage: 'disruption', users: ['customers', 'people'], ASAP: 'by 14:00 UTC'}}]

  it('suggests what to write, capitalised as the text is, and marks it fixable', async () => {
    const messages = await run(plain, 'Outage: users cannot sign in. We will fix it ASAP.')
    expect(short(messages)).toEqual(['plain-words 0 Outage → Disruption', 'plain-words 8 users → customers | people', 'plain-words 45 ASAP → by 14:00 UTC'])
    expect(messages[0]).toMatchObject({reason: 'Write "Disruption" instead of "Outage"', fixable: true, messageId: 'replace'})
  })

  it('takes in an "a" or "an" before the term when the replacement needs the other one', async () => {
    const vocabulary: Vocabulary = [{id: 'plain-words', replace: {outage: 'disruption', glitch: 'incident', 'service user': 'customer'}}]
    expect(short(await run(vocabulary, 'An outage hit a glitch; an unexpected outage; a service user.'))).toEqual([
      'plain-words 0 An outage → A disruption',
      'plain-words 14 a glitch → an incident',
      'plain-words 38 outage → disruption',
      'plain-words 48 service user → customer',
    ])
  })

  it('fix: false keeps the replacement a suggestion; matchCase keeps it as written', async () => {
    const vocabulary: Vocabulary = [{id: 'plain-words', replace: {Outage: 'disruption'}, fix: false, matchCase: true}]
    const [message] = await run(vocabulary, 'Outage here, outage there.')
    expect(message).toMatchObject({actual: 'Outage', expected: ['disruption']})
    expect(message!.fixable).toBeUndefined()
  })

  it('own message, note and url', async () => {
    const vocabulary: Vocabulary = [
      {id: 'plain-words', replace: {users: 'customers'}, message: 'Say "{expected}", not "{actual}"', note: 'House style.', url: 'https://wiki.example.com/style'},
    ]
    expect(await run(vocabulary, 'Some users see errors.')).toMatchObject([
      {reason: 'Say "customers", not "users"', note: 'House style.', url: 'https://wiki.example.com/style'},
    ])
  })
})

describe('pattern', () => {
  it('finds matches with RE2, never in literal text or placeholders', async () => {
    const vocabulary: Vocabulary = [{id: 'no-ticket-keys', pattern: '/\\b[A-Z]{2,5}-\\d+\\b/'}]
    expect(short(await run(vocabulary, 'See OPS-1432 and "INC-2" and {{ OPS-9 }}; ops-1 is lower case.'))).toEqual(['no-ticket-keys 4 OPS-1432'])
  })

  it('several patterns: earliest first, overlaps reported once', async () => {
    const vocabulary: Vocabulary = [{id: 'no-internal', pattern: ['/inc-\\d+/i', '/#[a-z-]+/', '/#inc/']}]
    expect(short(await run(vocabulary, 'Join #inc-22 and #sre now; see INC-7 today.'))).toEqual(['no-internal 5 #inc-', 'no-internal 17 #sre', 'no-internal 31 INC-7'])
  })
})

describe('scope and severity', () => {
  it('title rules run only on headlines, message rules only on messages', () => {
    const rules = vocabularyRules([
      {id: 'in-titles', forbid: ['outage'], scope: 'title'},
      {id: 'in-messages', forbid: ['outage'], scope: 'message'},
      {id: 'everywhere', forbid: ['outage'], severity: 'off'},
    ])
    expect(rules.map((rule) => [rule.meta.id, rule.meta.scope, rule.meta.severity, rule.meta.recommended])).toEqual([
      ['in-titles', 'headline', 'warn', true],
      ['in-messages', 'message', 'warn', true],
      ['everywhere', 'any', 'warn', false],
    ])
    expect(rules[0]!.meta.description).toBe('Words and phrases your team keeps out of updates')
  })

  it('compiles a vocabulary object once', () => {
    expect(vocabularyRules(codenames)).toBe(vocabularyRules(codenames))
  })
})

describe('errors name the rule, the key and the value, with the key path', () => {
  const cases: Array<[unknown, string, Array<string | number>]> = [
    [{id: 'a'}, '"vocabulary" must be a list of rules', []],
    [['x'], '"vocabulary" item 1 must be a rule (an object with an id and one of forbid, replace or pattern), got "x"', [0]],
    [[{forbid: ['x']}], '"vocabulary" item 1: needs an "id"', [0]],
    [[{id: 'No Codenames', forbid: ['x']}], '"vocabulary" item 1: "id" must be kebab-case', [0, 'id']],
    [[{id: 'a', forbid: ['x']}, {id: 'a', forbid: ['y']}], '"vocabulary" item 2: id "a" is used by an earlier rule', [1, 'id']],
    [[{id: 'a', forbd: ['x']}], '"vocabulary" rule "a": unknown key "forbd" (did you mean "forbid"?)', [0, 'forbd']],
    [[{id: 'a'}], '"vocabulary" rule "a": needs exactly one of forbid, replace or pattern; it has none', [0]],
    [[{id: 'a', forbid: ['x'], pattern: '/x/'}], 'it has forbid and pattern', [0, 'pattern']],
    [[{id: 'a', forbid: ['x'], severity: 'eror'}], '"severity" must be "off", "warn" or "error", got "eror" (did you mean "error"?)', [0, 'severity']],
    [[{id: 'a', forbid: ['x'], scope: 'titel'}], '"scope" must be "message", "title" or "both", got "titel" (did you mean "title"?)', [0, 'scope']],
    [[{id: 'a', forbid: ['x'], note: ''}], '"note" must be a non-empty string', [0, 'note']],
    [[{id: 'a', forbid: ['x'], message: 7}], '"message" must be a non-empty string, got 7', [0, 'message']],
    [[{id: 'a', forbid: ['x'], message: 'No {expected}'}], '"message" names {expected}, which a forbid rule does not fill; it may name {actual}', [0, 'message']],
    [[{id: 'a', replace: {x: 'y'}, message: 'No {expectd}'}], 'names {expectd}, which a replace rule does not fill (did you mean "expected"?)', [0, 'message']],
    [[{id: 'a', forbid: ['x'], url: 'wiki/style'}], '"url" must be an http(s) address, got "wiki/style"', [0, 'url']],
    [[{id: 'a', forbid: ['x'], matchCase: 'yes'}], '"matchCase" must be true or false', [0, 'matchCase']],
    [[{id: 'a', forbid: ['x'], fix: false}], '"fix" applies to replace rules only', [0, 'fix']],
    [[{id: 'a', pattern: '/x/', wholeWord: false}], '"wholeWord" does not apply to a pattern', [0, 'wholeWord']],
    [[{id: 'a', pattern: ''}], '"pattern" must be /regex/flags, got ""', [0, 'pattern']],
    [[{id: 'a', pattern: []}], '"pattern" must be a non-empty list of regular expressions', [0, 'pattern']],
    [[{id: 'a', forbid: 'x'}], '"forbid" must be a non-empty list of words or phrases, got "x"', [0, 'forbid']],
    [[{id: 'a', forbid: ['x', 3]}], '"forbid" must list words or phrases; item 2 is 3', [0, 'forbid', 1]],
    [[{id: 'a', replace: []}], '"replace" must be a map from each word', [0, 'replace']],
    [[{id: 'a', replace: {' ': 'x'}}], '"replace" has an empty word', [0, 'replace', ' ']],
    [[{id: 'a', replace: {x: []}}], '"replace.x" must be what to write instead of "x"', [0, 'replace', 'x']],
    [[{id: 'a', forbid: ['Jira', 'jira']}], 'rule "a": lists "jira" twice ("Jira" and "jira")', [0, 'forbid', 1]],
    [[{id: 'a', replace: {'on call': 'x', 'on|off call': 'y'}}], 'lists "on call" twice', [0, 'replace', 'on|off call']],
    [[{id: 'a', forbid: ['#sre-oncall']}], '"#sre-oncall" is not whole words ("#sre-oncall"); set wholeWord: false to find it anywhere, or write a pattern', [0, 'forbid', 0]],
    [[{id: 'a', pattern: 'OPS-\\d+'}], 'pattern "OPS-\\\\d+" is not a regular expression (expected /regex/flags)', [0, 'pattern']],
    [[{id: 'a', pattern: ['/x/', '/(a)\\1/']}], 'pattern "/(a)\\\\1/" cannot be matched in guaranteed linear time (it uses a backreference)', [0, 'pattern', 1]],
    [[{id: 'a', pattern: '/a*/'}], 'pattern "/a*/" matches empty text; it must match at least one character', [0, 'pattern']],
  ]
  it.each(cases)('%j', (vocabulary, message, path) => {
    let error: unknown
    try {
      vocabularyRules(vocabulary)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(VocabularyError)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain(message)
    expect((error as VocabularyError).path).toEqual(path)
  })

  it('a pattern hint never suggests a glob', () => {
    expect(() => vocabularyRules([{id: 'a', pattern: '/[a--b]/v'}])).toThrow(/write the class out$/)
  })
})
