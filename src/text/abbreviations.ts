/**
 * Abbreviations before a number: "Resolution time: approx. 2 hours", "ETA
 * appr. 30 mins", "est. 2 hrs". parse-latin ends a sentence at any full stop
 * a word with a capital or a digit follows; its exceptions (mergePrefixExceptions,
 * mergeInitialDigitSentences) join "ca. 2" and "approx.2" but not "approx. 2",
 * so the time was read as a sentence of its own and no rule saw its lead.
 *
 * `mergeAbbreviationSentences` is a paragraph plugin in parse-latin's own
 * shape: a sentence that ends in one of the abbreviations of
 * abbreviations.json and a full stop, followed by a sentence whose first word
 * starts with a digit or a lower-case letter, takes the stop into the
 * abbreviation's word ("approx.", as parse-latin's own exceptions do with
 * "ca.") and the next sentence into itself. Every parse path runs it first
 * among the paragraph plugins: src/text/english.ts for plain text, and the
 * `liaison` plugin adds it to its processor (`abbreviationSentences`) for
 * retext-english and, in Markdown, remark-retext, which both read a
 * processor's `nlcstParagraphExtensions` and run them first.
 */
import type {Paragraph, Sentence, SentenceContent} from 'nlcst'
import type {Processor} from 'unified'
// Its types declare `nlcstParagraphExtensions` on a processor's data.
import type {} from 'retext-english'
import data from './abbreviations.json' with {type: 'json'}
import {wordSet} from './word-lists.ts'

const beforeNumbers = wordSet(data.beforeNumbers)

/** The text of a word node parse-latin has just made: one text node (the tokenizer's), or more once merged. */
function wordText(node: SentenceContent): string | undefined {
  if (node.type !== 'WordNode') return undefined
  let value = ''
  for (const child of node.children) if ('value' in child) value += child.value
  return value
}

/** The first word after white space starts with a digit or a lower-case letter: what follows is no new sentence. */
function continues(sentence: Sentence): boolean {
  for (const node of sentence.children) {
    if (node.type === 'WhiteSpaceNode') continue
    const text = wordText(node)
    return text !== undefined && /^[\d\p{Ll}]/u.test(text)
  }
  return false
}

/** The paragraph plugin (see above). Sentences are read only when one ends in ".". */
export function mergeAbbreviationSentences(paragraph: Paragraph): void {
  const sentences = paragraph.children
  for (let index = 0; index < sentences.length - 1; index++) {
    const sentence = sentences[index]!
    const next = sentences[index + 1]!
    if (sentence.type !== 'SentenceNode' || next.type !== 'SentenceNode') continue
    const {children} = sentence
    const stop = children.at(-1)
    const word = children.at(-2)
    if (stop?.type !== 'PunctuationNode' || stop.value !== '.' || word?.type !== 'WordNode') continue
    if (!beforeNumbers.has(wordText(word)!.toLowerCase()) || !continues(next)) continue
    // As parse-latin's mergePrefixExceptions does: the stop into the word, the next sentence into this one.
    word.children.push(stop)
    children.pop()
    if (stop.position && word.position) word.position.end = stop.position.end
    children.push(...next.children)
    sentences.splice(index + 1, 1)
    if (next.position && sentence.position) sentence.position.end = next.position.end
    // The joined sentence may end in another abbreviation.
    index--
  }
}

/**
 * A unified plugin: the same merge for a retext processor's parser
 * (retext-english's, or remark-retext's in bridge mode), run before the
 * parser's own paragraph plugins as the plain-text parser runs it.
 */
export function abbreviationSentences(this: Processor): void {
  const extensions = this.data('nlcstParagraphExtensions') ?? []
  if (!extensions.includes(mergeAbbreviationSentences)) this.data('nlcstParagraphExtensions', [mergeAbbreviationSentences, ...extensions])
}
