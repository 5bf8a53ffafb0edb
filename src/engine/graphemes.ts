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

export function* graphemes(text: string): Generator<{segment: string; index: number}> {
  let i = 0
  const n = text.length
  while (i < n) {
    const code = text.charCodeAt(i)
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0
    if (simple(code) && simple(next)) {
      if (code === 0x0d && next === 0x0a) {
        yield {segment: '\r\n', index: i}
        i += 2
      } else {
        yield {segment: text[i]!, index: i}
        i++
      }
      continue
    }
    // A run that needs the full rules: up to the next simple pair.
    let end = i + 1
    while (end < n && !(simple(text.charCodeAt(end)) && (end + 1 >= n || simple(text.charCodeAt(end + 1))))) end++
    // `end` starts a simple pair, but the character before may still extend into it only if
    // it is above U+0300, which a simple character never continues: the split is a boundary.
    for (const {segment, index} of segmenter.segment(text.slice(i, end))) yield {segment, index: i + index}
    i = end
  }
}
