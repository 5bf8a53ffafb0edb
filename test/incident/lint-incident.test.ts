/** lintIncident(): every message rule on each update with its given phase, one file per update, the title as a headline. */
import {describe, expect, it} from 'vitest'
import {ConfigError, type Incident, lint, lintIncident, rules} from '../../src/index.ts'
import {createIncidentLinter} from '../../src/lint-incident.ts'

const incident: Incident = {
  id: 'inc-1',
  title: 'Elevated API errors',
  updates: [
    // Out of order on purpose: the result is oldest first.
    {id: 'u2', status: 'resolved', createdAt: '2026-03-01T15:00:00Z', body: 'This incident has been resolved. We think db-01 was overloaded.'},
    {id: 'u1', status: 'investigating', createdAt: '2026-03-01T14:00:00+01:00', body: 'We are investigating elevated API errors. Next update in 30 minutes.'},
  ],
}

type Messages = {messages: Array<{ruleId?: string | null; line?: number | null; column?: number | null}>}
const summary = (file: Messages) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
const incidentRuleIds = new Set(rules.filter((rule) => rule.meta.scope === 'incident').map((rule) => rule.meta.id))
/** The reports of the rules that read one message. */
const messageRules = (file: Messages) => summary({messages: file.messages.filter((message) => !incidentRuleIds.has(message.ruleId ?? ''))})

