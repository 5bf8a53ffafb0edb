/**
 * MDX templates: Markdown with JSX components, JavaScript expressions and
 * import/export statements, as documentation sites keep them. remark-mdx
 * parses the file; every span of MDX syntax (an `import`, an `export`, a
 * `{expression}`, a component's opening and closing tags) is then blanked
 * out with spaces, line breaks kept, and what is left is linted as the
 * Markdown it is. Offsets do not move, so every report points into the
 * original file, and the text inside components (`<Callout>We are
 * investigating…</Callout>`) is still linted.
 *
 * remark-mdx (with micromark-extension-mdxjs and acorn, ~0.9 MB of code) is
 * loaded only when an `.mdx` file is linted: ~0.3× `node -e 0` on first use.
 */
import type {Nodes, Root} from 'mdast'
import {TemplateError} from './extract.ts'

type Span = [number, number]

let parser: ((text: string) => Root) | undefined

async function load(): Promise<(text: string) => Root> {
  if (!parser) {
    const [{unified}, {default: remarkParse}, {default: remarkMdx}] = await Promise.all([import('unified'), import('remark-parse'), import('remark-mdx')])
    const processor = unified().use(remarkParse).use(remarkMdx)
    parser = (text) => processor.parse(text)
  }
  return parser
}

function offsets(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

/** The spans of MDX syntax in `node`: whole statements and expressions, and the tags around a component's children. */
function collect(node: Nodes, spans: Span[]): void {
  const span = offsets(node)
  if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    if (span) spans.push(span)
    return
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const children = node.children.map(offsets).filter((child) => child !== undefined)
    if (span && children.length === 0) spans.push(span)
    else if (span) {
      spans.push([span[0], children[0]![0]], [children.at(-1)![1], span[1]])
    }
  }
  if ('children' in node) for (const child of node.children) collect(child, spans)
}

/** `text` with its MDX syntax blanked out; a TemplateError at the first thing remark-mdx cannot read. */
export async function blankMdx(text: string): Promise<string> {
  const parse = await load()
  let tree: Root
  try {
    tree = parse(text)
  } catch (error) {
    const {place, reason} = error as {place?: {offset?: number; start?: {offset?: number}}; reason?: string}
    const offset = place && 'start' in place ? place.start?.offset : place?.offset
    throw new TemplateError(`invalid MDX: ${reason ?? (error as Error).message}`, offset ?? 0)
  }
  const spans: Span[] = []
  collect(tree, spans)
  if (spans.length === 0) return text
  // Every UTF-16 unit of a span becomes one space (line breaks stay), so offsets do not move.
  let out = ''
  let at = 0
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    if (start < at) continue
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ')
    at = end
  }
  return out + text.slice(at)
}
