/**
 * schemas/incidents.schema.json and the hand-written reader of liaison's own
 * shape (src/incident/adapters/liaison-json.ts) agree: what the schema
 * accepts, the reader reads, and what it rejects, the reader rejects too.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {fromLiaisonData} from '../../src/incident/adapters/liaison-json.ts'
import {root} from '../support/fixtures.ts'

const schema = JSON.parse(readFileSync(join(root, 'schemas/incidents.schema.json'), 'utf8')) as object
const validate = new Ajv2020({strict: true, allowUnionTypes: true, allErrors: true}).compile(schema)
const data = join(import.meta.dirname, 'data')

const update = {body: 'Checkout is failing for some customers.', createdAt: '2026-04-02T08:00:00Z'}
const incident = {title: 'Checkout errors', updates: [update]}
const invalid: Record<string, unknown> = {
  'no title': {updates: [update]},
  'no updates': {title: 'x'},
  'updates not a list': {title: 'x', updates: {}},
  'unknown incident field': {...incident, name: 'x'},
  'unknown update field': {title: 'x', updates: [{...update, created_at: update.createdAt}]},
  'no body': {title: 'x', updates: [{createdAt: update.createdAt}]},
  'time without a zone': {title: 'x', updates: [{...update, createdAt: '2026-04-02T08:00:00'}]},
  'time in words': {title: 'x', updates: [{...update, createdAt: 'at noon'}]},
  'unknown phase': {title: 'x', updates: [{...update, status: 'fixed'}]},
  'phase in capitals': {title: 'x', updates: [{...update, status: 'Resolved'}]},
  'components not names': {...incident, components: [{name: 'API'}]},
  'start in words': {...incident, startedAt: 'this morning'},
  'incidents not a list': {incidents: incident},
  'unknown document field': {incidents: [], page: {}},
  'a number': 3,
}

describe('schemas/incidents.schema.json', () => {
  it('accepts the example files, as the reader does', () => {
    const documents = [
      JSON.parse(readFileSync(join(data, 'liaison/incidents.json'), 'utf8')),
      parse(readFileSync(join(data, 'liaison/incidents.yml'), 'utf8')),
      ...readFileSync(join(data, 'liaison/incidents.jsonl'), 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as unknown),
      [incident],
      {...incident, id: 7, startedAt: '2026-04-02 07:55 UTC', updates: [{...update, id: 1, status: 'in_progress'}]},
    ] as unknown[]
    for (const document of documents) {
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true)
      expect(() => fromLiaisonData(document, 'x')).not.toThrow()
    }
  })

  it.each(Object.entries(invalid))('rejects %s, as the reader does', (_, document) => {
    expect(validate(document)).toBe(false)
    expect(() => fromLiaisonData(document, 'x')).toThrow()
  })
})
