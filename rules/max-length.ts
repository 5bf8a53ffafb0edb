/**
 * max-length: the whole message must fit its channel.
 * Works on the message as one unit, unlike the word-level rules.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {channels, measure} from '../src/engine/length.ts'

const words = new Intl.Segmenter('en', {granularity: 'word'})

/**
 * Highlight from the first word that does not fit, not from mid-word or a
 * space. Intl word segmentation also finds word starts in scripts written
 * without spaces (Chinese, Japanese, Thai).
 */
function firstWordAt(text: string, offset: number): number {
  const segment = words.segment(text).containing(offset)
  /* v8 ignore next -- @preserve the overflow offset always lies inside the text */
  if (!segment) return offset
  if (segment.isWordLike) return segment.index
  // Past the limit on a space or punctuation: start at the next character that is not a space.
  let at = offset
  while (at < text.length - 1 && /\s/.test(text[at]!)) at++
  return at
}

export const maxLength = defineRule({
  id: 'max-length',
  description: 'The message fits the weighted character limit of its channel (Twitter by default)',
  severity: 'error',
  recommended: true,
  messages: {
    tooLong: '{length}/{limit} characters for {channel}; shorten it by {over} so it posts whole',
    tooManySegments: '{length}/{limit} characters for sms ({encoding}): the text splits into {segments} messages',
    invalidCharacter: 'The message contains a character {channel} rejects (U+FFFE, U+FEFF or U+FFFF)',
  },
  note: 'A post that is cut off or rejected during an incident costs minutes. Keep to one point: the impact, what you are doing, and when the next update comes; link to the status page for detail.',
  options: {
    channel: {type: 'enum', values: channels, default: 'twitter', description: 'Channel whose counting and limit apply'},
    limit: {type: 'number', default: undefined, min: 1, integer: true, description: 'Your own limit, overriding the channel’s'},
  },
  create({channel, limit}) {
    return ({doc, report}) => {
      const {text} = doc
      // Leading and trailing blank lines are not part of the post.
      const start = text.length - text.trimStart().length
      const body = text.trim()
      const result = measure(body, channel, limit)
      if (result.invalid) {
        let at = 0
        for (const char of body) {
          if (char === '\ufffe' || char === '\ufeff' || char === '\uffff') break
          at += char.length
        }
        report({messageId: 'invalidCharacter', start: start + at, end: start + at + 1, data: {channel}})
      }
      if (result.overflow === undefined) return
      const from = start + firstWordAt(body, result.overflow)
      const data = {length: result.length, limit: result.limit, channel, over: result.length - result.limit}
      report(
        result.channel === 'sms' && limit === undefined
          ? {
              messageId: 'tooManySegments',
              start: from,
              end: start + body.length,
              data: {...data, segments: result.segments ?? 1, encoding: result.encoding ?? 'GSM-7'},
            }
          : {messageId: 'tooLong', start: from, end: start + body.length, data},
      )
    }
  },
})
