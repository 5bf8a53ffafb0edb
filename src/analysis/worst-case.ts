/**
 * A template at its longest: every placeholder at its declared width (see
 * src/text/placeholders.ts), as max-length measures a template and as the
 * language server's hover shows it per channel.
 */
import {findMasks, type Mask} from '../text/mask.ts'
import {type PlaceholderOptions, placeholderWidth} from '../text/placeholders.ts'

/** A stretch of the filled-in text: `length` code units from `filled`, standing for the body from `body` (a placeholder when `holder`). */
export interface Piece {
  filled: number
  body: number
  length: number
  holder: boolean
}

/**
 * The body with every placeholder at its declared width (light characters
 * that weigh 1 on every channel), and where each stretch came from.
 */
export function fillIn(body: string, offset: number, holders: Mask[], options: PlaceholderOptions | undefined) {
  let filled = ''
  const pieces: Piece[] = []
  let at = 0
  const add = (length: number, from: number, holder: boolean) => {
    pieces.push({filled: filled.length, body: from, length, holder})
    filled += holder ? 'x'.repeat(length) : body.slice(from, from + length)
  }
  const widths: Array<[string, number]> = []
  for (const holder of holders) {
    const from = holder.start - offset
    add(from - at, at, false)
    const width = placeholderWidth(holder.placeholder!, options)
    add(width, from, true)
    const source = body.slice(from, holder.end - offset)
    if (width > 0 && !widths.some(([seen]) => seen === source)) widths.push([source, width])
    at = holder.end - offset
  }
  add(body.length - at, at, false)
  return {filled, pieces, widths}
}

/** `text` trimmed, with every placeholder at its widest: what max-length measures for a template. */
export function widest(text: string, options: PlaceholderOptions | undefined): string {
  const start = text.length - text.trimStart().length
  const body = text.trim()
  const holders = findMasks(text, undefined, options?.syntaxes).filter(
    (mask) => mask.kind === 'placeholder' && mask.start >= start && mask.end <= start + body.length,
  )
  return fillIn(body, start, holders, options).filled
}