describe('lintIncident', () => {
  it('returns one file per update, oldest first, with the update it holds', async () => {
    const {updates} = await lintIncident(incident, {now: '2026-03-01T16:00:00Z'})
    expect(updates.map((file) => [String(file.value), file.data.update])).toEqual([
      [incident.updates[1]!.body, {index: 1, id: 'u1', createdAt: '2026-03-01T14:00:00+01:00', status: 'investigating'}],
      [incident.updates[0]!.body, {index: 0, id: 'u2', createdAt: '2026-03-01T15:00:00Z', status: 'resolved'}],
    ])
  })

  it('runs every message rule on each update, with positions inside its body, as lint() does with the phase given', async () => {
    const {updates} = await lintIncident(incident, {preset: 'strict', now: '2026-03-01T16:00:00Z'})
    for (const [file, update] of [[updates[0]!, incident.updates[1]!], [updates[1]!, incident.updates[0]!]] as const) {
      const alone = await lint(update.body, {preset: 'strict', phase: update.status!})
      expect(messageRules(file)).toEqual(summary(alone))
    }
    expect(summary(updates[1]!)).toContain('1:34 no-speculation')
    // And the incident rules, once over the whole incident: the promised update came 1 hour 30 minutes late.
    expect(summary(updates[0]!)).toContain('1:43 keep-update-promises')
  })

  it('gives the phase the data says, never the detected one', async () => {
    const {updates} = await lintIncident(
      {title: 'Slow builds', updates: [{status: 'investigating', createdAt: '2026-03-01T14:00:00Z', body: 'Builds are back to normal.'}]},
      {preset: 'strict', rules: {'require-next-update': 'error'}, now: '2026-03-01T14:10:00Z'},
    )
    expect(updates[0]!.data.phase).toBe('investigating')
    expect(updates[0]!.messages.map((message) => message.ruleId)).toContain('require-next-update')
  })

  it('lints the title as a headline and keeps the incident on the incident file', async () => {
    const {incident: file} = await lintIncident(
      {id: 'x', title: 'Outage on db-primary-03', url: 'https://status.example.com/incidents/x', updates: []},
      {preset: 'strict', now: 0},
    )
    expect(String(file.value)).toBe('Outage on db-primary-03')
    expect(file.data.incident).toEqual({id: 'x', title: 'Outage on db-primary-03', url: 'https://status.example.com/incidents/x'})
    const ids = file.messages.map((message) => message.ruleId)
    expect(ids).toContain('no-internal-hostname')
    // A headline carries no impact or schedule: the updates do.
    expect(ids).not.toContain('require-impact')
    expect(ids).not.toContain('require-next-update')
  })

  it('rejects a malformed incident, naming the field', async () => {
    const update = {body: 'x', createdAt: '2026-03-01T14:00:00Z'}
    const bad: Array<[unknown, string]> = [
      [null, 'lintIncident: expected an incident object, got null'],
      [{updates: []}, 'lintIncident: incident "title" must be a string, got undefined'],
      [{title: 't'}, 'lintIncident: incident "updates" must be a list, got undefined'],
      [{title: 't', updates: [update, {body: 3, createdAt: update.createdAt}]}, 'lintIncident: updates[1].body must be a string, got 3'],
      [{title: 't', updates: [{body: 'x', createdAt: '2026-03-01 14:00'}]}, 'lintIncident: updates[0].createdAt must be an ISO 8601 time with an offset ("2026-03-01T14:05:00Z"), got "2026-03-01 14:00"'],
      [{title: 't', updates: [{...update, status: 'fixed'}]}, 'lintIncident: updates[0].status must be one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, got "fixed"'],
      [{title: 't', updates: [update], startedAt: 'noon'}, 'lintIncident: incident "startedAt" must be an ISO 8601 time with an offset ("2026-03-01T14:05:00Z"), got "noon"'],
      [{title: 't', updates: [update], components: ['api', 2]}, 'lintIncident: incident "components" must be a list of strings, got ["api",2]'],
      [{title: 't', updates: [{...update, id: 7}]}, 'lintIncident: updates[0].id must be a string when given, got 7'],
      [{title: 't', updates: [null]}, 'lintIncident: updates[0] must be an object, got null'],
    ]
    for (const [value, message] of bad) await expect(lintIncident(value as Incident)).rejects.toThrow(new TypeError(message))
  })

  it('takes the settings lint() takes: a team vocabulary on the title and on every update, a channel', async () => {
    const team: Incident = {
      title: 'Project Falcon outage',
      updates: [{status: 'investigating', createdAt: '2026-03-01T14:00:00Z', body: 'Project Falcon checkout is failing for customers in every region: card payments and saved wallets are declined at the last step. We are investigating. Next update in 30 minutes.'}],
    }
    const {incident: title, updates} = await lintIncident(team, {vocabulary: [{id: 'no-codenames', forbid: ['Project Falcon'], scope: 'both'}], channel: 'sms', now: '2026-03-01T14:10:00Z'})
    expect(summary(title).filter((line) => line.endsWith('no-codenames'))).toEqual(['1:1 no-codenames'])
    expect(summary(updates[0]!).filter((line) => line.endsWith('no-codenames'))).toEqual(['1:1 no-codenames'])
    const alone = await lint(team.updates[0]!.body, {channel: 'sms', phase: 'investigating'})
    const lengths = (lines: string[]) => lines.filter((line) => line.endsWith('max-length'))
    // Over SMS's 160, under Twitter's 280: only the channel given makes it too long.
    expect(lengths(messageRules(updates[0]!))).toHaveLength(1)
    expect(lengths(messageRules(updates[0]!))).toEqual(lengths(summary(alone)))
  })

  it('rejects bad options, naming them', async () => {
    const ok: Incident = {title: 't', updates: []}
    await expect(lintIncident(ok, {phase: 'resolved'} as never)).rejects.toThrow(new ConfigError('lintIncident: unknown option "phase" (known options: preset, rules, channel, placeholders, vocabulary, plugins, now)'))
    await expect(lintIncident(ok, {now: 'soon'})).rejects.toThrow('lintIncident: option "now" must be an ISO 8601 time with an offset')
    await expect(lintIncident(ok, {now: new Date(Number.NaN)})).rejects.toThrow('lintIncident: option "now"')
    await expect(lintIncident(ok, {rules: {'max-lenght': 'error'}})).rejects.toThrow('Unknown rule "max-lenght"')
    await expect(lintIncident(ok, [] as never)).rejects.toThrow('lintIncident: options must be an object, got []')
    await expect(lintIncident(ok, null as never)).resolves.toBeDefined()
  })

  it('accepts now as a Date, milliseconds or a time with an offset', async () => {
    for (const now of [new Date(0), 0, '2026-03-01T14:00:00+0100']) {
      await expect(lintIncident({title: 't', updates: []}, {now})).resolves.toBeDefined()
    }
  })

  it('createIncidentLinter(): options checked once, then each incident linted as lintIncident() lints it', async () => {
    expect(() => createIncidentLinter({rules: {'max-lenght': 'error'}})).toThrow('Unknown rule "max-lenght"')
    const options = {preset: 'strict', now: '2026-03-01T16:00:00Z'} as const
    const lintOne = createIncidentLinter(options)
    const late: Incident = {title: 'Slow builds', updates: [{status: 'investigating', createdAt: '2026-03-01T14:00:00Z', body: 'Builds are slow. Next update in 10 minutes.'}]}
    for (const each of [incident, late, incident]) {
      const prepared = lintOne(each)
      const alone = await lintIncident(each, options)
      expect([prepared.incident, ...prepared.updates].map(summary)).toEqual([alone.incident, ...alone.updates].map(summary))
      // The views incident rules read: the same files, oldest first, each with the doc of its body.
      expect(prepared.views.map((view) => view.file)).toEqual(prepared.updates)
      expect(prepared.views.map((view) => view.doc.text)).toEqual(prepared.updates.map((file) => String(file.value)))
    }
    expect(() => lintOne({title: 't'} as never)).toThrow(new TypeError('lintIncident: incident "updates" must be a list, got undefined'))
  })
})
