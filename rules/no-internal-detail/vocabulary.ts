/** The rule's lexicon (no-internal-detail.json) as sets (duplicates are refused by the lexicon schema). */
import {wordSet as set} from '../../src/text/word-lists.ts'
import data from '../no-internal-detail.json' with {type: 'json'}

export const vocabulary = {
  standardPrefixes: set(data.standardPrefixes),
  codePrefixes: set(data.codePrefixes),
  customerCues: set(data.customerCues),
  customerCueNouns: set(data.customerCueNouns),
  customerSees: data.customerSees.words,
  ticketPrefixes: set(data.ticketPrefixes),
  channelHosts: [...set(data.channelHosts)],
  publicSubdomains: set(data.publicSubdomains),
  trackerHosts: [...set(data.trackerHosts)],
  exceptionSuffixes: [...set(data.exceptionSuffixes)],
  errorConstants: set(data.errorConstants),
  alertWords: set(data.alertWords),
  alertNouns: set(data.alertNouns),
  metricParts: set(data.metricParts),
  tableCues: set(data.tableCues),
  fileExtensions: set(data.fileExtensions),
  filesystemRoots: set(data.filesystemRoots),
  codeCues: set(data.codeCues),
  idCues: set(data.idCues),
  logLevels: set(data.logLevels),
  monitoringStates: set(data.monitoringStates),
  checkPlugins: set(data.checkPlugins),
  checkStates: set(data.checkStates),
  imageTags: set(data.imageTags),
}
