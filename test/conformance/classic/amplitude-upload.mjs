// Decodes what amplitude-js posts: an application/x-www-form-urlencoded body with the events as a
// JSON string in `e`, and `client` (the API key), `v` (the upload format), `upload_time` and
// `checksum` (md5 of v + client + e + upload_time) beside it.
import { createHash } from 'node:crypto';

export function decodeAmplitudeUpload(body, url) {
  const form = new URLSearchParams(body ?? '');
  const e = form.get('e');
  let events;
  let error;
  try {
    events = JSON.parse(e ?? '');
    if (!Array.isArray(events)) throw new Error('e is not a JSON array');
  } catch (problem) {
    events = [];
    error = `undecodable upload: ${problem.message}`;
  }
  const v = form.get('v');
  const client = form.get('client');
  const uploadTime = form.get('upload_time');
  const checksum = form.get('checksum');
  const expected = createHash('md5').update(`${v}${client}${e}${uploadTime}`).digest('hex');
  return {
    url,
    client,
    v,
    uploadTime: uploadTime === null ? null : Number(uploadTime),
    checksum,
    checksumValid: checksum === expected,
    events,
    ...(error ? { error } : {}),
  };
}
