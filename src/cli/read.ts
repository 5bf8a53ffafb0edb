/**
 * Reading a draft, file or standard input, defensively: input is whatever
 * sits in a folder or arrives on a pipe, so liaison checks it before linting.
 *
 * - Size: a file is measured (fstat) before it is read, and standard input is
 *   counted as it arrives; over `--max-file-size` (default 5 MiB) is an error
 *   (exit 2), never an out-of-memory crash. Linting takes ~190 MB of memory
 *   per MiB of text, so the flag itself stops at 256 MiB.
 * - Binary: a NUL byte means it is not a text draft (git's test). It is
 *   skipped with a warning on stderr, as `grep` and `git diff` skip binaries.
 * - Encoding: drafts are UTF-8. Anything else is an error naming the file and
 *   the byte offset, rather than linting U+FFFD replacement characters in
 *   place of what will actually be posted. A byte-order mark is dropped.
 * - Empty input is linted like any other (ESLint does the same): no rule
 *   finds anything in it, so it passes.
 */
import {isUtf8} from 'node:buffer'
import {open} from 'node:fs/promises'
import {CliError, UsageError} from './errors.ts'

const KiB = 1024
const MiB = 1024 * KiB
export const defaultMaxFileSize = 5 * MiB
/** The largest --max-file-size: V8 strings stop at 512 MiB, and memory well before. */
export const maxFileSizeLimit = 256 * MiB

const units: Readonly<Record<string, number>> = {b: 1, kb: 1e3, kib: KiB, mb: 1e6, mib: MiB, gb: 1e9, gib: 1024 * MiB}

/** `5242880`, `500kB`, `10MiB`, `1.5 MB` → bytes. */
export function parseSize(flag: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?) ?([a-z]*)$/i.exec(value.trim())
  const unit = match ? units[(match[2] || 'b').toLowerCase()] : undefined
  const bytes = unit === undefined ? Number.NaN : Math.floor(Number(match![1]) * unit)
  if (!(bytes >= 1)) {
    throw new UsageError(`${flag} expects a size in bytes or with a unit (B, kB, KiB, MB, MiB, GB, GiB), e.g. 500kB or 10MiB; got ${JSON.stringify(value)}`)
  }
  if (bytes > maxFileSizeLimit) throw new UsageError(`${flag} ${value} is over the ${formatSize(maxFileSizeLimit)} liaison can lint`)
  return bytes
}

/** `5 MiB`, `6.2 MiB`, `500 KiB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= MiB ? [bytes / MiB, 'MiB'] : bytes >= KiB ? [bytes / KiB, 'KiB'] : [bytes, bytes === 1 ? 'byte' : 'bytes']
  return `${Number(value.toFixed(1))} ${unit}`
}

/** The error for a draft over the size limit; `size` undefined when only known to be over. */
export function tooBig(name: string, size: number | undefined, max: number): CliError {
  const measured = size === undefined ? 'is' : size < KiB ? `is ${formatSize(size)},` : `is ${formatSize(size)} (${size} bytes),`
  return new CliError(`${name} ${measured} over the ${formatSize(max)} --max-file-size limit; raise the limit if the draft is meant to be that long`)
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7), or -1. */
export function invalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    let length: number
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k]
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i
    }
    i += length
  }
  return -1
}

/** `bom`: the file started with a byte-order mark, which --fix writes back. */
export type Draft = {text: string; bom?: true; binary?: undefined} | {binary: number}

/** Bytes to text, or where the NUL byte is; throws a CliError naming `name` on invalid UTF-8. */
export function decodeDraft(bytes: Uint8Array, name: string): Draft {
  const nul = bytes.indexOf(0)
  if (nul !== -1) return {binary: nul}
  // Node's native check first (8 MB: 0.5 ms, where the scan takes 12 ms warm and 115 ms cold); the scan then finds where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : invalidUtf8(bytes)
  if (bad !== -1) {
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')
    throw new CliError(`${name}: not valid UTF-8 (byte 0x${byte} at offset ${bad}); save the draft as UTF-8`)
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  // An editor's byte-order mark is not part of the message (and max-length would flag U+FEFF).
  return text.charCodeAt(0) === 0xfeff ? {text: text.slice(1), bom: true} : {text}
}

/** A draft file, measured before it is read. `name` is how messages show it. */
export async function readDraft(path: string, name: string, maxBytes: number): Promise<Draft> {
  let bytes: Buffer
  try {
    const handle = await open(path, 'r')
    try {
      const {size} = await handle.stat()
      if (size > maxBytes) throw tooBig(name, size, maxBytes)
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`cannot read ${name}: ${(error as Error).message}`)
  }
  /* v8 ignore next -- @preserve a file that grows between the measure and the read */
  if (bytes.length > maxBytes) throw tooBig(name, bytes.length, maxBytes)
  return decodeDraft(bytes, name)
}

/** Standard input, counted as it arrives: reading stops as soon as it is over the limit. */
export async function readStdinDraft(stdin: AsyncIterable<string | Uint8Array>, maxBytes: number): Promise<Draft> {
  const name = 'standard input'
  // Joined as bytes, then decoded once: a character may straddle two chunks.
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      total += bytes.length
      if (total > maxBytes) throw tooBig(name, undefined, maxBytes)
      chunks.push(bytes)
    }
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`cannot read standard input: ${(error as Error).message}`)
  }
  return decodeDraft(Buffer.concat(chunks), name)
}

/** The warning for a skipped binary draft: one stderr line, not a lint result. */
export function binaryWarning(name: string, offset: number): string {
  return `liaison: warning: ${name}: skipped, it is binary (NUL byte at offset ${offset}), not a UTF-8 text draft\n`
}
