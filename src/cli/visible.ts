/**
 * Text from files and configs, made safe to print: file names, messages that
 * quote a draft or a comment, template keys. A terminal obeys control
 * characters (`\e]0;title\a` retitles the window, `\e[2J` clears it), a CI
 * log reader obeys a line that starts with `::` (GitHub's workflow commands:
 * `::add-mask::`, `::error::`), and bidirectional overrides make text read
 * other than it is. So every such character is shown as an escape, and a line
 * break inside a name or message never starts a new line of output.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and the invisible direction marks and overrides. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const unsafe = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

/** The unsafe characters JSON.stringify does not escape (it escapes C0 inside strings; outside them, C0 is its own layout). */
const rawInJson = /[\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

const named: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

function escape(char: string): string {
  const code = char.charCodeAt(0)
  return named[char] ?? (code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`)
}

/** `text` with every unsafe character as a visible escape (`\n`, `\x1B`, `\u202E`), except those in `keep`. */
export function visible(text: string, keep = ''): string {
  return text.replace(unsafe, (char) => (keep.includes(char) ? char : escape(char)))
}

/** One line of output: `text` made visible, then one line break. */
export function line(text: string): string {
  return `${visible(text.endsWith('\n') ? text.slice(0, -1) : text)}\n`
}

/**
 * JSON output with the unsafe characters JSON.stringify leaves raw (DEL, C1,
 * separators, direction marks) as `\uXXXX`: the same data, nothing a
 * terminal acts on. They can only occur inside strings, where the escape is valid.
 */
export function safeJson(json: string): string {
  return json.replace(rawInJson, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
