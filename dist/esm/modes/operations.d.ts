/** Building blocks of Amplitude operations shared by the translation and the attribution capture. Pure. */
import type { AmplitudeOperation, Dict } from '../core/types.js';
export declare function identifyOperation(userProperties: Dict): AmplitudeOperation;
/** The host part of a referrer URL, as amplitude-js took it (the third `/`-separated part). */
export declare function referringDomain(referrer: string): string | undefined;
