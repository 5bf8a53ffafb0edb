/**
 * Template placeholders that stand for a time (docs/templates.md): a time,
 * estimate or next-update slot reads as a time ("by <time>", "Next update:
 * [TIME]", "ETA: [if known]"); a number slot does before a unit ("[X]
 * minutes"). The parser (expressions.ts) asks here before its own shapes.
 */
import type {Sentence, SentencePlaceholder} from '../../text/walk.ts'
import {placeholderKind} from '../placeholder-kinds.ts'
import type {Core, ShapeReader} from './shapes.ts'

/** What may stand between a placeholder and the word after it (its closing delimiter), or before it (its opening one). */
const closers = ')]}>|*%'
const openers = '[<{($*|%'

/** Placeholders of `sentence` that can stand for a time, by their first word. */
export function timeSlots(sentence: Sentence): Map<number, SentencePlaceholder> | undefined {
  let slots: Map<number, SentencePlaceholder> | undefined
  for (const slot of sentence.placeholders ?? []) {
    const kind = placeholderKind(slot.placeholder)
    if (kind === 'time' || kind === 'estimate' || kind === 'next-update' || kind === 'number') (slots ??= new Map()).set(slot.from, slot)
  }
  return slots
}

/** `allowed`, plus a placeholder's opening delimiter when word `i` starts one: the lead of "by [time]" is "by". */
export function withOpener(slots: Map<number, SentencePlaceholder> | undefined, i: number, allowed: string): string {
  return slots?.has(i) ? `${allowed}${openers}` : allowed
}

/**
 * The time a placeholder at word `i` stands for. A time slot needs a lead,
 * like a bare plural ("by [time]", not "Started: [time]"); an estimate or a
 * next-update slot stands alone, as its label says what it is.
 */
export function slotCore(reader: ShapeReader, slots: Map<number, SentencePlaceholder> | undefined, i: number): Core | undefined {
  const found = slots?.get(i)
  if (!found) return undefined
  const kind = placeholderKind(found.placeholder)
  const after = found.to + 1
  const slot = {slot: found.placeholder, span: [found.start, found.end] as [number, number]}
  const unit = reader.joined(after, closers) ? reader.unit(after) : undefined
  if (kind === 'number') return unit ? {kind: 'duration', next: reader.durationTail(unit.next), ...slot} : undefined
  const needsLead = kind === 'time'
  if (unit) return {kind: 'duration', next: unit.next, needsLead, ...slot}
  const zone = reader.joined(after, closers) ? reader.zone(after) : -1
  return {kind: 'clock', next: zone === -1 ? after : zone, needsLead, ...slot}
}
