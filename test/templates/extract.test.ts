/**
 * Finding the messages in a template file: front matter, the collection
 * shapes, the settings each template carries, and precise errors (with the
 * offset they concern) for everything that is not a template.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {extractCollection, extractDocument, findFrontMatter, TemplateError, type TemplateMessage} from '../../src/templates/extract.ts'
import {jsonProblem} from '../../src/templates/json.ts'

const fields = ['title', 'body']

/** Each message as [field, text, settings], and the source text its first and last characters map to. */
function describeMessages(source: string, messages: TemplateMessage[]) {
  return messages.map(({text, field, markdown, toSource, ...settings}) => ({
    field,
    text,
    ...(markdown ? {markdown} : {}),
    ...settings,
    source: source.slice(toSource(0, 'start'), toSource(text.length, 'end')),
  }))
}

async function errorOf(promise: Promise<unknown>): Promise<{message: string; offset: number}> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(TemplateError)
  const {message, offset} = error as TemplateError
  return {message, offset}
}

describe('front matter', () => {
  it.each([
    ['none', 'We are investigating.\n', undefined],
    ['an opening line without a closing one', '---\nphase: resolved\nWe are investigating.\n', undefined],
    ['a thematic break that is not on the first line', 'Hi\n---\nx\n---\n', undefined],
    ['a closing ---', '---\nphase: resolved\n---\nBody', {yaml: [4, 20], body: 24}],
    ['a closing ... with trailing spaces', '---  \r\nphase: resolved\r\n...  \r\nBody', {yaml: [7, 24], body: 31}],
    ['a closing line at the end of the file', '---\nphase: resolved\n---', {yaml: [4, 20], body: 23}],
  ])('finds %s', (_, text, expected) => {
    expect(findFrontMatter(text)).toEqual(expected)
  })

  it('gives the body its phase, channel and widths, and lints front-matter fields as messages', async () => {
    const source = '---\nphase: investigating\nchannel: twitter\nplaceholders: {component: 30}\ntitle: We think it is down\nname: internal\n---\nWe are investigating.\n'
    expect(describeMessages(source, await extractDocument(source, true, fields))).toEqual([
      {field: 'title', text: 'We think it is down', phase: 'investigating', channel: 'twitter', widths: {component: 30}, source: 'We think it is down'},
      {field: 'body', text: 'We are investigating.\n', markdown: true, phase: 'investigating', channel: 'twitter', widths: {component: 30}, source: 'We are investigating.\n'},
    ])
  })

  it('leaves a file without front matter whole, and accepts empty front matter', async () => {
    expect(describeMessages('Hi.', await extractDocument('Hi.', false, fields))).toEqual([{field: 'body', text: 'Hi.', source: 'Hi.'}])
    expect(describeMessages('---\n---\nHi.', await extractDocument('---\n---\nHi.', false, fields))).toEqual([{field: 'body', text: 'Hi.', source: 'Hi.'}])
    expect(describeMessages('---\n# just a comment\n---\nHi.', await extractDocument('---\n# just a comment\n---\nHi.', false, fields))).toHaveLength(1)
  })

  it('skips empty and blank fields', async () => {
    const source = '---\ntitle:\nbody: "  "\n---\nHi.'
    expect((await extractDocument(source, false, fields)).map((m) => m.field)).toEqual(['body'])
  })

  it.each([
    ['YAML it cannot read', '---\nphase: [\n---\nHi.', 'Flow sequence in block collection must be sufficiently indented and end with a ]', 13],
    ['a list', '---\n- a\n---\nHi.', 'front matter must be a mapping, e.g. "phase: investigating"; got a list', 4],
    ['a bare word', '---\nhello\n---\nHi.', 'front matter must be a mapping, e.g. "phase: investigating"; got "hello"', 4],
    ['an unknown phase', '---\nphase: investigatng\n---\nHi.', '"phase" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got "investigatng" (did you mean "investigating"?)', 11],
    ['a phase that is not text', '---\nphase: [a]\n---\nHi.', '"phase" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got a list', 11],
    ['an empty phase', '---\nphase:\n---\nHi.', '"phase" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got nothing', 10],
    ['an unknown channel', '---\nchannel: twiter\n---\nHi.', '"channel" must be one of twitter, sms, mastodon, bluesky, statuspage, email, got "twiter" (did you mean "twitter"?)', 13],
    ['a channel that is a number', '---\nchannel: 42\n---\nHi.', '"channel" must be one of twitter, sms, mastodon, bluesky, statuspage, email, got 42', 13],
    ['widths that are not a map', '---\nplaceholders: 30\n---\nHi.', '"placeholders" must map placeholder names to widths, e.g. {component: 30}; got 30', 18],
    ['an empty placeholders key', '---\nplaceholders:\n---\nHi.', '"placeholders" must map placeholder names to widths, e.g. {component: 30}; got null', 17],
    ['a bad width', '---\nplaceholders:\n  component: -3\n---\nHi.', '"placeholders": the width of "component" must be a whole number of characters (0 or more), got -3', 31],
    ['a field that is not text', '---\ntitle: [a, b]\n---\nHi.', '"title" in the front matter must be text, got a list', 11],
  ])('reports %s at its place', async (_, source, message, offset) => {
    expect(await errorOf(extractDocument(source, false, fields))).toEqual({message, offset})
  })
})

