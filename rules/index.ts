/**
 * Every rule, in the order they run and are listed. Adding a rule is a line
 * here plus its file, doc and fixtures; the registry test checks the rest.
 */
import {maxLength} from './max-length.ts'
import {noInternalHostname} from './no-internal-hostname.ts'
import {noSpeculation} from './no-speculation.ts'
import {requireImpact} from './require-impact.ts'

export {maxLength, noInternalHostname, noSpeculation, requireImpact}

export const rules = [maxLength, noInternalHostname, noSpeculation, requireImpact] as const
