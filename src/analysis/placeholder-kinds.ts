/**
 * What a template placeholder stands for, whatever its syntax: rules read a
 * slot by what whoever fills it in will write there.
 *
 * - `impact`: how customers are affected (`[customer impact]`,
 *   `{IMPACT_SUMMARY}`, `<what customers see>`, `Impact: < … >`,
 *   `Affected: [features]`): it counts as the impact statement.
 * - `estimate`: when the problem will be fixed (`[how long]`, `Estimated
 *   fix: <ETA>`, `ETA [time]`): whoever fills it in writes an estimate.
 * - `next-update`: when customers hear from you again (`Next update:
 *   [TIME]`, `[When we'll share the next update.]`): a promise.
 * - `time`: a time, date or duration (`<UTC timestamp>`, `{{start_time}}`,
 *   `[X minutes]`): time analysis reads it as one, so `by <time>` is a
 *   deadline and `in [X minutes]` a duration.
 * - `number`: a count (`[X]`, `{{n}}`): before a unit it makes a duration.
 * - `other`: anything else (`[Feature Name]`, `{ServiceName}`).
 *
 * The label a placeholder fills wins over its name (`Next update: [time]`
 * is a next update, `ETA: [if known]` an estimate); the words are in
 * placeholder-kinds.json.
 */
import type {PlaceholderInfo} from '../text/placeholders.ts'
import data from './placeholder-kinds.json' with {type: 'json'}

/** What a placeholder stands for: `impact`, `estimate`, `next-update`, `time`, `number` or `other`. */
export type PlaceholderKind = 'impact' | 'estimate' | 'next-update' | 'time' | 'number' | 'other'

/** `customerImpact`, `AFFECTED_SERVICES`, `who/what remains affected` → their lower-case words, space-separated and padded. */
function spaced(value: string): string {
  const words = value
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
  return ` ${words.join(' ')} `
}

function has(text: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => text.includes(` ${phrase} `))
}

const cache = new WeakMap<PlaceholderInfo, PlaceholderKind>()

function classify({name, label, lead}: PlaceholderInfo): PlaceholderKind {
  const named = spaced(name ?? '')
  const labelled = spaced(label ?? '')
  if (has(labelled, data.nextUpdate.words)) return 'next-update'
  if (has(labelled, data.estimate.words)) return 'estimate'
  if (has(labelled, data.impact.words) || data.impactLabels.words.includes(labelled.trim())) return 'impact'
  if (has(named, data.nextUpdate.words)) return 'next-update'
  if (has(named, data.estimate.words)) return 'estimate'
  if (has(named, data.impact.words)) return 'impact'
  const leading = spaced(lead ?? '')
  if (has(leading, ['eta', 'etr'])) return 'estimate'
  // What customers report or run into: "reports of [issue]", "may experience [X]", "see [X]".
  if (has(leading, data.impactLeads.words)) return 'impact'
  // A label's last words name what it holds: "Start Time", "Resolved at", but not "Progress since last update".
  if (has(named, data.time.words) || has(` ${labelled.trim().split(' ').slice(-2).join(' ')} `, data.time.words)) return 'time'
  if (data.number.words.includes(named.trim())) return 'number'
  return 'other'
}

/** What `placeholder` stands for; decided once per placeholder. */
export function placeholderKind(placeholder: PlaceholderInfo): PlaceholderKind {
  let kind = cache.get(placeholder)
  if (kind === undefined) cache.set(placeholder, (kind = classify(placeholder)))
  return kind
}
