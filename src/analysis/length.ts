/**
 * Weighted length per channel.
 *
 * Twitter follows twitter-text's v3 configuration, implemented here rather
 * than depending on the `twitter-text` package: that package costs ~90 ms to
 * import, pulls in core-js@2 (~11 MB), is quadratic on long dotted text, and
 * counts emoji newer than Unicode 10 (🧑🏽‍🚀) as 5 instead of 2. The published
 * weighting is small: NFC, light ranges weigh 1, the rest 2, an emoji
 * sequence 2, and every URL 23.
 */
import {forEachGrapheme} from '../text/graphemes.ts'
import {findLinks, type Link} from '../text/links.ts'

/**
 * `statuspage` and `email` have no length limit: Statuspage documents none
 * for incident updates (its tweet on an update is the `twitter` channel), and
 * an e-mail body is as long as it needs to be (RFC 5322 folds long lines; it
 * never cuts a message). Set a `limit` for a house style; they count
 * characters as a reader sees them (graphemes). See docs/templates.md.
 */
export const channels = ['twitter', 'sms', 'mastodon', 'bluesky', 'statuspage', 'email'] as const
/** A channel: `twitter`, `sms`, `mastodon`, `bluesky`, `statuspage` or `email` (the last two without a limit of their own). */
export type Channel = (typeof channels)[number]

/** The weighted length of a message for a channel, as `measure()` returns it. */
export interface Measure {
  channel: Channel
  length: number
  limit: number
  /** Offset (into the measured text) of the first character past the limit, if any. */
  overflow: number | undefined
  /** Contains characters the channel rejects (twitter: U+FFFE, U+FEFF, U+FFFF). */
  invalid: boolean
  /** SMS only. */
  segments?: number
  encoding?: 'GSM-7' | 'UCS-2'
}

/** Infinity: no limit unless the user sets one. */
export const defaultLimits: Readonly<Record<Channel, number>> = {
  twitter: 280,
  sms: 160,
  mastodon: 500,
  bluesky: 300,
  statuspage: Infinity,
  email: Infinity,
}
const urlWeight = 23


/** twitter-text v3: U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037 weigh 1. */
function twitterWeight(codePoint: number): number {
  return codePoint <= 0x10ff ||
    (codePoint >= 0x2000 && codePoint <= 0x200d) ||
    (codePoint >= 0x2010 && codePoint <= 0x201f) ||
    (codePoint >= 0x2032 && codePoint <= 0x2037)
    ? 1
    : 2
}

const pictographic = /\p{Extended_Pictographic}/u
const regional = /\p{Regional_Indicator}/u

/**
 * An emoji sequence of any Unicode version: a pictograph written as emoji, a
 * flag, a keycap, or a ZWJ/modifier/tag sequence. Checked on whole grapheme
 * clusters, so 🧑🏽‍🚀 and 🐦‍🔥 are one sequence each.
 */
function isEmoji(grapheme: string): boolean {
  const first = grapheme.codePointAt(0)!
  if (grapheme.includes('\u20e3')) return true
  if (regional.test(grapheme)) return true
  if (!pictographic.test(grapheme)) return false
  // ©, ®, ‼ and friends in the light range are text unless written with VS16 or joined.
  return first > 0x10ff || grapheme.length > 1
}

function isTwitterInvalid(code: number): boolean {
  return code === 0xfffe || code === 0xfeff || code === 0xffff
}

/** Walk graphemes, with links as single units; `weigh` returns a unit's weight. */
function walk(
  text: string,
  links: readonly Link[],
  limit: number,
  weigh: (unit: string, isLink: boolean) => number,
): {length: number; overflow: number | undefined} {
  let length = 0
  let overflow: number | undefined
  let next = 0
  const add = (weight: number, at: number) => {
    length += weight
    if (overflow === undefined && length > limit) overflow = at
  }
  forEachGrapheme(text, (segment, index) => {
    while (next < links.length && links[next]!.end <= index) next++
    const link = links[next]
    if (link && index >= link.start) {
      if (index === link.start) add(weigh(text.slice(link.start, link.end), true), index)
      return
    }
    add(weigh(segment, false), index)
  })
  return {length, overflow}
}

/** Every character below U+0300: each is a cluster of its own (CR LF one), so `walkLatin` may count it. */
function isLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return false
  return true
}

/**
 * Twitter's `walk` for Latin text, without segmenting or a call per
 * character: each character weighs 1 (CR LF, one cluster, 2 at the CR), each
 * link 23. Most updates are such text. Only the way to the limit is walked:
 * past it, the rest of a long text weighs its length, less its links' own
 * characters, plus 23 for each link that starts there.
 */
