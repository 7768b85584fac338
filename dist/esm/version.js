/** Kept in step with package.json by scripts/build.mjs (it fails the build when they differ). */
const VERSION = '0.1.0';
const SHIM_NAME = 'segment-amplitude-shim';
const LIBRARY = `${SHIM_NAME}/${VERSION}`;

export { LIBRARY, SHIM_NAME, VERSION };