describe('collections', () => {
  it('reads a top-level list, with update_status as the phase', async () => {
    const source = '- name: API\n  title: Elevated errors\n  update_status: identified\n  body: >-\n    We found\n    the cause.\n- Just a body\n'
    expect(describeMessages(source, await extractCollection(source, 'yaml', fields))).toEqual([
      {field: 'title', text: 'Elevated errors', phase: 'identified', source: 'Elevated errors'},
      {field: 'body', text: 'We found the cause.', phase: 'identified', source: 'We found\n    the cause.'},
      {field: 'body', text: 'Just a body', source: 'Just a body'},
    ])
  })

  it('reads a list under templates:, with file-wide settings the templates override', async () => {
    const source = 'channel: sms\nplaceholders: {a: 1, b: 2}\ntemplates:\n  - body: One\n  - body: Two\n    channel: twitter\n    phase: monitoring\n    update_status: resolved\n    placeholders: {b: 5}\n'
    expect(describeMessages(source, await extractCollection(source, 'yaml', fields))).toEqual([
      {field: 'body', text: 'One', channel: 'sms', widths: {a: 1, b: 2}, source: 'One'},
      {field: 'body', text: 'Two', channel: 'twitter', phase: 'monitoring', widths: {a: 1, b: 5}, source: 'Two'},
    ])
  })

  it('reads a map under templates:, and a map of names to templates', async () => {
    const under = 'templates:\n  first: {body: One}\n  second: Two\n'
    expect((await extractCollection(under, 'yaml', fields)).map((m) => m.text)).toEqual(['One', 'Two'])
    const byName = '{"investigating": {"title": "T", "body": "B"}, "resolved": "R", "templates": "named templates"}'
    expect((await extractCollection(byName, 'json', fields)).map((m) => [m.field, m.text])).toEqual([
      ['title', 'T'],
      ['body', 'B'],
      ['body', 'R'],
      ['body', 'named templates'],
    ])
  })

  it('skips a field with no value', async () => {
    expect((await extractCollection('- title:\n  body: Text\n', 'yaml', fields)).map((m) => m.field)).toEqual(['body'])
  })

  it('follows aliases and reads only the configured fields', async () => {
    const source = 'base: &b\n  summary: Shared text\n  body: Other\ncopy: *b\n'
    expect((await extractCollection(source, 'yaml', ['summary'])).map((m) => m.text)).toEqual(['Shared text', 'Shared text'])
  })

  it('finds nothing in an empty file, an empty list or map, or a null document', async () => {
    for (const source of ['', '# only a comment\n', '[]', '{}', 'null', '~\n']) {
      expect(await extractCollection(source, source === '' || source.startsWith('#') || source === '~\n' ? 'yaml' : 'json', fields)).toEqual([])
    }
  })

  it.each([
    ['YAML it cannot read', 'templates:\n  - body: "x\n', 'Missing closing "quote', 24],
    ['two YAML documents', '- body: a\n---\n- body: b\n', 'a template file holds one YAML document, but another starts here', 10],
    ['a duplicate key', 'a: x\na: y\n', 'Map keys must be unique', 5],
    ['a document that is a scalar', 'just text\n', 'expected a list of templates, a "templates:" list or a map of names to templates; got "just text" (not a template file? add it to "ignores" in your config)', 0],
    ['a map entry that is not a template, beside one that is', 'ok: {body: x}\njobs:\n  build: {runs-on: x}\n', '"jobs": expected a template (a mapping with title or body, or a string), got a mapping without any of them (not a template file? add it to "ignores" in your config)', 22],
    ['a list item that is a number', '- body: ok\n- 42\n', 'item 2: expected a template (a mapping with title or body, or a string), got 42 (not a template file? add it to "ignores" in your config)', 13],
    ['a list item that is empty', '- body: ok\n-\n', 'item 2: expected a template (a mapping with title or body, or a string), got nothing (not a template file? add it to "ignores" in your config)', 12],
    ['a field that is not text', '- body: [a]\n', 'item 1: "body" must be text, got a list', 8],
    ['a map entry whose field is a number', 'x:\n  title: 2024\n', '"x": "title" must be text, got 2024', 12],
    ['a bad phase in a template', '- body: a\n  update_status: postponed\n', '"update_status" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got "postponed"', 27],
    ['a phase with no value', '- {phase, body: x}\n', '"phase" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got nothing', 3],
    ['a phase that is a mapping', '- {phase: {a: 1}, body: x}\n', '"phase" must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got a mapping', 10],
    ['a channel that is a list', '- {channel: [sms], body: x}\n', '"channel" must be one of twitter, sms, mastodon, bluesky, statuspage, email, got a list', 12],
    ['placeholders with no value', 'x: {placeholders, body: y}\n', '"placeholders" must map placeholder names to widths, e.g. {component: 30}; got null', 4],
    ['a bad width in a file-wide setting', 'placeholders: {a: x}\ntemplates: []\n', '"placeholders": the width of "a" must be a whole number of characters (0 or more), got "x"', 18],
    ['a bad width under a non-string key', 'placeholders: {[a]: x}\ntemplates: []\n', '"placeholders": the width of "[ a ]" must be a whole number of characters (0 or more), got "x"', 14],
  ])('reports %s at its place', async (_, source, message, offset) => {
    expect(await errorOf(extractCollection(source, 'yaml', fields))).toEqual({message, offset})
  })

  it.each([
    ['a workflow', 'name: ci\non: push\njobs:\n  test: {runs-on: x}\n', 'yaml'],
    ['a tsconfig.json', '{"compilerOptions": {"strict": true}}', 'json'],
    ['a list of numbers', '[1, 2]', 'json'],
    ['a scalar', '"text"', 'json'],
  ] as const)('tells %s, which holds no template at all, from a broken collection', async (_, source, kind) => {
    const error = await extractCollection(source, kind, fields).then(() => undefined, (thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(TemplateError)
    expect((error as TemplateError).notACollection).toBe(true)
    expect((error as TemplateError).message).toMatch(/^expected a list of templates, a "templates:" list or a map of names to templates/)
  })

  it('takes a map of names to strings, a list with a string, and anything under templates: for collections', async () => {
    expect((await extractCollection('a: Checkout is failing.\nb: Checkout works.\n', 'yaml', fields)).map((m) => m.text)).toEqual(['Checkout is failing.', 'Checkout works.'])
    const broken = await errorOf(extractCollection('- Checkout is failing.\n- 3\n', 'yaml', fields))
    expect(broken.message).toMatch(/^item 2: expected a template/)
    const declared = await extractCollection('templates: {a: {x: 1}}\n', 'yaml', fields).then(() => undefined, (thrown: unknown) => thrown as TemplateError)
    expect(declared?.notACollection).toBe(false)
  })

  it('reports JSON that YAML would accept but JSON does not', async () => {
    expect(await errorOf(extractCollection("[{'body': 'x'}]", 'json', fields))).toEqual({
      message: 'invalid JSON: expected a double-quoted property name, got "\'"',
      offset: 2,
    })
    expect(await errorOf(extractCollection('[{"body": "x"},]', 'json', fields))).toEqual({message: 'invalid JSON: expected a value, got "]"', offset: 15})
  })
})

describe('JSON problems', () => {
  it.each([
    ['', 'expected a value, got the end of the file', 0],
    ['{"a" 1}', 'expected ":" after a property name, got "1"', 5],
    ['{"a": 1,}', 'expected a double-quoted property name, got "}"', 8],
    ['[1 2]', 'expected "," or "]", got "2"', 3],
    ['{"a": 1', 'expected "," or "}", got the end of the file', 7],
    ['"a\nb"', 'a line break or control character in a string must be escaped', 2],
    ['"\\q"', 'invalid escape \\q', 1],
    ['"\\', 'invalid escape \\', 1],
    ['"\\u12x4"', '\\u must be followed by four hexadecimal digits', 1],
    ['"abc', 'unterminated string', 4],
    ['-', 'expected a digit, got the end of the file', 1],
    ['1.', 'expected a digit after ".", got the end of the file', 2],
    ['1e+', 'expected a digit in the exponent, got the end of the file', 3],
    ['01', 'expected the end of the file, got "1"', 1],
    ['tru', 'expected a value, got "t"', 0],
    ['[] x', 'expected the end of the file, got "x"', 3],
    ['{"a": {"b" 1}}', 'expected ":" after a property name, got "1"', 11],
  ])('%j', (text, message, offset) => {
    expect(jsonProblem(text)).toEqual({message, offset})
  })

  it('accepts what JSON.parse accepts, and only that', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"', '\\', '\\u00e9', '1', '-', '0', '.', 'e', '+', 'true', 'null', ' ', '\n', "'", 'x', '\u0001', '1.5e-3')
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.array(token, {maxLength: 16}).map((parts) => parts.join(''))), (text) => {
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        expect(jsonProblem(text) === undefined).toBe(valid)
      }),
      {numRuns: 3000},
    )
  })

  it('survives deep nesting', () => {
    expect(jsonProblem(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)).toBeUndefined()
    expect(jsonProblem('{"a":'.repeat(200_000))?.offset).toBe(1_000_000)
  })
})
