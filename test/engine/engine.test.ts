/** The shared engine: placement, sorting, literal skipping, lexicons, links, masks. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defineRule} from '../../src/engine/define-rule.ts'
import {configureRule, runRules} from '../../src/engine/executor.ts'
import {getDoc} from '../../src/engine/doc.ts'
import {maxLength} from '../../rules/max-length.ts'
import {findLinks, isPublicDomain} from '../../src/text/links.ts'
import {findMasks} from '../../src/text/mask.ts'
import {expand, Lexicon} from '../../src/text/lexicon.ts'
import {format} from '../../src/engine/report.ts'

/** A test-only rule: reports every phrase of a small lexicon. */
const probe = defineRule({
  id: 'probe',
  description: 'Reports lexicon phrases, for engine tests',
  severity: 'warn',
  recommended: false,
  messages: {found: 'Found {phrase}', other: 'Whole message'},
  options: {
    words: {type: 'string[]', default: ['we think', 'probably', 'caused|related by|to'], description: 'Phrases'},
    whole: {type: 'boolean', default: false, description: 'Also report the whole message'},
  },
  create({words, whole}) {
    const lexicon = new Lexicon(words, (word) => [word])
    return ({doc, report}) => {
      if (whole) report({messageId: 'other', start: 0, end: doc.text.length})
      for (const sentence of doc.sentences)
        for (const match of lexicon.find(sentence))
          report({messageId: 'found', start: match.start, end: match.end, data: {phrase: match.phrase}, expected: ['we know']})
    }
  },
})

async function probeRun(text: string, options: Record<string, unknown> = {}) {
  const file = await retext().use(probe, ['warn', options]).process(text)
  return file.messages
}

describe('reports', () => {
  it('carry exact start and end points with offsets, across lines', async () => {
    const [message] = await probeRun('All good.\n\nWe think it is fine.')
    expect(message!.place).toEqual({start: {line: 3, column: 1, offset: 11}, end: {line: 3, column: 9, offset: 19}})
    expect(message).toMatchObject({
      line: 3,
      column: 1,
      ruleId: 'probe',
      source: 'liaison',
      url: 'https://github.com/liaison-lint/liaison/blob/main/rules/probe.md',
      actual: 'We think',
      expected: ['we know'],
      messageId: 'found',
      data: {phrase: 'we think'},
      reason: 'Found we think',
      fatal: false,
    })
  })

  it('are sorted by position across rules in the preset', async () => {
    const messages = await probeRun('Probably. We think so. Caused by it.', {whole: true})
    expect(messages.map((m) => `${m.column}:${m.messageId}`)).toEqual(['1:found', '1:other', '11:found', '24:found'])
  })

  it('keep their own ruleId when several rules report out of order', async () => {
    // Regression: sorting before stamping (by index) once mislabelled messages.
    const text = `Probably fine. ${'Checkout is failing for some customers. '.repeat(8)}We think so.`
    const file = await retext().use(maxLength).use(probe).process(text)
    expect(file.messages.map((m) => [m.ruleId, m.messageId])).toEqual([
      ['probe', 'found'],
      ['max-length', 'tooLong'],
      ['probe', 'found'],
    ])
  })

  it('a rule that throws fails the run, naming the rule', async () => {
    const broken = defineRule({
      id: 'broken',
      description: 'Throws, for engine tests',
      severity: 'error',
      recommended: false,
      messages: {},
      options: {},
      create: () => () => {
        throw new TypeError('boom')
      },
    })
    await expect(retext().use(broken).process('Hello.')).rejects.toThrow('Rule "broken" failed: boom')
    const thrower = defineRule({...broken.definition, id: 'thrower', create: () => () => {
      throw 'text' // eslint-disable-line @typescript-eslint/only-throw-error -- a non-Error throw must still surface
    }})
    await expect(retext().use(thrower).process('Hello.')).rejects.toThrow('Rule "thrower" failed: text')
  })

  it('come out the same from the shared run (the liaison plugin, lint()) as from each rule on its own', async () => {
    const text = `Probably fine. ${'Checkout is failing for some customers. '.repeat(8)}We think so.`
    const alone = await retext().use(maxLength).use(probe).process(text)
    const file = new VFile(text)
    const tree = retext().parse(file)
    runRules([configureRule(maxLength.definition, 'error')!, configureRule(probe.definition, 'warn')!], file, () => getDoc(tree, file), () => tree)
    const fields = (m: VFile['messages'][number]) => [m.ruleId, m.source, m.url, m.fatal, m.messageId, m.reason, m.place]
    expect(file.messages.map(fields)).toEqual(alone.messages.map(fields))
    // With every rule off, nothing is built and nothing moves.
    const before = [...file.messages]
    runRules([], file, () => expect.unreachable(), () => tree)
    expect(file.messages).toEqual(before)
  })

  it('in the shared run, a rule that throws fails the run, naming the rule, and the rules after it do not run', () => {
    const broken = defineRule({
      ...probe.definition,
      id: 'broken',
      create: () => ({doc, report}) => {
        report({messageId: 'other', start: 0, end: doc.text.length})
        throw new TypeError('boom')
      },
    })
    const file = new VFile('Probably.')
    const tree = retext().parse(file)
    const rules = [configureRule(broken.definition, 'error')!, configureRule(probe.definition, 'warn')!]
    expect(() => runRules(rules, file, () => getDoc(tree, file), () => tree)).toThrow('Rule "broken" failed: boom')
    expect(file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['broken', true]])
  })

  it('give a check the tree it runs on', async () => {
    let type: string | undefined
    const reader = defineRule({...probe.definition, id: 'reader', create: () => ({tree}) => void (type = tree.type)})
    await retext().use(reader).process('Hello.')
    expect(type).toBe('RootNode')
  })

  it('fail loudly on an unknown messageId or missing data (a bug in the rule)', () => {
    expect(() => format('Found {phrase}', {}, 'probe')).toThrow('Rule "probe": message needs data "phrase"')
  })
})

