/**
 * Every word list follows schemas/lexicon.schema.json: each JSON file under
 * rules/ and src/ is a lexicon, names the schema, and validates against it
 * (a note on every list and entry, no duplicate words in a list). The
 * readers go through src/text/word-lists.ts, whose checks are tested here.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {root} from '../scripts/fixtures.ts'
import {stripLexiconNotes} from '../scripts/lexicon-notes.mjs'
import {entriesOf, groupNumbers, groupOf, ofKind, phraseWords, wordSet} from '../src/text/word-lists.ts'

function jsonFiles(dir: string): string[] {
  return readdirSync(join(root, dir), {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort()
}

const schema = JSON.parse(readFileSync(join(root, 'schemas/lexicon.schema.json'), 'utf8')) as object
const validate = new Ajv2020({allErrors: true}).compile(schema)
const lexicons = [...jsonFiles('rules'), ...jsonFiles('src')]

describe('lexicon files', () => {
  it('are found: every word list there is', () => {
    expect(lexicons.length).toBeGreaterThanOrEqual(17)
  })

  it.each(lexicons)('%s follows the lexicon schema', (file) => {
    const data = JSON.parse(readFileSync(join(root, file), 'utf8')) as {$schema?: string}
    validate(data)
    expect(validate.errors ?? []).toEqual([])
    // The reference resolves from the file's folder, so editors check the file as it is written.
    expect(join(root, file, '..', data.$schema!)).toBe(join(root, 'schemas/lexicon.schema.json'))
  })

  it('the schema refuses what it is there to refuse', () => {
    const base = {$schema: 'schemas/lexicon.schema.json', note: 'A lexicon made for this test.'}
    const refused = [
      {...base, note: undefined},
      {...base, verbs: {words: ['run']}},
      {...base, verbs: {note: 'Verbs for this test.', words: ['run', 'run']}},
      {...base, verbs: {note: 'Verbs for this test.', words: ['run  fast']}},
      {...base, verbs: {note: 'Verbs for this test.', entries: [{phrases: ['run']}]}},
      {...base, verbs: {note: 'Verbs for this test.', entries: [{phrases: ['run'], note: 'Because it runs.', colour: 'red'}]}},
      {...base, verbs: {note: 'Verbs for this test.', words: ['run'], groups: {a: ['b']}}},
    ]
    for (const data of refused) expect(validate(data), JSON.stringify(data)).toBe(false)
    expect(validate({...base, verbs: {note: 'Verbs for this test.', words: ['run', 'run out']}})).toBe(true)
  })
})

describe('word-lists', () => {
  const note = 'A list made for this test.'

  it('reads sets, phrases and groups', () => {
    expect(wordSet({note, words: ['a', 'b']})).toEqual(new Set(['a', 'b']))
    expect(phraseWords({note, words: ['or so', 'max']})).toEqual([['or', 'so'], ['max']])
    expect(groupOf({note, groups: {minute: ['min', 'mins'], hour: ['h']}})).toEqual(new Map([['min', 'minute'], ['mins', 'minute'], ['h', 'hour']]))
  })

  it('reads groups named by numbers as numbers, and names a group that is none', () => {
    expect(groupNumbers({note, groups: {'-480': ['pst'], '5.5': ['x'], '40': ['forty']}})).toEqual(new Map([['pst', -480], ['x', 5.5], ['forty', 40]]))
    expect(() => groupNumbers({note, groups: {'4O': ['forty']}})).toThrow('lexicon: group "4O" is no number (word "forty")')
    expect(() => groupNumbers({note, groups: {'': ['none']}})).toThrow('lexicon: group "" is no number (word "none")')
  })

  it('names an unknown group or kind, and the kinds it expected', () => {
    expect(() => groupOf({note, groups: {later: ['after']}}, ['ahead', 'fact'])).toThrow('lexicon: unknown group "later"; expected one of ahead, fact')
    const entries = {note, entries: [{phrases: ['we think'], note, kind: 'belief'}]}
    expect(entriesOf(entries, ['belief', 'hedge'])).toEqual(entries.entries)
    expect(() => entriesOf(entries, ['hedge'])).toThrow('lexicon: unknown kind "belief"; expected one of hedge (entry "we think")')
    expect(() => entriesOf({note, entries: [{phrases: ['x'], note}]}, ['hedge'])).toThrow('lexicon: no kind; expected one of hedge (entry "x")')
    const mixed = entriesOf({note, entries: [{phrases: ['likely'], note, kind: 'hedge'}, ...entries.entries]}, ['belief', 'hedge'])
    expect(mixed.filter(ofKind(['belief'])).map((entry) => entry.phrases[0])).toEqual(['we think'])
  })
})

describe('bundled lexicons', () => {
  it('lose their notes and nothing else', () => {
    const text = readFileSync(join(root, 'src/analysis/time/promises.json'), 'utf8')
    const stripped = JSON.parse(stripLexiconNotes(text)!) as Record<string, {words?: string[]; entries?: Array<Record<string, unknown>>}>
    expect(JSON.stringify(stripped)).not.toMatch(/"note"|"\$schema"/)
    const original = JSON.parse(text) as typeof stripped
    expect(stripped.negations!.words).toEqual(original.negations!.words)
    expect(stripped.promises!.entries!.map((entry) => Object.keys(entry))).toEqual(original.promises!.entries!.map((entry) => Object.keys(entry).filter((key) => key !== 'note')))
  })

  it('leave other JSON alone', () => {
    expect(stripLexiconNotes('{"note": "a package note", "name": "x"}')).toBeUndefined()
    expect(stripLexiconNotes('[1, 2]')).toBeUndefined()
  })
})
