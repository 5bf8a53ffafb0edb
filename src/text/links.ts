/**
 * URLs and bare domains, found the way twitter-text finds them: a URL has an
 * http(s) scheme or is a bare domain under a real top-level domain. Both the
 * length rule (a link weighs 23) and the hostname rule (a public domain is
 * fine) need the same answer, so it lives here.
 *
 * Everything is a single left-to-right scan: no regular expression runs over
 * unbounded input, so a 100 kB token costs linear time.
 */
import tldList from 'tlds' with {type: 'json'}

export interface Link {
  start: number
  end: number
  /** Lower-cased host as written (Unicode kept). */
  host: string
  /** `https`, `http`, another scheme, or `undefined` for a bare domain. */
  scheme: string | undefined
}

const tlds = new Set<string>(tldList)

/** Characters that end a link: spaces, bidi controls and quote-like punctuation. */
function isBoundary(code: number): boolean {
  // Printable ASCII first: nearly every character is, and only four of them end a link.
  if (code > 0x20 && code < 0x7f) return code === 0x22 || code === 0x3c || code === 0x3e || code === 0x60
  return (
    code <= 0x20 ||
    code === 0x22 || // "
    code === 0x3c || // <
    code === 0x3e || // >
    code === 0x60 || // `
    code === 0x7f ||
    code === 0xa0 ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff
  )
}

/** Punctuation that ends a sentence or wraps a link, never its last character. */
const trailing = new Set([...'.,;:!?\'")]}>…’”'])
const leading = new Set([...'([{<\'"‘“'])

function isSchemeChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e
  )
}

function isAsciiLabelChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d
}

/** DNS-valid host: every label 1–63 characters once punycoded (as twitter-text checks). */
function isValidHost(host: string): boolean {
  if (host.length === 0 || host.length > 253 * 4) return false
  let ascii = host
  if (/[\u0080-\uffff]/.test(host)) {
    try {
      ascii = new URL(`http://${host}`).hostname
    } catch {
      return false
    }
  }
  return ascii.split('.').every((label) => label.length > 0 && label.length <= 63)
}

/** `a.b.tld` under a known public TLD, ASCII labels, no leading or trailing hyphen. */
export function isPublicDomain(host: string): boolean {
  const labels = host.toLowerCase().split('.')
  if (labels.length < 2) return false
  if (!tlds.has(labels[labels.length - 1]!)) return false
  return labels.every((label) => {
    if (label.length === 0 || label.length > 63) return false
    if (label.startsWith('-') || label.endsWith('-')) return false
    for (let i = 0; i < label.length; i++) if (!isAsciiLabelChar(label.charCodeAt(i))) return labels.at(-1) === label
    return true
  })
}

/** End of the authority part: the first `/`, `?` or `#` (and `:` for a bare domain's port). */
function hostEnd(text: string, from: number, end: number, stopAtColon: boolean): number {
  let i = from
  while (i < end) {
    const ch = text[i]
    if (ch === '/' || ch === '?' || ch === '#' || (stopAtColon && ch === ':')) break
    i++
  }
  return i
}

function trimEnd(text: string, start: number, end: number): number {
  // Found once, and only inside the run: searching again for each trailing `)` made a run of them quadratic.
  const open = text.slice(start, end).indexOf('(') + start
  while (end > start && trailing.has(text[end - 1]!)) {
    // Keep a closing parenthesis that closes one opened inside the link (Wikipedia-style URLs).
    if (text[end - 1] === ')' && open >= start && open < end - 1) break
    end--
  }
  return end
}

function linkInRun(text: string, start: number, end: number, sep: number): Link | undefined {
  if (sep !== -1) {
    let s = sep
    while (s > start && isSchemeChar(text.charCodeAt(s - 1))) s--
    if (s === sep) return undefined
    const scheme = text.slice(s, sep).toLowerCase()
    const linkEnd = trimEnd(text, s, end)
    let authority = text.slice(sep + 3, hostEnd(text, sep + 3, linkEnd, false))
    authority = authority.slice(authority.lastIndexOf('@') + 1)
    // Strip a port, but keep a bracketed IPv6 literal whole.
    const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0]!
    if (host.length === 0 || (!host.startsWith('[') && !isValidHost(host))) return undefined
    return {start: s, end: linkEnd, host: host.toLowerCase(), scheme}
  }
  let s = start
  while (s < end && leading.has(text[s]!)) s++
  const e = trimEnd(text, s, end)
  if (s >= e) return undefined
  const host = text.slice(s, hostEnd(text, s, e, true))
  if (host.includes('@') || !isPublicDomain(host)) return undefined
  return {start: s, end: e, host: host.toLowerCase(), scheme: undefined}
}

/**
 * Whether the scan below can find anything: it asks only about a run with a
 * dot that has a character of the run after it, or with "://". Most
 * messages have neither (a full stop ends a sentence before a space), and
 * two native searches answer for them.
 */
function mayHoldLink(text: string): boolean {
  if (text.includes('://')) return true
  for (let dot = text.indexOf('.'); dot !== -1 && dot + 1 < text.length; dot = text.indexOf('.', dot + 1)) {
    if (!isBoundary(text.charCodeAt(dot + 1))) return true
  }
  return false
}

/** Every link in `text`, in order, with offsets into `text`. */
export function findLinks(text: string): Link[] {
  const links: Link[] = []
  if (!mayHoldLink(text)) return links
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && isBoundary(text.charCodeAt(i))) i++
    const start = i
    let dot = false
    let sep = -1
    while (i < n && !isBoundary(text.charCodeAt(i))) {
      const code = text.charCodeAt(i)
      // A domain has a dot with a label after it; a word ending a sentence ("customers.") is not asked about.
      if (code === 0x2e && i + 1 < n && !isBoundary(text.charCodeAt(i + 1))) dot = true
      else if (code === 0x3a && sep === -1 && text[i + 1] === '/' && text[i + 2] === '/') sep = i
      i++
    }
    if (dot || sep !== -1) {
      const link = linkInRun(text, start, i, sep)
      if (link) links.push(link)
    }
  }
  return links
}