function walkLatin(text: string, links: readonly Link[], limit: number): {length: number; overflow: number | undefined} {
  let length = 0
  let overflow: number | undefined
  let next = 0
  let index = 0
  while (index < text.length && overflow === undefined) {
    const size = text.charCodeAt(index) === 0x0d && text.charCodeAt(index + 1) === 0x0a ? 2 : 1
    while (next < links.length && links[next]!.end <= index) next++
    const link = links[next]
    const weight = link && index >= link.start ? (index === link.start ? urlWeight : 0) : size
    length += weight
    if (length > limit) overflow = index
    index += size
  }
  // Links are in order and never overlap; a link holds no line end, so every one of its characters is walked.
  length += text.length - index
  for (; next < links.length; next++) {
    const {start, end} = links[next]!
    if (end <= index) continue
    length -= end - Math.max(start, index)
    if (start >= index) length += urlWeight
  }
  return {length, overflow}
}

function measureTwitter(text: string, limit: number, found: readonly Link[] | undefined): Measure {
  const links = (found ?? findLinks(text)).filter((link) => link.scheme === undefined || link.scheme === 'http' || link.scheme === 'https')
  if (isLatin(text)) return {channel: 'twitter', limit, invalid: false, ...walkLatin(text, links, limit)}
  let invalid = false
  const result = walk(text, links, limit, (unit, isLink) => {
    if (isLink) return urlWeight
    // Most characters are plain Latin: weight 1, never emoji, already NFC.
    if (unit.length === 1 && unit.charCodeAt(0) < 0x300) return 1
    if (isEmoji(unit)) return 2
    let weight = 0
    for (const char of unit.normalize('NFC')) {
      const code = char.codePointAt(0)!
      if (isTwitterInvalid(code)) invalid = true
      weight += twitterWeight(code)
    }
    return weight
  })
  return {channel: 'twitter', limit, invalid, ...result}
}

/** GSM 03.38 basic set; the extension set costs two septets. */
const gsmBasic = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
)
const gsmExtended = new Set('^{}\\[~]|€\f')

function measureSms(text: string, customLimit: number | undefined): Measure {
  let gsm = true
  let septets = 0
  for (const char of text) {
    if (gsmBasic.has(char)) septets += 1
    else if (gsmExtended.has(char)) septets += 2
    else {
      gsm = false
      break
    }
  }
  // UCS-2 counts UTF-16 code units: an astral character takes two.
  const length = gsm ? septets : text.length
  const single = gsm ? 160 : 70
  const part = gsm ? 153 : 67
  const limit = customLimit ?? single
  let overflow: number | undefined
  if (length > limit) {
    let count = 0
    for (let i = 0; i < text.length; i++) {
      count += gsm && gsmExtended.has(text[i]!) ? 2 : 1
      if (count > limit) {
        overflow = i
        break
      }
    }
  }
  return {
    channel: 'sms',
    length,
    limit,
    overflow,
    invalid: false,
    segments: length <= single ? 1 : Math.ceil(length / part),
    encoding: gsm ? 'GSM-7' : 'UCS-2',
  }
}

/**
 * Measure `text` for a channel. `limit` overrides the channel's own.
 * Mastodon counts code points with every link as 23; Bluesky, status pages and e-mail count graphemes.
 */
export function measure(text: string, channel: Channel = 'twitter', limit?: number): Measure {
  return measureText(text, channel, limit, undefined)
}

/**
 * `measure()`, given the links of `text` when they are known already: a
 * doc's `links` are `findLinks(doc.text)`, and a long message is not
 * scanned for them twice. Undefined: found here.
 */
export function measureText(text: string, channel: Channel, limit: number | undefined, links: readonly Link[] | undefined): Measure {
  switch (channel) {
    case 'twitter':
      return measureTwitter(text, limit ?? defaultLimits.twitter, links)
    case 'sms':
      return measureSms(text, limit)
    case 'mastodon': {
      const max = limit ?? defaultLimits.mastodon
      const schemed = (links ?? findLinks(text)).filter((link) => link.scheme !== undefined)
      return {channel, limit: max, invalid: false, ...walk(text, schemed, max, (unit, isLink) => (isLink ? urlWeight : [...unit].length))}
    }
    case 'bluesky':
    case 'statuspage':
    case 'email': {
      const max = limit ?? defaultLimits[channel]
      return {channel, limit: max, invalid: false, ...walk(text, [], max, () => 1)}
    }
  }
}
