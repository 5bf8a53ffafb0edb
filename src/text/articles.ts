/**
 * "a" or "an" before a replacement. A suggestion replaces the reported words
 * only, so swapping "outage" for "disruption" in "an outage" would leave
 * "an disruption" (and "a incident" the other way round). When the article
 * right before the report no longer fits the replacement's first sound, the
 * report takes the article in, and each replacement gets the article it
 * needs: every tool that applies `expected` (--fix, quick fixes, the
 * playground) then writes "a disruption".
 *
 * The sound comes from `indefinite`, which knows the exceptions spelling
 * hides ("an hour", "a user", "an SLA", "a URL", "an 8").
 */
import indefinite from 'indefinite'

/** Letters, digits and the joiners of a word: an article must stand alone. */
const wordCharacter = /[\p{L}\p{N}'\u2019_-]/u

/** The article right before `start` (only white space between), with where it starts. */
function articleBefore(text: string, start: number): {start: number; end: number; article: string} | undefined {
  let end = start
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  if (end === start) return undefined
  let from = end
  while (from > 0 && from > end - 3 && /[a-z]/i.test(text[from - 1]!)) from--
  const article = text.slice(from, end)
  if (!/^an?$/i.test(article) || (from > 0 && wordCharacter.test(text[from - 1]!))) return undefined
  return {start: from, end, article}
}

/** `wanted` ("a" or "an") written in the case of the article it stands for ("An", "AN"). */
function inCaseOf(written: string, wanted: string): string {
  if (written.length > 1 && written === written.toUpperCase()) return wanted.toUpperCase()
  return written[0] === written[0]!.toUpperCase() ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted
}

/** The article the first word of `replacement` needs. */
function articleFor(replacement: string): string {
  return indefinite(replacement.split(/\s/, 1)[0]!, {articleOnly: true})
}

/**
 * When the article before `start` does not fit one of `expected`, the wider
 * report: from the article on, with every replacement led by the article it
 * needs (an empty replacement takes the article away too). Otherwise undefined.
 */
export function agreeArticle(text: string, start: number, expected: readonly string[]): {start: number; expected: string[]} | undefined {
  const before = articleBefore(text, start)
  if (!before) return undefined
  const written = before.article.toLowerCase()
  if (expected.every((replacement) => replacement === '' || articleFor(replacement) === written)) return undefined
  const gap = text.slice(before.end, start)
  return {
    start: before.start,
    expected: expected.map((replacement) => (replacement === '' ? '' : inCaseOf(before.article, articleFor(replacement)) + gap + replacement)),
  }
}
