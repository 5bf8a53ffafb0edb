/**
 * max-length: the whole message must fit its channel.
 * Works on the message as one unit, unlike the word-level rules.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {channels, defaultLimits, measure, measureText} from '../src/analysis/length.ts'
import {fillIn, type Piece} from '../src/analysis/worst-case.ts'

// Made on first use, by a message over its limit: the first Intl.Segmenter loads ICU's break rules (~8 ms).
let words: Intl.Segmenter | undefined

/**
 * Highlight from the first word that does not fit, not from mid-word or a
 * space. Intl word segmentation also finds word starts in scripts written
 * without spaces (Chinese, Japanese, Thai).
 */
function firstWordAt(text: string, offset: number): number {
  const segment = (words ??= new Intl.Segmenter('en', {granularity: 'word'})).segment(text).containing(offset)
  /* v8 ignore next -- @preserve the overflow offset always lies inside the text */
  if (!segment) return offset
  if (segment.isWordLike) return segment.index
  // Past the limit on a space or punctuation: start at the next character that is not a space.
  let at = offset
  while (at < text.length - 1 && /\s/.test(text[at]!)) at++
  return at
}

/** Where in the body the filled-in text's `offset` comes from: a placeholder's start when it falls inside one. */
function toBody(pieces: Piece[], offset: number): number {
  const piece = pieces.findLast((candidate) => candidate.filled <= offset)!
  return piece.holder ? piece.body : piece.body + offset - piece.filled
}

/** `{{component}} is 30, {{status_url}} is 23 and {{workaround}} is 20 characters`. */
function describeWidths(widths: Array<[string, number]>): string {
  const parts = widths.map(([source, width]) => `${source} is ${width}`)
  const last = parts.pop()!
  return `${parts.length > 0 ? `${parts.join(', ')} and ` : ''}${last} characters`
}

export const maxLength = defineRule({
  id: 'max-length',
  description: 'The message fits the weighted character limit of its channel (Twitter by default; status pages and e-mail have none)',
  severity: 'error',
  recommended: true,
  messages: {
    tooLong: '{length}/{limit} characters for {channel}; shorten it by {over} so it posts whole',
    tooManySegments: '{length}/{limit} characters for sms ({encoding}): the text splits into {segments} messages',
    invalidCharacter: 'The message contains a character {channel} rejects (U+FFFE, U+FEFF or U+FFFF)',
    worstCase: 'worst case {length}/{limit} for {channel} when {widths}; shorten it by {over} so it posts whole with the longest values',
  },
  note: 'A post that is cut off or rejected during an incident costs minutes. Keep to one point: the impact, what you are doing, and when the next update comes; link to the status page for detail.',
  options: {
    channel: {type: 'enum', values: channels, default: 'twitter', description: 'Channel whose counting and limit apply'},
    limit: {type: 'number', default: undefined, min: 1, integer: true, description: 'Your own limit, overriding the channel’s'},
  },
  create({channel, limit}) {
    // Status pages and e-mail have no limit of their own: nothing to measure unless the user sets one.
    if (limit === undefined && !Number.isFinite(defaultLimits[channel])) return () => {}
    return ({doc, file, report}) => {
      const {text} = doc
      // Leading and trailing blank lines are not part of the post.
      const start = text.length - text.trimStart().length
      const body = text.trim()
      // The doc's links are found in its whole text: the body's own when nothing was trimmed (no second scan of a long file).
      const result = measureText(body, channel, limit, body === text ? doc.links : undefined)
      if (result.invalid) {
        let at = 0
        for (const char of body) {
          if (char === '\ufffe' || char === '\ufeff' || char === '\uffff') break
          at += char.length
        }
        report({messageId: 'invalidCharacter', start: start + at, end: start + at + 1, data: {channel}})
      }
      // A template is measured with each placeholder at its widest (see src/text/placeholders.ts).
      const holders = doc.masks.filter((mask) => mask.kind === 'placeholder' && mask.start >= start && mask.end <= start + body.length)
      if (holders.length > 0) {
        const {filled, pieces, widths} = fillIn(body, start, holders, file.data.placeholders)
        const worst = measure(filled, channel, limit)
        if (worst.overflow === undefined) return
        const from = start + firstWordAt(body, toBody(pieces, worst.overflow))
        const data = {length: worst.length, limit: worst.limit, channel, over: worst.length - worst.limit}
        // Only tags that render nothing: there is no width to speak of, just a message that is too long.
        if (widths.length === 0) report({messageId: 'tooLong', start: from, end: start + body.length, data, scope: 'message'})
        else report({messageId: 'worstCase', start: from, end: start + body.length, data: {...data, widths: describeWidths(widths)}, scope: 'message'})
        return
      }
      if (result.overflow === undefined) return
      const from = start + firstWordAt(body, result.overflow)
      const data = {length: result.length, limit: result.limit, channel, over: result.length - result.limit}
      // The length is the whole message's: inline comments silence it as a whole (see src/comment-control.ts).
      report(
        result.channel === 'sms' && limit === undefined
          ? {
              messageId: 'tooManySegments',
              start: from,
              end: start + body.length,
              data: {...data, segments: result.segments ?? 1, encoding: result.encoding ?? 'GSM-7'},
              scope: 'message',
            }
          : {messageId: 'tooLong', start: from, end: start + body.length, data, scope: 'message'},
      )
    }
  },
})
