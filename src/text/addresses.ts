/**
 * IP addresses: parsing and which non-public range an address is in, plus
 * one linear scan that finds IPv6 literals in raw text (the nlcst tree
 * splits them at every colon). Any rule that must tell a private address
 * from one customers allowlist asks here.
 */

/** Four octets, or undefined. */
export function parseIPv4(value: string): number[] | undefined {
  const parts = value.split('.')
  if (parts.length !== 4) return undefined
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : 256))
  return octets.every((octet) => octet <= 255) ? octets : undefined
}

/** Which non-public IPv4 range, if any; public addresses are for customers to allowlist. */
export function ipv4Kind([a, b]: readonly number[]): string | undefined {
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 127) return 'loopback'
  if (a === 169 && b === 254) return 'link-local'
  if (a === 100 && b! >= 64 && b! <= 127) return 'shared (carrier-grade NAT)'
  return undefined
}

/** Eight 16-bit groups, or undefined. Accepts `::` and an IPv4 tail. */
export function parseIPv6(value: string): number[] | undefined {
  let body = value
  let tail: number[] = []
  if (value.includes('.')) {
    const lastColon = value.lastIndexOf(':')
    const v4 = parseIPv4(value.slice(lastColon + 1))
    if (!v4) return undefined
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!]
    // Keep a `::` that ends right before the IPv4 tail.
    body = value.slice(0, value[lastColon - 1] === ':' ? lastColon + 1 : lastColon)
  }
  const halves = body.split('::')
  if (halves.length > 2) return undefined
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const head = groups(halves[0]!)
  const rest = groups(halves[1] ?? '')
  if (![...head, ...rest].every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined
  const given = head.length + rest.length + tail.length
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined
  const zeros = Array.from({length: 8 - given}, () => 0)
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16)), ...tail]
}

/** Which non-public IPv6 range, if any (IPv4-mapped addresses are judged as IPv4). */
export function ipv6Kind(groups: readonly number[]): string | undefined {
  const [first] = groups as [number]
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback'
  if ((first & 0xffc0) === 0xfe80) return 'link-local'
  if ((first & 0xfe00) === 0xfc00) return 'unique local'
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return ipv4Kind([groups[6]! >> 8, groups[6]! & 0xff])
  }
  return undefined
}

/** `/8` after an address: the range is as internal as the address. Returns the new end. */
export function withPrefixLength(text: string, end: number): number {
  const match = text[end] === '/' ? /^\/\d{1,3}(?!\d)/.exec(text.slice(end, end + 5)) : null
  return match ? end + match[0].length : end
}

export interface AddressLiteral {
  /** The span as written, with brackets, port, zone or prefix length. */
  start: number
  end: number
  /** The address alone, without brackets, zone, port or prefix length. */
  address: string
  groups: number[]
}

const isV6Char = (code: number) =>
  (code >= 0x30 && code <= 0x3a) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66) || code === 0x2e
const isWordChar = (char: string | undefined) => char !== undefined && /\w/.test(char)

/**
 * IPv6 literals in raw text, public or not, in one left-to-right pass over
 * runs of hex digits, colons and dots. Times (`10:00:00`), C++ scopes and
 * ticket numbers with colons do not parse as addresses and are left out.
 */
export function findIPv6(text: string): AddressLiteral[] {
  const found: AddressLiteral[] = []
  // An address has two colons or more: most texts have fewer, and nothing to scan for.
  const colon = text.indexOf(':')
  if (colon === -1 || text.indexOf(':', colon + 1) === -1) return found
  let i = 0
  while (i < text.length) {
    if (!isV6Char(text.charCodeAt(i))) {
      i++
      continue
    }
    const runStart = i
    // Most runs are words spelt with a–f ("a", "added") or numbers.
    let colons = 0
    for (; i < text.length && isV6Char(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 0x3a) colons++
    if (colons < 2) continue
    let end = i
    while (end > runStart && text[end - 1] === '.') end--
    const address = text.slice(runStart, end)
    if (isWordChar(text[runStart - 1])) continue
    const zone = text[end] === '%' ? /^%[\da-z]+/i.exec(text.slice(end, end + 32)) : null
    if (zone) end += zone[0].length
    if (isWordChar(text[end])) continue
    const groups = parseIPv6(address)
    if (!groups) continue
    let start = runStart
    if (text[start - 1] === '[' && text[end] === ']') {
      start--
      end++
      const port = text[end] === ':' ? /^:\d{1,5}(?!\d)/.exec(text.slice(end, end + 7)) : null
      if (port) end += port[0].length
    } else end = withPrefixLength(text, end)
    found.push({start, end, address, groups})
  }
  return found
}
