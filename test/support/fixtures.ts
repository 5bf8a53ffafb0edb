/**
 * The fixture format and runner live in scripts/fixtures.ts, beside the doc
 * generator that also reads them (scripts never import from test/). Tests
 * import `root` and the loader from here as well as from there.
 */
export {caseKey, describeReport, loadFixtures, reportedId, reportPattern, root, runIncidentCase, runRule} from '../../scripts/fixtures.ts'
export type {FlaggedCase, PassingCase} from '../../scripts/fixtures.ts'
