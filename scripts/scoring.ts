/**
 * Scoring rules against labelled messages: the pure half of
 * `npm run eval -- --score` (reading files and running lint() live in
 * scripts/eval-sets.ts and scripts/eval.ts).
 *
 * A label says what the policy wants for one rule on one message: `true` the
 * rule should flag it, `false` it must not, `'borderline'` the case is left
 * out of that rule's score. A message counts as flagged by a rule when the
 * rule reports anything on it.
 */
import {type GivenPhase, isPhaseInput, phaseOf} from '../src/analysis/phase.ts'

export const scoredRules = [
  'require-impact',
  'no-internal-hostname',
  'no-internal-detail',
  'no-speculation',
  'no-resolution-estimate',
] as const
export type ScoredRule = (typeof scoredRules)[number]
export type Label = boolean | 'borderline'

export interface LabelledCase {
  id: string
  text: string
  /** The phase the source gives (or the labeller assigned), as in the data files. */
  phase?: string
  labels: Record<ScoredRule, Label>
  /** Why a label is true or borderline, by rule: shown beside a false negative. */
  why?: Partial<Record<ScoredRule, string>>
}

/** A case the rule got wrong, with what the rule said (nothing, for a miss) and the label's reason. */
export interface Miss {
  id: string
  text: string
  reasons: string[]
  why?: string
}

export interface RuleScore {
  rule: ScoredRule
  tp: number
  fp: number
  fn: number
  tn: number
  borderline: number
  /** `undefined` when there is nothing to divide by (no flags, or no positives). */
  precision: number | undefined
  recall: number | undefined
  falsePositives: Miss[]
  falseNegatives: Miss[]
}

/** What the rules reported, by case id and then by rule id. */
export type Flags = Map<string, Map<string, string[]>>

export function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole
}

export function scoreRule(rule: ScoredRule, cases: LabelledCase[], flags: Flags): RuleScore {
  const score: RuleScore = {rule, tp: 0, fp: 0, fn: 0, tn: 0, borderline: 0, precision: undefined, recall: undefined, falsePositives: [], falseNegatives: []}
  for (const item of cases) {
    const label = item.labels[rule]
    const reasons = flags.get(item.id)?.get(rule) ?? []
    const flagged = reasons.length > 0
    if (label === 'borderline') score.borderline++
    else if (label && flagged) score.tp++
    else if (label) {
      score.fn++
      const why = item.why?.[rule]
      score.falseNegatives.push({id: item.id, text: item.text, reasons, ...(why ? {why} : {})})
    } else if (flagged) {
      score.fp++
      score.falsePositives.push({id: item.id, text: item.text, reasons})
    } else score.tn++
  }
  score.precision = ratio(score.tp, score.tp + score.fp)
  score.recall = ratio(score.tp, score.tp + score.fn)
  return score
}

/**
 * The phase handed to lint(), as the hidden scoring does ("phase given"): the
 * data's phase as lint() reads it (`postmortem` as resolved, `maintenance`
 * kept, which lint() reads as scheduled unless the wording says the work is
 * finished, then completed; `update` left for the engine to detect from the wording).
 */
export function lintPhase(phase: string | undefined): GivenPhase | undefined {
  return phase !== undefined && isPhaseInput(phase) ? phaseOf(phase) : undefined
}

/** Whitespace- and case-insensitive, so a re-pasted message is still a duplicate. */
export function textKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Problems that a JSON Schema cannot see across rows: repeated ids, repeated
 * texts, label keys that are not scored rules, and a `why` given for a
 * false label. Each problem names the file and line.
 */
export function rowProblems(
  rows: Array<{file: string; line: number; id: string; text?: string; labels: Record<string, unknown>; why?: Record<string, unknown>}>,
): string[] {
  const problems: string[] = []
  const ids = new Map<string, string>()
  const texts = new Map<string, string>()
  for (const row of rows) {
    const where = `${row.file}:${row.line}`
    const seen = ids.get(row.id)
    if (seen) problems.push(`${where}: duplicate id "${row.id}" (first at ${seen})`)
    else ids.set(row.id, where)
    if (row.text !== undefined) {
      const key = textKey(row.text)
      const first = texts.get(key)
      if (first) problems.push(`${where}: duplicate text of ${first} ("${row.text.slice(0, 60)}")`)
      else texts.set(key, where)
    }
    for (const rule of Object.keys(row.labels)) {
      if (!(scoredRules as readonly string[]).includes(rule)) problems.push(`${where}: unknown rule id "${rule}" in labels (expected one of ${scoredRules.join(', ')})`)
    }
    // A reason for a "must not flag" label is a sign the label and the reason disagree.
    for (const rule of Object.keys(row.why ?? {})) {
      if (row.labels[rule] === false) problems.push(`${where}: "why" explains ${rule}, but its label is false`)
    }
  }
  return problems
}

const percent = (value: number | undefined) => (value === undefined ? '   –' : value.toFixed(2))

/** The per-rule table, then every false positive and false negative. */
export function formatScores(title: string, scores: RuleScore[], missing: readonly string[] = []): string {
  const lines = [`## ${title}`, '', 'rule'.padEnd(24) + '   TP   FP   FN   TN  border  precision  recall']
  for (const s of scores) {
    lines.push(
      s.rule.padEnd(24) +
        [s.tp, s.fp, s.fn, s.tn].map((n) => String(n).padStart(5)).join('') +
        String(s.borderline).padStart(8) +
        percent(s.precision).padStart(11) +
        percent(s.recall).padStart(8),
    )
  }
  for (const rule of missing) lines.push(`${rule.padEnd(24)}   (no such rule in this build: not scored)`)
  for (const s of scores) {
    for (const [kind, list] of [
      ['false positives', s.falsePositives],
      ['false negatives', s.falseNegatives],
    ] as const) {
      if (list.length === 0) continue
      lines.push('', `### ${s.rule}: ${list.length} ${kind}`)
      for (const miss of list) {
        const excerpt = miss.text.replace(/\s+/g, ' ')
        lines.push(`- [${miss.id}] ${excerpt.length > 160 ? `${excerpt.slice(0, 157)}...` : excerpt}`)
        for (const reason of miss.reasons) lines.push(`    ${reason}`)
        if (miss.why) lines.push(`    expected: ${miss.why}`)
      }
    }
  }
  return lines.join('\n')
}