describe('literal words are never matched', () => {
  it.each([
    ['quoted', 'The word "probably" is banned.'],
    ['inline code', 'Run `we think` now.'],
    ['a placeholder', 'Status: {{ probably }} affected.'],
    ['a triple placeholder', 'Status: {{{probably}}} affected.'],
    ['a link', 'See https://example.com/probably now.'],
  ])('%s', async (_, text) => {
    expect(await probeRun(text)).toEqual([])
  })

  it('but the same words outside them are', async () => {
    expect(await probeRun('It is probably fine.')).toHaveLength(1)
  })
})

describe('Lexicon', () => {
  it('expands alternatives per slot', () => {
    expect(expand('may|might be caused')).toEqual([
      ['may', 'be', 'caused'],
      ['might', 'be', 'caused'],
    ])
  })

  it('rejects a phrase listed twice', () => {
    expect(() => new Lexicon(['we think', 'We  think'], (p) => [p])).toThrow('Lexicon phrase "we think" is listed twice')
  })

  it('prefers the longest match and does not cross punctuation', async () => {
    const messages = await probeRun('Caused, by a deploy. Related to the deploy.')
    expect(messages.map((m) => m.actual)).toEqual(['Related to'])
  })

  it('matches curly and straight apostrophes alike', async () => {
    const messages = await probeRun('We’re fine.', {words: ["we're"]})
    expect(messages.map((m) => m.actual)).toEqual(['We’re'])
  })
})

