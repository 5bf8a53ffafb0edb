/**
 * Every rule, in the order they run and are listed. Adding a rule is a line
 * here plus its file, doc and fixtures; the registry test checks the rest.
 */
import {firstUpdateSpeed} from './first-update-speed.ts'
import {keepUpdatePromises} from './keep-update-promises.ts'
import {maxLength} from './max-length.ts'
import {maxUpdateGap} from './max-update-gap.ts'
import {noInternalDetail} from './no-internal-detail.ts'
import {noInternalHostname} from './no-internal-hostname.ts'
import {noResolutionEstimate} from './no-resolution-estimate.ts'
import {noSpeculation} from './no-speculation.ts'
import {phaseOrder} from './phase-order.ts'
import {requireImpact} from './require-impact.ts'
import {requireNextUpdate} from './require-next-update.ts'
import {requireResolution} from './require-resolution.ts'

export {
  firstUpdateSpeed, keepUpdatePromises, maxLength, maxUpdateGap, noInternalDetail, noInternalHostname, noResolutionEstimate, noSpeculation, phaseOrder,
  requireImpact, requireNextUpdate, requireResolution,
}

/** Message rules first, then the incident rules, which run once per incident in `lintIncident()`. */
export const rules = [
  maxLength, noInternalHostname, noInternalDetail, noResolutionEstimate, noSpeculation, requireImpact, requireNextUpdate,
  keepUpdatePromises, maxUpdateGap, requireResolution, phaseOrder, firstUpdateSpeed,
] as const
