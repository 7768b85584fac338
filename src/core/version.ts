/** Kept in step with package.json by scripts/build.mjs (it fails the build when they differ). */
export const VERSION = '0.1.0';
export const SHIM_NAME = 'segment-amplitude-shim';
export const LIBRARY = `${SHIM_NAME}/${VERSION}`;