describe('links', () => {
  it.each([
    ['https://www.githubstatus.com/incidents/x.', 'www.githubstatus.com', 'https'],
    ['(status.acme.io)', 'status.acme.io', undefined],
    ['http://10.0.0.5:8080/x', '10.0.0.5', 'http'],
    ['http://[fd00::1]:443/', '[fd00::1]', 'http'],
    ['https://user:pw@example.com/', 'example.com', 'https'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'en.wikipedia.org', 'https'],
    // Full stops that end sentences come first: the search for a dot inside a word goes on past them.
    ['Fixed. Really. See status.acme.io', 'status.acme.io', undefined],
    ['Down. http://localhost:3000/x', 'localhost', 'http'],
  ])('%s → %s', (text, host, scheme) => {
    expect(findLinks(text)).toEqual([expect.objectContaining({host, scheme})])
  })

  it.each(['Node.js', 'e.g.', 'v5.12', '2.3.1', 'support@acme.com', 'db.svc.cluster.local', 'ftp://', '-bad-.com', 'http://'])(
    '%s is not a link',
    (text) => {
      expect(findLinks(text)).toEqual([])
    },
  )

  it('knows public domains', () => {
    expect(isPublicDomain('Outlook.com')).toBe(true)
    expect(isPublicDomain('corp.internal')).toBe(false)
    expect(isPublicDomain('com')).toBe(false)
  })

  it('is linear on a long dotted token', () => {
    const text = 'a.'.repeat(50_000)
    expect(findLinks(text)).toEqual([])
  })
})

describe('masks', () => {
  it('finds placeholders, code and links without overlap', () => {
    expect(findMasks('{{{ a }}} {{ b }} {% c %} ${d} `e` {{ unclosed\n}} https://x.io').map((m) => [m.kind, m.start, m.end])).toEqual([
      ['placeholder', 0, 9],
      ['placeholder', 10, 17],
      ['placeholder', 18, 25],
      ['placeholder', 26, 30],
      ['code', 31, 34],
      ['link', 50, 62],
    ])
  })
})

describe('a replacement after "a" or "an"', () => {
  /** Reports each listed word with its replacements; `actual` given as is, when set. */
  const swap = defineRule({
    id: 'swap',
    description: 'Suggests replacements, for engine tests',
    severity: 'warn',
    recommended: false,
    messages: {swap: 'Swap {word}'},
    options: {
      swaps: {type: 'string[]', default: [], description: 'word=replacement|replacement'},
      actual: {type: 'string[]', default: [], description: 'An actual to report instead of the words'},
    },
    create({swaps, actual}) {
      const table = new Map(swaps.map((swap) => swap.split('=') as [string, string]))
      return ({doc, report}) => {
        for (const word of doc.sentences.flatMap((sentence) => sentence.words)) {
          const replacements = table.get(word.norm)
          if (replacements === undefined) continue
          report({messageId: 'swap', start: word.start, end: word.end, data: {word: word.text}, expected: replacements.split('|'), ...(actual[0] ? {actual: actual[0]} : {})})
        }
      }
    },
  })
  const run = async (text: string, swaps: string[], actual: string[] = []) =>
    (await retext().use(swap, ['warn', {swaps, actual}]).process(text)).messages.map((m) => `${m.place && 'start' in m.place ? m.place.start.offset : ''} ${m.actual} → ${m.expected!.join(' | ')}`)

  it('takes the article in when the replacement needs the other one, in its case, keeping the space between', async () => {
    const swaps = ['outage=disruption', 'glitch=outage|hour-long delay|user error', 'hiccup=incident|']
    expect(await run('An outage, AN  outage, a glitch, a\nhiccup.', swaps)).toEqual([
      '0 An outage → A disruption',
      '11 AN  outage → A  disruption',
      '23 a glitch → an outage | an hour-long delay | a user error',
      '33 a\nhiccup → an\nincident | ',
    ])
  })

  it('leaves the report alone when the article fits, is not right before it, or is part of a word', async () => {
    const swaps = ['outage=incident|error', 'problem=delay', 'user=customer']
    expect(await run('an outage, a problem, an unexpected outage, a user, Ana outage, banana outage, the outage', swaps)).toEqual([
      '3 outage → incident | error',
      '13 problem → delay',
      '36 outage → incident | error',
      '46 user → customer',
      '56 outage → incident | error',
      '71 outage → incident | error',
      '83 outage → incident | error',
    ])
  })

  it('leaves a report whose actual is not the source text as the rule made it', async () => {
    expect(await run('an outage', ['outage=disruption'], ['the outage'])).toEqual(['3 the outage → disruption'])
  })
})
