/** Incident rules run through the same executor: stamping, routing to the update named, sorting and failure. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defineRule} from '../../src/engine/define-rule.ts'
import {configureRule, runIncidentRules, type TitleInput} from '../../src/engine/executor.ts'
import {getDoc} from '../../src/engine/doc.ts'
import type {IncidentView} from '../../src/engine/incident.ts'

function input(text: string): TitleInput {
  const file = new VFile(text)
  const tree = retext().parse(file)
  return {file, doc: getDoc(tree, file), tree: () => tree}
}

function incidentOf(...bodies: string[]): {view: IncidentView; title: TitleInput} {
  const title = input('Slow logins')
  const updates = bodies.map((body, index) => {
    const {file, doc} = input(body)
    return {id: undefined, index, time: index * 60_000, offset: 0, status: undefined, file, doc}
  })
  return {view: {title: 'Slow logins', updates, startedAt: undefined, now: 0}, title}
}

const gaps = defineRule({
  id: 'gaps',
  description: 'Reports on the last update and on the title',
  severity: 'warn',
  recommended: false,
  scope: 'incident',
  messages: {last: 'last of {count}', whole: 'the incident'},
  options: {},
  create: () => ({incident, report}) => {
    const count = incident!.updates.length
    const last = incident!.updates[count - 1]!
    report({messageId: 'last', start: 0, end: last.doc.text.length, update: count - 1, data: {count}})
    report({messageId: 'whole', start: 0, end: 4})
  },
})

describe('incident rules', () => {
  it('report into the update they name, or onto the title, stamped like any rule', () => {
    const {view, title} = incidentOf('Investigating.', 'Resolved.')
    runIncidentRules([configureRule(gaps.definition, 'error')!], view, title)
    const stamped = (file: VFile) => file.messages.map((m) => [m.ruleId, m.source, m.fatal, m.messageId, m.actual, m.line, m.column])
    expect(stamped(view.updates[0]!.file)).toEqual([])
    expect(stamped(view.updates[1]!.file)).toEqual([['gaps', 'liaison', true, 'last', 'Resolved.', 1, 1]])
    expect(stamped(title.file)).toEqual([['gaps', 'liaison', true, 'whole', 'Slow', 1, 1]])
    expect(view.updates[1]!.file.messages[0]!.url).toBe('https://github.com/liaison-lint/liaison/blob/main/rules/gaps.md')
  })

  it('fail the run when a report names an update the incident does not have', () => {
    const wrong = defineRule({...gaps.definition, id: 'wrong', create: () => ({report}) => report({messageId: 'whole', start: 0, end: 1, update: 2})})
    const {view, title} = incidentOf('Investigating.')
    expect(() => runIncidentRules([configureRule(wrong.definition, 'warn')!], view, title)).toThrow('Rule "wrong" failed: Rule "wrong": report names update 2, but the incident has 1')
  })

  it('fail the run naming the rule that throws, keeping what it reported, stamped', () => {
    const broken = defineRule({
      ...gaps.definition,
      id: 'broken',
      create: () => ({report}) => {
        report({messageId: 'whole', start: 0, end: 4, update: 0})
        throw new Error('boom')
      },
    })
    const {view, title} = incidentOf('Investigating.')
    expect(() => runIncidentRules([configureRule(broken.definition, 'warn')!, configureRule(gaps.definition, 'warn')!], view, title)).toThrow('Rule "broken" failed: boom')
    expect(view.updates[0]!.file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['broken', false]])
  })

  it('never run on a single message: as a plugin, with a clear error', () => {
    expect(() => retext().use(gaps).freeze()).toThrow('Rule "gaps" reads a whole incident (the sequence of its updates), so it runs through lintIncident(), not on a single message')
  })
})
