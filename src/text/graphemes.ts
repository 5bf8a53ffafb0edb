/**
 * Grapheme clusters in linear time.
 *
 * V8's Intl.Segmenter slows down more than linearly over one long string
 * (48 kB of text: ~2 s here), so it only sees the short runs that need it.
 * A code point below U+0300 followed by another below U+0300 is always a
 * cluster of its own: combining marks, ZWJ, variation selectors and emoji
 * modifiers all lie above it (CR LF is the one pair to keep together).
 *
 * A run without such a pair can be as long as the text (Hebrew or Arabic
 * words with single spaces, combining marks, lone surrogates: 100 kB took
 * 20–60 s, or ran out of memory), so it is segmented in windows.
 */
// Made on first use: the first Intl.Segmenter loads ICU's break rules (~8 ms), and plain ASCII text never needs one.
let segmenter: Intl.Segmenter | undefined

/** Characters handed to the segmenter at once: small enough that its super-linear cost stays flat. */
export const segmenterWindow = 256

type Each = (segment: string, index: number) => void

/**
 * Clusters of `text` from `start` to `end`, a window at a time. A window's
 * last cluster may go on past it, so the next window starts there; every
 * other boundary is final, since a boundary depends only on the text before
 * it and the character after. A cluster longer than the window doubles it.
 */
function segmentRun(text: string, start: number, end: number, each: Each): void {
  let from = start
  let size = segmenterWindow
  while (from < end) {
    let to = Math.min(end, from + size)
    // Never end a window between the halves of a surrogate pair: the high half would pass for a cluster.
    const last = text.charCodeAt(to - 1)
    if (to < end && last >= 0xd800 && last <= 0xdbff) to++
    const found = [...(segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'})).segment(text.slice(from, to))]
    const keep = to === end ? found.length : found.length - 1
    if (keep === 0) {
      size *= 2
      continue
    }
    for (let k = 0; k < keep; k++) each(found[k]!.segment, from + found[k]!.index)
    from = to === end ? end : from + found[keep]!.index
    size = segmenterWindow
  }
}

function simple(code: number): boolean {
  return code < 0x300
}

/** Calls `each` for every grapheme cluster, in order. A callback, not a generator: this runs per character. */
export function forEachGrapheme(text: string, each: Each): void {
  let i = 0
  const n = text.length
  while (i < n) {
    const code = text.charCodeAt(i)
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0
    if (simple(code) && simple(next)) {
      if (code === 0x0d && next === 0x0a) {
        each('\r\n', i)
        i += 2
      } else {
        each(text[i]!, i)
        i++
      }
      continue
    }
    // A run that needs the full rules, up to the next pair of simple characters
    // (nothing below U+0300 extends a cluster, so the split is a boundary).
    let end = i + 1
    while (end < n && !(simple(text.charCodeAt(end)) && (end + 1 >= n || simple(text.charCodeAt(end + 1))))) end++
    segmentRun(text, i, end, each)
    i = end
  }
}

export function graphemes(text: string): Array<{segment: string; index: number}> {
  const out: Array<{segment: string; index: number}> = []
  forEachGrapheme(text, (segment, index) => out.push({segment, index}))
  return out
}
