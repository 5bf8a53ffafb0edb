/**
 * Kubernetes object references in kubectl's `kind/name` form
 * (`deployment/checkout`, `pod/api-7d9f`, `svc/payments`). Shared because two
 * rules meet here: no-internal-detail reports the whole reference, and
 * no-internal-hostname must leave its name half alone, so the reference is
 * reported once.
 */
import {wordSet} from './word-lists.ts'
import data from './artifacts.json' with {type: 'json'}

const kubernetesKinds = wordSet(data.kubernetesKinds)

const isNameChar = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e

/**
 * The reference `kind/name` whose name starts at `nameStart` (right after the
 * slash), as `{start, end}` in `text`, or undefined. Names are DNS labels:
 * lower case, digits, `-` and `.`.
 */
export function objectReferenceAt(text: string, nameStart: number): {start: number; end: number} | undefined {
  if (text[nameStart - 1] !== '/') return undefined
  let start = nameStart - 1
  // Kinds are short: look back no further than the longest one.
  while (start > 0 && nameStart - start <= 25 && /[a-z]/.test(text[start - 1]!)) start--
  const kind = text.slice(start, nameStart - 1)
  if (!kubernetesKinds.has(kind) || (start > 0 && /[\w/.:-]/.test(text[start - 1]!))) return undefined
  let end = nameStart
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++
  while (end > nameStart && text[end - 1] === '.') end--
  return end > nameStart ? {start, end} : undefined
}
