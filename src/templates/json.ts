/**
 * Where a JSON text first goes wrong. Template files in JSON are read with
 * the `yaml` package (JSON is YAML, and it gives source ranges), but YAML
 * also accepts what JSON does not (single quotes, comments, trailing commas),
 * and `JSON.parse` does not always say where it failed. One iterative pass,
 * so deep nesting cannot overflow the stack.
 */
export interface JsonProblem {
  message: string
  offset: number
}

const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}

function isHex(char: string | undefined): boolean {
  return char !== undefined && /^[\da-f]$/i.test(char)
}

function describe(char: string | undefined): string {
  return char === undefined ? 'the end of the file' : JSON.stringify(char)
}

/** The first problem in `text` as JSON, or undefined when it is valid JSON. */
export function jsonProblem(text: string): JsonProblem | undefined {
  let i = 0
  const stack: Array<'}' | ']'> = []
  const fail = (message: string, offset = i): JsonProblem => ({message, offset})
  const skipSpace = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++
  }
  const string = (): JsonProblem | undefined => {
    for (i++; i < text.length; i++) {
      const char = text[i]!
      if (char === '"') {
        i++
        return undefined
      }
      if (char < ' ') return fail('a line break or control character in a string must be escaped')
      if (char !== '\\') continue
      const next = text[++i]
      if (next === 'u') {
        for (let k = 1; k <= 4; k++) if (!isHex(text[i + k])) return fail('\\u must be followed by four hexadecimal digits', i - 1)
        i += 4
      } else if (next === undefined || !escapes.has(next)) {
        return fail(`invalid escape \\${next ?? ''}`, i - 1)
      }
    }
    return fail('unterminated string')
  }
  const digits = () => {
    const from = i
    while (isDigit(text[i])) i++
    return i > from
  }
  const number = (): JsonProblem | undefined => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (!digits()) return fail(`expected a digit, got ${describe(text[i])}`)
    if (text[i] === '.') {
      i++
      if (!digits()) return fail(`expected a digit after ".", got ${describe(text[i])}`)
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!digits()) return fail(`expected a digit in the exponent, got ${describe(text[i])}`)
    }
    return undefined
  }
  const key = (): JsonProblem | undefined => {
    skipSpace()
    if (text[i] !== '"') return fail(`expected a double-quoted property name, got ${describe(text[i])}`)
    const problem = string()
    if (problem) return problem
    skipSpace()
    if (text[i] !== ':') return fail(`expected ":" after a property name, got ${describe(text[i])}`)
    i++
    return undefined
  }

  for (;;) {
    // A value is expected here.
    skipSpace()
    const char = text[i]
    let problem: JsonProblem | undefined
    if (char === '{' || char === '[') {
      i++
      skipSpace()
      if (text[i] === (char === '{' ? '}' : ']')) i++
      else {
        stack.push(char === '{' ? '}' : ']')
        problem = char === '{' ? key() : undefined
        if (problem) return problem
        continue
      }
    } else if (char === '"') problem = string()
    else if (char === '-' || isDigit(char)) problem = number()
    else {
      const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, i))
      if (!word) return fail(`expected a value, got ${describe(char)}`)
      i += word.length
    }
    if (problem) return problem
    // After a value: a separator, a closer, or the end.
    for (;;) {
      skipSpace()
      const closer = stack.at(-1)
      if (closer === undefined) return i < text.length ? fail(`expected the end of the file, got ${describe(text[i])}`) : undefined
      if (text[i] === closer) {
        stack.pop()
        i++
        continue
      }
      if (text[i] !== ',') return fail(`expected "," or "${closer}", got ${describe(text[i])}`)
      i++
      break
    }
    if (stack.at(-1) === '}') {
      const problem = key()
      if (problem) return problem
    }
  }
}
