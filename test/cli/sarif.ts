/**
 * The SARIF 2.1.0 JSON schema as published with @microsoft/jest-sarif, for
 * the tests that check the CLI's SARIF output against it.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import type {Result} from 'sarif'
import {expect} from 'vitest'

const require = createRequire(import.meta.url)
// CommonJS packages whose types describe `exports.default`; the class is also `module.exports`.
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default
const addFormats = ajvFormats as unknown as typeof ajvFormats.default
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
// The schema's `language` pattern is not valid with the `u` flag; it is checked as the schema's authors wrote it.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validateSarif = ajv.compile(schema)

/** Fails with the schema's own complaints, so a broken log says where it breaks. */
export function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log)
  expect(validateSarif.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

/** A result's file (its first location's URI) and region as `line:column-line:column`. */
export function located(result: Result): {uri: string | undefined; place: string} {
  const {artifactLocation, region} = result.locations?.[0]?.physicalLocation ?? {}
  const at = (line: number | undefined, column: number | undefined) => `${String(line)}:${String(column)}`
  return {uri: artifactLocation?.uri, place: `${at(region?.startLine, region?.startColumn)}-${at(region?.endLine, region?.endColumn)}`}
}
