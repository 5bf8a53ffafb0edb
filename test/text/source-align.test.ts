/** Every token remark-retext makes from a Markdown file is placed back at the characters it was read from. */
import type {Root} from 'nlcst'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {alignToSource} from '../../src/text/source-align.ts'

/** The prose tree of `text` as remark-retext hands it on, aligned or not. */
async function prose(text: string, align: boolean): Promise<Root> {
  let found: Root | undefined
  const capture = () => (tree: Root, file: VFile) => {
    if (align) alignToSource(tree, file)
    found = tree
  }
  const file = new VFile(text)
  const processor = unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(capture) as never)
  await processor.run(processor.parse(file), file)
  return found!
}

/** `[value, written]` for every token: its value, and the source its position covers. */
async function tokens(text: string, align = true): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = []
  visit(await prose(text, align), (node) => {
    if ('value' in node && node.type !== 'WhiteSpaceNode') out.push([node.value, text.slice(node.position!.start.offset, node.position!.end.offset)])
  })
  return out
}

/** Deterministic pseudo-random Markdown (no Math.random): words, line ends with and without indentation, markers, escapes. */
function* drafts(count: number): Generator<string> {
  let seed = 7
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const pieces = ['We', 'think', 'db-01', 'is', 'down', '.', ',', ' ', '\n', '\n  ', '\n   ', '\n> ', '\n\n', '\n- ', '> ', '\\_', '\\*', '*x*', '`c`', '[a](b)', '\n\t', '🙂']
  for (let i = 0; i < count; i++) {
    let text = ''
    const length = 5 + next(40)
    for (let j = 0; j < length; j++) text += pieces[next(pieces.length)]
    yield text
  }
}

describe('alignToSource', () => {
  it('drifts without it, on an indented continuation line (why it exists)', async () => {
    const text = 'Checkout is failing. The outage\n  is probably the cache.\n'
    expect((await tokens(text, false)).some(([value, written]) => value !== written)).toBe(true)
    expect((await tokens(text)).filter(([value, written]) => value !== written)).toEqual([])
  })

  it('places every token of generated Markdown at its own characters (escapes aside)', async () => {
    // A backslash before ASCII punctuation is Markdown's escape, inside a token too ("*\\*" reads "**").
    const unescape = (written: string) => written.replace(/\\(?=[\p{P}\p{S}])/gu, '')
    let checked = 0
    for (const text of drafts(300)) {
      const wrong = (await tokens(text)).filter(([value, written]) => value !== unescape(written))
      expect(wrong, JSON.stringify(text)).toEqual([])
      checked++
    }
    expect(checked).toBe(300)
  })

  it('gives a character reference the whole reference, and leaves a literal ampersand alone', async () => {
    expect(await tokens('Fish &amp; chips &#x1F600; &copy; AT&T &foo; done.')).toEqual([
      ['Fish', 'Fish'],
      ['&', '&amp;'],
      ['chips', 'chips'],
      ['😀', '&#x1F600;'],
      ['©', '&copy;'],
      ['AT', 'AT'],
      ['&', '&'],
      ['T', 'T'],
      ['&', '&'],
      ['foo', 'foo'],
      [';', ';'],
      ['done', 'done'],
      ['.', '.'],
    ])
  })

  it('keeps the position of a token it cannot find or that is empty, and of white space before the first token', () => {
    const at = (offset: number) => ({line: 1, column: offset + 1, offset})
    const space = {type: 'WhiteSpaceNode', value: ' ', position: {start: at(0), end: at(1)}} as const
    const word = {type: 'TextNode', value: 'zzz', position: {start: at(1), end: at(4)}} as const
    const empty = {type: 'TextNode', value: '', position: {start: at(2), end: at(2)}} as const
    const moved = {type: 'TextNode', value: 'c', position: {start: at(4), end: at(5)}} as const
    const tree = {
      type: 'RootNode',
      children: [{type: 'ParagraphNode', children: [{type: 'SentenceNode', children: [space, {type: 'WordNode', children: [word, empty]}, {type: 'WordNode', children: [moved]}]}]}],
    } as unknown as Root
    alignToSource(tree, new VFile(' ab\n  c'))
    expect([space.position.start.offset, word.position.start.offset, empty.position.start.offset, moved.position.start.offset]).toEqual([0, 1, 2, 6])
    expect(tree.children[0]!.position).toMatchObject({start: {offset: 0}, end: {offset: 7}})
  })
})
