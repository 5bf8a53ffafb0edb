/**
 * The input adapters on files in each source's documented shape
 * (test/audit/data), and on broken ones: every failure names the source and
 * the field.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {IncidentInputError, readIncidents} from '../../src/incident/adapters/index.ts'
import {toIsoTime} from '../../src/incident/adapters/input.ts'

const data = join(import.meta.dirname, 'data')
const read = (path: string, from?: Parameters<typeof readIncidents>[2]) => readIncidents(readFileSync(join(data, path), 'utf8'), path, from)
const failure = (path: string, from?: Parameters<typeof readIncidents>[2]) => {
  try {
    read(path, from)
  } catch (error) {
    expect(error).toBeInstanceOf(IncidentInputError)
    return (error as Error).message
  }
  throw new Error(`${path} was read without an error`)
}

describe('Statuspage', () => {
  it('reads /api/v2/incidents.json: title, impact, components, start, link, updates with phases', () => {
    const {format, incidents} = read('statuspage/incidents.json')
    expect(format).toBe('statuspage')
    expect(incidents).toHaveLength(2)
    const [payouts, login] = incidents
    expect(payouts).toMatchObject({
      id: 'p31zjtct2jer',
      title: 'Delayed payouts to European bank accounts',
      url: 'https://stspg.io/p31zjtct2jer',
      impact: 'major',
      components: ['Payouts'],
      startedAt: '2026-03-04T07:48:00.000Z',
      source: 'statuspage/incidents.json',
    })
    expect(payouts!.updates.map((update) => [update.status, update.createdAt])).toEqual([
      ['resolved', '2026-03-04T10:12:05.100Z'],
      ['monitoring', '2026-03-04T09:40:00.000Z'],
      ['investigating', '2026-03-04T08:02:11.402Z'],
    ])
    expect(payouts!.updates[2]!.body).toMatch(/^Payouts to bank accounts/)
    // A postmortem is no phase: kept, with the phase left to the wording.
    expect(login!.updates[0]).toEqual({id: 'z0x9c8v7b6n5', body: expect.stringMatching(/^A configuration change/) as unknown, createdAt: '2026-02-20T09:00:00.000-05:00'})
    expect(login).not.toHaveProperty('components')
  })

  it('reads an export (a list of the same incidents) to the same incidents', () => {
    const api = read('statuspage/incidents.json').incidents
    const exported = read('statuspage/export.json').incidents
    expect(exported.map(({source, ...rest}) => rest)).toEqual(api.map(({source, ...rest}) => rest))
  })

  it('reads scheduled maintenances, whose start is scheduled_for', () => {
    const [maintenance] = read('statuspage/maintenance.json').incidents
    expect(maintenance!.startedAt).toBe('2026-03-10T02:00:00.000Z')
    expect(maintenance!.updates.map((update) => update.status)).toEqual(['scheduled', 'in_progress', 'completed'])
  })

  it('names the field of an unknown status', () => {
    expect(failure('bad/statuspage-status.json')).toBe(
      'bad/statuspage-status.json: incidents[0].incident_updates[0].status: "fixing" is no Statuspage status (investigating, identified, monitoring, resolved, postmortem, scheduled, in_progress, verifying, completed)',
    )
  })

  it('reads a single incident and an empty page', () => {
    const one = {incident: {name: 'Down', incident_updates: [{status: 'investigating', body: null, created_at: '2026-01-01T00:00:00Z'}]}}
    expect(readIncidents(JSON.stringify(one), 'one.json').incidents[0]!.updates[0]!.body).toBe('')
    expect(readIncidents('{"page": {"id": "x"}, "incidents": []}', 'empty.json')).toEqual({format: 'statuspage', incidents: []})
  })
})

describe('cState and Markdown incident files', () => {
  it('reads a cState issue: updates split at {{< track >}}, phases from *Phase* -, zoneless times as UTC', () => {
    const {format, incidents} = read('cstate/content/issues/2026-01-12-search-outage.md')
    expect(format).toBe('cstate')
    expect(incidents[0]).toEqual({
      id: '2026-01-12-search-outage',
      title: 'Search results missing',
      impact: 'minor',
      components: ['Search'],
      startedAt: '2026-01-12T09:10:00Z',
      source: 'cstate/content/issues/2026-01-12-search-outage.md',
      updates: [
        {body: 'Search returns complete results again. Orders and checkout were never affected.', status: 'resolved', createdAt: '2026-01-12T11:02:00Z'},
        {body: 'We rebuilt the search index and results are coming back. We will post another update in one hour.', status: 'monitoring', createdAt: '2026-01-12T10:15:00Z'},
        {body: 'Search is returning incomplete results for some shoppers. We are looking into it and will update in 30 minutes.', status: 'investigating', createdAt: '2026-01-12T09:10:00Z'},
      ],
    })
  })

  it('takes the id from the front matter, and bold phases', () => {
    const [incident] = read('cstate/content/issues/2026-02-02-api-down.md').incidents
    expect(incident!.id).toBe('api-unavailable-feb')
    expect(incident!.impact).toBe('major')
    expect(incident!.updates.map((update) => update.status)).toEqual(['identified', 'investigating'])
  })

  it('passes by a page of another section, and reads headings with times as updates', () => {
    expect(read('cstate/content/issues/2026-02-20-planned-note.md').incidents).toEqual([])
    const [incident] = read('markdown/2026-03-05-email-delays.md').incidents
    expect(incident!.components).toEqual(['Receipts'])
    expect(incident!.updates).toEqual([
      {body: 'Receipts are being delivered on time again, and the receipts that were delayed have all been sent.', status: 'resolved', createdAt: '2026-03-05T14:40+01:00'},
      {body: expect.stringMatching(/^Email receipts are arriving/) as unknown, status: 'investigating', createdAt: '2026-03-05T13:05+01:00'},
    ])
  })

  it('reads a body without markers as one update at the date', () => {
    const text = '---\ntitle: Slow\ndate: 2026-01-01 10:00\n---\nThings are slow.\n'
    expect(readIncidents(text, 'slow.md').incidents[0]!.updates).toEqual([{body: 'Things are slow.', createdAt: '2026-01-01T10:00Z'}])
  })

  it('names what is wrong with a broken file', () => {
    expect(failure('bad/no-front-matter.md')).toMatch(/^bad\/no-front-matter\.md: no front matter/)
    expect(() => readIncidents('---\ntitle: x\ndate: soon\n---\n', 'x.md')).toThrow('x.md: date: expected a date and time ("2026-03-01 14:05", UTC unless it names a zone), got "soon"')
    expect(() => readIncidents('---\ntitle: [x\n---\n', 'x.md')).toThrow(/^x\.md: front matter is not valid YAML/)
    expect(() => readIncidents('---\n- a\n---\n', 'x.md')).toThrow('x.md: front matter must be a mapping of fields, got ["a"]')
    expect(() => readIncidents('---\ntitle: x\ndate: 2026-01-01 10:00\n---\nA. {{< track "2026-01-01 10:00" >}}\nB.', 'x.md')).toThrow('x.md: text after the last {{< track >}} belongs to no update: "B."')
  })
})

describe("liaison's own shape", () => {
  it('reads JSON, JSON Lines and YAML', () => {
    const json = read('liaison/incidents.json')
    expect(json.format).toBe('json')
    expect(json.incidents[0]).toMatchObject({id: '2026-04-01-webhooks', components: ['Webhooks'], startedAt: '2026-04-01T10:00:00Z'})
    const lines = read('liaison/incidents.jsonl').incidents
    expect(lines.map((incident) => incident.id)).toEqual(['a', 'b'])
    expect(lines[1]!.updates[0]).toEqual({body: "Reports are slow to load. We're on it.", createdAt: '2026-04-03T09:00:00+02:00'})
    expect(read('liaison/incidents.yml').incidents[0]!.updates[0]!.createdAt).toBe('2026-04-05T12:00:00Z')
  })

  it('names the field, and suggests the right one', () => {
    expect(failure('bad/wrong-time.json')).toBe('bad/wrong-time.json: incidents[0].updates[0].createdAt: expected an ISO 8601 time with an offset ("2026-03-01T14:05:00Z"), got "yesterday at noon"')
    expect(failure('bad/unknown-field.json')).toBe('bad/unknown-field.json: incidents[0].updates[0]: unknown field "created_at" (did you mean "createdAt"?); the fields are id, body, status, createdAt')
    expect(() => readIncidents('{"title": "x", "updates": [{"body": "y", "createdAt": "2026-01-01T00:00Z", "status": "done"}]}', 'x.json')).toThrow(
      'x.json: incident.updates[0].status: expected one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got "done"',
    )
    expect(() => readIncidents('[{"title": "x", "updates": 3}]', 'x.json')).toThrow('x.json: [0].updates: expected a list of updates, got 3')
    expect(() => readIncidents('{"incidents": {}}', 'x.json')).toThrow('x.json: incidents: expected a list of incidents, got {}')
    expect(() => readIncidents('{"title": "x", "components": [1], "updates": []}', 'x.json')).toThrow('x.json: incident.components: expected a list of names, got [1]')
    expect(() => readIncidents('{"a": 1}\n{"b"', 'x.jsonl')).toThrow(/^x\.jsonl:1: incident: expected|^x\.jsonl:1: incident: unknown field "a"/)
    expect(() => readIncidents('\n{"b"', 'x.jsonl')).toThrow(/^x\.jsonl:2: not valid JSON/)
  })
})

describe('detection and --from', () => {
  it('says what a file is not', () => {
    expect(failure('bad/not-json.json')).toMatch(/^bad\/not-json\.json: not valid JSON: /)
    expect(failure('bad/neither.json')).toMatch(/^bad\/neither\.json: no incidents found: expected Statuspage's/)
    expect(failure('statuspage/incidents.json', 'cstate')).toBe('statuspage/incidents.json: --from cstate was given, but this is not a Markdown file (.md): cState keeps one Markdown file per incident')
    expect(failure('markdown/2026-03-05-email-delays.md', 'json')).toBe('markdown/2026-03-05-email-delays.md: --from json was given, but this is a Markdown file (--from cstate)')
    expect(failure('liaison/incidents.jsonl', 'statuspage')).toMatch(/but this is JSON Lines/)
    expect(failure('liaison/incidents.json', 'statuspage')).toBe('liaison/incidents.json: incidents[0].incident_updates: expected a list of updates, got nothing')
    expect(failure('statuspage/incidents.json', 'json')).toBe('statuspage/incidents.json: unknown field "page"; the fields are $schema, incidents')
  })
})

describe('times', () => {
  it('reads the ways sources write them, and rejects the rest', () => {
    expect(toIsoTime('2026-03-01 14:05 UTC')).toBe('2026-03-01T14:05Z')
    expect(toIsoTime('2026-03-01T14:05:00+0100')).toBe('2026-03-01T14:05:00+01:00')
    expect(toIsoTime('2026-03-01 14:05')).toBeUndefined()
    expect(toIsoTime('2026-03-01 14:05', 'utc')).toBe('2026-03-01T14:05Z')
    expect(toIsoTime(new Date('2026-03-01T14:05:00Z'))).toBe('2026-03-01T14:05:00.000Z')
    expect(toIsoTime(new Date(Number.NaN))).toBeUndefined()
    expect(toIsoTime('2026-02-31T10:00Z')).toBeUndefined()
    expect(toIsoTime('2026-03-01T25:00Z')).toBeUndefined()
    expect(toIsoTime(12)).toBeUndefined()
  })
})
