/**
 * The label files under eval/ (see eval/README.md): every row valid against
 * eval/labels.schema.json, no repeated ids or texts across the files, only
 * known rule ids, and the policy's one fixed label (resolved and postmortem
 * updates are exempt from require-impact). Checks that need ../shared/corpus
 * skip, saying why, when it is not beside the project.
 */
import {readFileSync} from 'node:fs'
import Ajv from 'ajv'
import {describe, expect, it} from 'vitest'
import {findSharedCorpus, joinShared, type LabelRow, labelFiles, readJsonl, type SharedEntry} from '../../scripts/eval-sets.ts'
import {rowProblems} from '../../scripts/scoring.ts'

const schema = JSON.parse(readFileSync(new URL('../../eval/labels.schema.json', import.meta.url), 'utf8')) as {$id: string}
const ajv = new (Ajv as unknown as typeof Ajv.default)({allErrors: true, strict: true})
ajv.addSchema(schema)
const validator = (name: string) => ajv.getSchema(`${schema.$id}#/definitions/${name}`)!

const files = [
  ['devset', labelFiles.devset, 'devsetRow'],
  ['shared', labelFiles.shared, 'sharedLabelRow'],
  ['adversarial', labelFiles.adversarial, 'adversarialRow'],
] as const
const rows = Object.fromEntries(files.map(([name, file]) => [name, readJsonl<LabelRow>(file)])) as Record<(typeof files)[number][0], ReturnType<typeof readJsonl<LabelRow>>>
const shared = findSharedCorpus()
const corpus = shared ? readJsonl<SharedEntry>(shared).map(({row}) => row) : []
const exempt = new Set(['resolved', 'postmortem'])

describe.each(files)('eval/%s', (name, _file, definition) => {
  it(`every row is a valid ${definition}`, () => {
    const validate = validator(definition)
    const invalid = rows[name].flatMap(({file, line, row}) => (validate(row) ? [] : [`${file}:${line}: ${ajv.errorsText(validate.errors)}`]))
    expect(invalid).toEqual([])
  })
})

describe('the schema', () => {
  const row = {id: 'a', source: 'adversarial', phase: 'investigating', pattern: 'speculation about the cause', text: 'We think so.', labels: {'require-impact': true, 'no-internal-hostname': false, 'no-internal-detail': false, 'no-speculation': true, 'no-resolution-estimate': false}}

  it('rejects an unknown rule id, a missing label, a bad label value and a copied text in the shared labels', () => {
    const adversarial = validator('adversarialRow')
    expect(adversarial(row)).toBe(true)
    expect(adversarial({...row, labels: {...row.labels, 'no-guessing': true}})).toBe(false)
    const {'no-speculation': _, ...missing} = row.labels
    expect(adversarial({...row, labels: missing})).toBe(false)
    expect(adversarial({...row, labels: {...row.labels, 'no-speculation': 'maybe'}})).toBe(false)
    expect(validator('sharedLabelRow')({id: 'x-1', labels: row.labels, text: 'copied'})).toBe(false)
  })
})

it('has no repeated ids or texts across the label files, and only known rule ids', () => {
  const located = files.flatMap(([name]) => rows[name].map(({file, line, row}) => ({file, line, ...row, why: row.why ?? {}})))
  expect(rowProblems(located)).toEqual([])
})

it('labels resolved and postmortem devset updates false for require-impact (they are exempt)', () => {
  const wrong = rows.devset.filter(({row}) => exempt.has(row.phase!) && row.labels['require-impact'] !== false).map(({row}) => row.id)
  expect(wrong).toEqual([])
})

it('holds at least 150 devset messages from at least 25 companies (issue #12: a development set of real updates)', () => {
  expect(rows.devset.length).toBeGreaterThanOrEqual(150)
  expect(new Set(rows.devset.map(({row}) => row.company)).size).toBeGreaterThanOrEqual(25)
})

it('takes nothing from the sources reserved for independent scoring', () => {
  const reserved = /civo\/status|jenkins-infra\/status|packit\/status|emma/i
  expect(rows.devset.filter(({row}) => reserved.test(row.source!) || reserved.test(row.company!)).map(({row}) => row.id)).toEqual([])
})

describe.skipIf(!shared)('with ../shared/corpus', () => {
  it('labels every shared-corpus message exactly once, and only those', () => {
    const cases = joinShared(rows.shared, corpus)
    expect(cases.map((c) => c.id).sort()).toEqual(corpus.map((entry) => entry.id).sort())
  })

  it('labels resolved and postmortem shared-corpus updates false for require-impact', () => {
    const wrong = joinShared(rows.shared, corpus).filter((c) => exempt.has(c.phase!) && c.labels['require-impact'] !== false)
    expect(wrong.map((c) => c.id)).toEqual([])
  })

  it('copies no shared-corpus text into the devset or the adversarial set', () => {
    const located = [...rows.devset, ...rows.adversarial].map(({file, line, row}) => ({file, line, id: row.id, text: row.text, labels: {}}))
    const problems = rowProblems([...corpus.map((entry, index) => ({file: shared!, line: index + 1, id: `shared:${entry.id}`, text: entry.text, labels: {}})), ...located])
    expect(problems).toEqual([])
  })
})

it.skipIf(shared)('shared-corpus checks: ../shared/corpus/real-status-updates.jsonl not found beside the project', () => {})
