/**
 * Every rule, in the order they run and are listed. Adding a rule is a line
 * here plus its file, doc and fixtures; the registry test checks the rest.
 */
import {maxLength} from './max-length.ts'
import {noInternalDetail} from './no-internal-detail.ts'
import {noInternalHostname} from './no-internal-hostname.ts'
import {noResolutionEstimate} from './no-resolution-estimate.ts'
import {noSpeculation} from './no-speculation.ts'
import {requireImpact} from './require-impact.ts'
import {requireNextUpdate} from './require-next-update.ts'

export {maxLength, noInternalDetail, noInternalHostname, noResolutionEstimate, noSpeculation, requireImpact, requireNextUpdate}

export const rules = [maxLength, noInternalHostname, noInternalDetail, noResolutionEstimate, noSpeculation, requireImpact, requireNextUpdate] as const
