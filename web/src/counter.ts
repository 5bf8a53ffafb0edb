/**
 * The live length counter. It uses the library's `measure`, the weighting
 * the max-length rule applies, on the draft trimmed as the rule trims it, so
 * the ring and the rule never disagree. It is imported from its own module
 * rather than the package entry so that the counter works before the lazily
 * loaded linter arrives.
 */
import {type Channel, measure} from '../../src/analysis/length.ts'

/** Where the update goes: a length channel, or a status page / email (no limit). */
export type Target = Channel | 'page'

export const targets: ReadonlyArray<{value: Target; label: string; template: 'tweet' | 'body'}> = [
  {value: 'twitter', label: 'Twitter / X (280)', template: 'tweet'},
  {value: 'mastodon', label: 'Mastodon (500)', template: 'tweet'},
  {value: 'bluesky', label: 'Bluesky (300)', template: 'tweet'},
  {value: 'sms', label: 'SMS (160 per message)', template: 'tweet'},
  {value: 'page', label: 'Status page or email (no limit)', template: 'body'},
]

export interface Count {
  length: number
  limit: number | undefined
  state: 'none' | 'ok' | 'near' | 'over'
  /** Short form for the summary line: `212/280`. */
  ratio: string
  /** What the counter says beside the ring. */
  detail: string
  /** What the ring itself shows: nothing until the last 20, then what remains (negative past the limit). */
  inRing: string
  /** Fraction of the ring to fill. */
  fill: number
}

/** Twitter starts counting down in the ring when 20 remain. */
const near = 20

export function count(draft: string, target: Target): Count {
  const body = draft.trim()
  if (target === 'page') {
    const length = [...body].length
    return {length, limit: undefined, state: 'none', ratio: `${length} characters`, detail: `${length} characters`, inRing: '', fill: 0}
  }
  const result = measure(body, target)
  const {length, limit} = result
  const left = limit - length
  const ratio = `${length}/${limit}`
  if (target === 'sms') {
    const segments = result.segments ?? 1
    const state = segments > 1 ? 'over' : left <= near ? 'near' : 'ok'
    const parts = segments > 1 ? `splits into ${segments} messages` : `${left} left`
    return {
      length,
      limit,
      state,
      ratio,
      detail: `${ratio} · ${parts} (${result.encoding ?? 'GSM-7'})`,
      inRing: state === 'ok' ? '' : String(left),
      fill: Math.min(length / limit, 1),
    }
  }
  const state = left < 0 ? 'over' : left <= near ? 'near' : 'ok'
  return {
    length,
    limit,
    state,
    ratio,
    detail: left < 0 ? `${ratio} · ${-left} over the limit` : `${ratio} · ${left} left`,
    inRing: state === 'ok' ? '' : String(left),
    fill: Math.min(length / limit, 1),
  }
}
