/**
 * The one fixture runner: every rule's flagged and passing cases, the same
 * checks for each, through `lint()` and through the `liaison` retext plugin
 * (which must agree exactly). A new rule needs fixtures, not test code.
 */
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.ts'
import {source} from '../src/engine/rule.ts'
import {skippedMessageId} from '../src/engine/skipped-note.ts'
import {describeReport, loadFixtures, reportedId, runIncidentCase, runRule} from './support/fixtures.ts'
import type {LiaisonRule} from '../src/engine/rule.ts'

/** Everything a report carries, to compare the two ways of running. */
function fields(message: VFileMessage): unknown[] {
  const {ruleId, source: from, url, fatal, messageId, reason, place, actual, expected, note} = message
  return [ruleId, from, url, fatal, messageId, reason, place, actual, expected, note]
}

/** The engine's notes (a skipped language) apart from the rule's reports. */
function byKind(messages: readonly VFileMessage[]): [VFileMessage[], VFileMessage[]] {
  return [messages.filter((m) => m.messageId === skippedMessageId), messages.filter((m) => m.messageId !== skippedMessageId)]
}

/** Every message id is reported by some flagged case, and its prose pinned by one with `message:`. */
function pinsEveryMessage(rule: LiaisonRule, flagged: ReturnType<typeof loadFixtures>['flagged']): void {
  const used = new Set(flagged.flatMap((c) => c.reports.map(reportedId)))
  const pinned = new Set(flagged.filter((c) => c.message !== undefined).map((c) => reportedId(c.reports[0]!)))
  for (const messageId of Object.keys(rule.meta.messages)) {
    expect(used, `no flagged case reports "${messageId}"`).toContain(messageId)
    expect(pinned, `no flagged case pins the text of "${messageId}" with "message:"`).toContain(messageId)
  }
}

for (const rule of rules) {
  const {id, url} = rule.meta
  if (rule.meta.scope === 'incident') continue
  const {flagged, passing} = loadFixtures(id)

  describe(`${id}: flagged`, () => {
    it.each(flagged.map((c) => [c.text, c] as const))('%s', async (_, c) => {
      const file = await runRule(rule, c)
      expect(file.messages.map(describeReport)).toEqual(c.reports)
      for (const message of file.messages) {
        expect({ruleId: message.ruleId, source: message.source, url: message.url}).toEqual({ruleId: id, source, url})
        expect(message.fatal).toBe(true)
      }
      if (c.message !== undefined) expect(file.messages[0]?.reason).toBe(c.message)
      const viaPlugin = await runRule(rule, c, 'plugin')
      expect(viaPlugin.messages.map(fields)).toEqual(file.messages.map(fields))
    })

    it('exercises and pins every message id', () => {
      pinsEveryMessage(rule, flagged)
    })

    it('applying the first suggestion silences the report', async () => {
      for (const c of flagged) {
        const file = await runRule(rule, c)
        for (const message of file.messages) {
          if (!message.expected?.length) continue
          const {start, end} = message.place as {start: {offset: number}; end: {offset: number}}
          const fixed = c.text.slice(0, start.offset) + message.expected[0] + c.text.slice(end.offset)
          const after = await runRule(rule, {...c, text: fixed})
          const same = after.messages.filter(
            (m) =>
              m.messageId === message.messageId &&
              (m.place as {start: {offset: number}}).start.offset === start.offset,
          )
          expect(same, `"${fixed}" still reports ${message.messageId}`).toEqual([])
        }
      }
    })
  })

  describe(`${id}: passing`, () => {
    it.each(passing.map((c) => [c.text, c] as const))('%s', async (_, c) => {
      for (const way of ['lint', 'plugin'] as const) {
        const file = await runRule(rule, c, way)
        const [notes, reports] = byKind(file.messages)
        expect(reports.map(describeReport), `${way}: ${c.reason}`).toEqual([])
        // A rule that reads other languages than the case's is skipped, with the one note that says so.
        const skipped = c.language !== undefined && rule.meta.languages !== undefined && !rule.meta.languages.includes(c.language)
        expect(notes.map((note) => note.data), `${way}: ${c.reason}`).toEqual(skipped ? [{language: c.language, rules: id}] : [])
      }
    })
  })
}

/** Incident rules: each case through lintIncident(), and again with its updates reversed, which must change nothing. */
for (const rule of rules.filter((candidate) => candidate.meta.scope === 'incident')) {
  const {id, url} = rule.meta
  const {flagged, passing} = loadFixtures(id)
  const describeAll = (reports: Awaited<ReturnType<typeof runIncidentCase>>) => reports.map(({where, message}) => `${where} ${describeReport(message)}`)

  describe(`${id}: flagged incidents`, () => {
    it.each(flagged.map((c) => [c.text, c] as const))('%s', async (_, c) => {
      const reports = await runIncidentCase(rule, c)
      expect(describeAll(reports)).toEqual(c.reports)
      for (const {message} of reports) {
        expect({ruleId: message.ruleId, source: message.source, url: message.url, fatal: message.fatal}).toEqual({ruleId: id, source, url, fatal: true})
      }
      if (c.message !== undefined) expect(reports[0]?.message.reason).toBe(c.message)
      const reversed = await runIncidentCase(rule, c, true)
      expect(reversed.map(({where, message}) => [where, ...fields(message)])).toEqual(reports.map(({where, message}) => [where, ...fields(message)]))
    })

    it('exercises and pins every message id', () => {
      pinsEveryMessage(rule, flagged)
    })
  })

  describe(`${id}: passing incidents`, () => {
    it.each(passing.map((c) => [c.text, c] as const))('%s', async (_, c) => {
      for (const reversed of [false, true]) expect(describeAll(await runIncidentCase(rule, c, reversed)), c.reason).toEqual([])
    })
  })
}
