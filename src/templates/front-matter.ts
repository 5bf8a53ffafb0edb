/**
 * Where a .md or .txt file's front matter is, apart from reading it (see
 * extract.ts): a draft without any is linted as it is, and the command line
 * then never loads the YAML reader or the template extractor.
 */

/**
 * Front matter: `---` alone on the first line, YAML, then `---` (or `...`)
 * alone on a line. Returns where the YAML and the body start, if there is any.
 */
export function findFrontMatter(text: string): {yaml: [number, number]; body: number} | undefined {
  const first = /^---[ \t]*\r?\n/.exec(text)
  if (!first) return undefined
  for (let start = first[0].length; start < text.length; ) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    // Trailing blanks trimmed by a loop: `/[ \t\r]+$/` retries from every blank and is quadratic on a long run of them.
    let stop = end
    while (stop > start && (text[stop - 1] === ' ' || text[stop - 1] === '\t' || text[stop - 1] === '\r')) stop--
    const line = text.slice(start, stop)
    if (line === '---' || line === '...') return {yaml: [first[0].length, start], body: newline === -1 ? end : end + 1}
    start = end + 1
  }
  return undefined
}

/** Whether `text` starts with front matter. */
export function hasFrontMatter(text: string): boolean {
  return findFrontMatter(text) !== undefined
}
