/** Script-tag entry: runs once when the file loads and takes over Segment's snippet. */
import { install } from './public/install.js';

try {
  install();
} catch (error) {
  try {
    console.error('[segment-amplitude-shim] could not start:', error);
  } catch {
    /* nothing else to do */
  }
}
