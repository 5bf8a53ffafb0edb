/**
 * Grapheme clusters in linear time.
 *
 * V8's Intl.Segmenter slows down more than linearly over one long string
 * (48 kB of text: ~2 s here), so it only sees the short runs that need it.
 * A code point below U+0300 followed by another below U+0300 is always a
 * cluster of its own: combining marks, ZWJ, variation selectors and emoji
 * modifiers all lie above it (CR LF is the one pair to keep together).
 */
const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'})

function simple(code: number): boolean {
  return code < 0x300
}

/** Calls `each` for every grapheme cluster, in order. A callback, not a generator: this runs per character. */
export function forEachGrapheme(text: string, each: (segment: string, index: number) => void): void {
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
    for (const {segment, index} of segmenter.segment(text.slice(i, end))) each(segment, i + index)
    i = end
  }
}

export function graphemes(text: string): Array<{segment: string; index: number}> {
  const out: Array<{segment: string; index: number}> = []
  forEachGrapheme(text, (segment, index) => out.push({segment, index}))
  return out
}
