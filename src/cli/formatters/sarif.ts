/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
 *
 * One reportingDescriptor per rule in the registry (id, descriptions,
 * helpUri, default level), one result per rule finding, with a region in
 * 1-based lines and UTF-16 columns (end column exclusive, as vfile counts),
 * and the rule's suggestions as `fixes`. Paths are relative to the working
 * directory under `%SRCROOT%`, which is what code scanning expects when run
 * from the repository root. Problems that are not a rule's finding (an
 * ignored file, a broken liaison comment) are tool notifications.
 */
import {isAbsolute} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ArtifactLocation, Fix, Log, Notification, ReportingDescriptor, Result} from 'sarif'
import {rules as builtIn} from '../../../rules/index.ts'
import {displayPath, posix} from '../paths.ts'
import {type LintMessage, stdinPath} from '../results.ts'
import {version} from '../version.ts'
import {safeJson} from '../visible.ts'
import type {Formatter} from './index.ts'

const informationUri = 'https://github.com/liaison-lint/liaison'

function artifact(filePath: string, cwd: string): ArtifactLocation {
  if (filePath === stdinPath) return {uri: encodeURIComponent(filePath)}
  // `liaison audit https://status.example.com`: results name the address they came from.
  if (/^https?:\/\//i.test(filePath)) return {uri: filePath}
  const shown = displayPath(filePath, cwd)
  if (isAbsolute(shown)) return {uri: pathToFileURL(filePath).href}
  return {uri: posix(shown).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'}
}

function region(message: LintMessage) {
  if (message.line === undefined) return undefined
  return {
    startLine: message.line,
    startColumn: message.column,
    ...(message.endLine === undefined ? {} : {endLine: message.endLine, endColumn: message.endColumn}),
  }
}

/** SARIF levels by severity: a note (0) is `note`. */
const levels = ['note', 'warning', 'error'] as const

export const sarif: Formatter = (results, {cwd, rules = builtIn}) => {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.meta.id,
    shortDescription: {text: rule.meta.description},
    /* v8 ignore next -- @preserve every rule has a note today; a rule without one still gets valid SARIF */
    fullDescription: {text: rule.definition.note ?? rule.meta.description},
    ...(rule.meta.url === undefined ? {help: {text: rule.meta.description}} : {helpUri: rule.meta.url, help: {text: `${rule.meta.description}. See ${rule.meta.url}`}}),
    defaultConfiguration: {level: rule.meta.severity === 'error' ? 'error' : 'warning', enabled: rule.meta.recommended},
    properties: {recommended: rule.meta.recommended},
  }))
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]))
  const findings: Result[] = []
  const notifications: Notification[] = []
  for (const result of results) {
    const artifactLocation = artifact(result.filePath, cwd)
    for (const message of result.messages) {
      const level = levels[message.severity]
      const where = region(message)
      const location = {physicalLocation: {artifactLocation, ...(where ? {region: where} : {})}}
      if (message.ruleId === null || !index.has(message.ruleId)) {
        notifications.push({level, message: {text: message.message}, locations: [location]})
        continue
      }
      const fixes: Fix[] | undefined = message.suggestions?.map((suggestion) => ({
        description: {text: suggestion.desc},
        artifactChanges: [
          {
            artifactLocation,
            replacements: [{deletedRegion: where!, insertedContent: {text: suggestion.fix.text}}],
          },
        ],
      }))
      findings.push({
        ruleId: message.ruleId,
        ruleIndex: index.get(message.ruleId)!,
        level,
        message: {text: message.message},
        locations: [location],
        ...(fixes ? {fixes} : {}),
      })
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'liaison', version: version(), informationUri, rules: descriptors}},
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd).href.replace(/\/?$/, '/')}},
        columnKind: 'utf16CodeUnits',
        results: findings,
        invocations: [{executionSuccessful: true, toolExecutionNotifications: notifications}],
      },
    ],
  }
  return `${safeJson(JSON.stringify(log, null, 2))}\n`
}
