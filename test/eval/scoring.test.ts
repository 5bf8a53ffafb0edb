/**
 * The scorer behind `npm run eval -- --score` (scripts/scoring.ts): counts,
 * borderline cases, ratios, the phase handed to lint(), and the row checks
 * that keep the label files honest.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {findSharedCorpus, joinShared, readJsonl} from '../../scripts/eval-sets.ts'
import {type Flags, formatScores, type Label, type LabelledCase, lintPhase, ratio, rowProblems, scoreRule, textKey} from '../../scripts/scoring.ts'

const labels = (rule: Label) => ({
  'require-impact': false,
  'no-internal-hostname': false,
  'no-internal-detail': false,
  'no-speculation': rule,
  'no-resolution-estimate': false,
})
const item = (id: string, label: Label, why?: string): LabelledCase => ({id, text: `text of ${id}`, labels: labels(label), ...(why ? {why: {'no-speculation': why}} : {})})
const flagged = (...ids: string[]): Flags => new Map(ids.map((id) => [id, new Map([['no-speculation', [`1:1 "x" — reason for ${id}`]]])]))

describe('scoreRule', () => {
  const cases = [item('tp1', true), item('tp2', true), item('fn', true), item('fp', false), item('tn1', false), item('tn2', false), item('b1', 'borderline'), item('b2', 'borderline')]
  const score = scoreRule('no-speculation', cases, flagged('tp1', 'tp2', 'fp', 'b1'))

  it('counts each outcome once and leaves borderline cases out, flagged or not', () => {
    expect([score.tp, score.fp, score.fn, score.tn, score.borderline]).toEqual([2, 1, 1, 2, 2])
  })

  it('computes precision and recall from the counts', () => {
    expect(score.precision).toBeCloseTo(2 / 3)
    expect(score.recall).toBeCloseTo(2 / 3)
  })

  it('lists every false positive with what the rule said, and every false negative', () => {
    expect(score.falsePositives).toEqual([{id: 'fp', text: 'text of fp', reasons: ['1:1 "x" — reason for fp']}])
    expect(score.falseNegatives).toEqual([{id: 'fn', text: 'text of fn', reasons: []}])
  })

  it('reads only the scored rule’s flags', () => {
    const other: Flags = new Map([['tp1', new Map([['require-impact', ['r']]])]])
    expect(scoreRule('no-speculation', [item('tp1', true)], other)).toMatchObject({tp: 0, fn: 1})
  })

  it('has no ratio when there is nothing to divide by', () => {
    expect(scoreRule('no-speculation', [item('tn', false)], new Map())).toMatchObject({precision: undefined, recall: undefined, tn: 1})
    expect(ratio(0, 0)).toBeUndefined()
    expect(ratio(1, 4)).toBe(0.25)
  })
})

describe('lintPhase', () => {
  it('passes known phases, reads the labels as lint() does, and leaves the rest to detection', () => {
    expect(lintPhase('investigating')).toBe('investigating')
    expect(lintPhase('postmortem')).toBe('resolved')
    expect(lintPhase('update')).toBeUndefined()
    expect(lintPhase(undefined)).toBeUndefined()
    expect(lintPhase('maintenance')).toBe('maintenance')
    expect(lintPhase('outage')).toBeUndefined()
  })
})

describe('rowProblems', () => {
  const row = (line: number, id: string, text: string, extra: Record<string, unknown> = {}) => ({file: 'f.jsonl', line, id, text, labels: labels(false), ...extra})

  it('accepts distinct rows', () => {
    expect(rowProblems([row(1, 'a', 'One.'), row(2, 'b', 'Two.')])).toEqual([])
  })

  it('rejects a repeated id and a repeated text (ignoring case and spacing), naming both lines', () => {
    expect(rowProblems([row(1, 'a', 'Same  text.'), row(2, 'a', 'other'), row(3, 'c', 'same text.')])).toEqual([
      'f.jsonl:2: duplicate id "a" (first at f.jsonl:1)',
      'f.jsonl:3: duplicate text of f.jsonl:1 ("same text.")',
    ])
    expect(textKey(' A\n b ')).toBe('a b')
  })

  it('rejects an unknown rule id and a reason for a false label', () => {
    const problems = rowProblems([row(1, 'a', 'x', {labels: {...labels(false), 'no-speculaton': true}, why: {'no-speculation': 'we think'}})])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/unknown rule id "no-speculaton"/)
    expect(problems[1]).toMatch(/"why" explains no-speculation, but its label is false/)
  })
})

describe('formatScores', () => {
  it('prints the counts row, rules missing from the build, and each error with the rule’s reasons', () => {
    const score = scoreRule('no-speculation', [item('fp', false), item('fn', true, 'we think')], flagged('fp'))
    const out = formatScores('set', [score], ['no-internal-detail'])
    expect(out).toContain('no-speculation              0    1    1    0       0       0.00    0.00')
    expect(out).toContain('no-internal-detail         (no such rule in this build: not scored)')
    expect(out).toContain('### no-speculation: 1 false positives\n- [fp] text of fp\n    1:1 "x" — reason for fp')
    expect(out).toContain('### no-speculation: 1 false negatives\n- [fn] text of fn\n    expected: we think')
  })
})

describe('label files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-eval-'))

  it('names the file and line of a line that is not JSON', () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"a"}\n\n{oops\n')
    expect(() => readJsonl(join(dir, 'bad.jsonl'))).toThrow(/bad\.jsonl:3: not JSON/)
  })

  it('finds shared/corpus in an ancestor of the project (worktrees sit one level deeper)', () => {
    const project = join(dir, 'wt', 'branch')
    mkdirSync(project, {recursive: true})
    expect(findSharedCorpus(project)).toBeUndefined()
    mkdirSync(join(dir, 'shared', 'corpus'), {recursive: true})
    writeFileSync(join(dir, 'shared', 'corpus', 'real-status-updates.jsonl'), '')
    expect(findSharedCorpus(project)).toBe(join(dir, 'shared', 'corpus', 'real-status-updates.jsonl'))
  })

  it('joins shared labels with corpus texts and rejects a label for a message that is not there', () => {
    const corpus = [{id: 'x-1', source: 's', company: 'X', phase: 'resolved', text: 'Fixed.'}]
    const row = {id: 'x-1', labels: labels(false)}
    expect(joinShared([{file: 'l.jsonl', line: 1, row}], corpus)).toEqual([{id: 'x-1', text: 'Fixed.', phase: 'resolved', labels: labels(false)}])
    expect(joinShared([{file: 'l.jsonl', line: 1, row: {...row, why: {'no-speculation': 'w'}}}], corpus)[0]?.why).toEqual({'no-speculation': 'w'})
    expect(() => joinShared([{file: 'l.jsonl', line: 4, row: {...row, id: 'x-2'}}], corpus)).toThrow('l.jsonl:4: "x-2" is not a message of the shared corpus')
  })
})
