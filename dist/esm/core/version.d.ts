/** Kept in step with package.json by scripts/build.mjs (it fails the build when they differ). */
export declare const VERSION = "0.1.0";
export declare const SHIM_NAME = "segment-amplitude-shim";
export declare const LIBRARY = "segment-amplitude-shim/0.1.0";
