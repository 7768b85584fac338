// Builds test pages: Segment's snippet (4.x or 5.x) pointed at the shim and at a local collector.
import { snippet4, snippet5 } from './snippets.mjs';

export const API_KEY = 'test-api-key-0123456789abcdef';

export function shimLoadOptions(collector, amplitudeSettings = {}, extra = {}) {
  return {
    integrations: { Amplitude: amplitudeSettings },
    amplitude: { serverUrl: collector.ingestUrl, ...(extra.amplitude ?? {}) },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'amplitude')),
  };
}

/** A page with the snippet, optional extra inline script after it, and a body. */
export function snippetPage({
  version = 5,
  collector,
  settings,
  extra,
  before = '',
  after = '',
  body = '',
  title = 'Test page',
  head = '',
  page = true,
  scriptUrl = '/dist/segment-amplitude-shim.min.js',
  load = true,
}) {
  const make = version === 4 ? snippet4 : snippet5;
  const code = make({ apiKey: API_KEY, scriptUrl, loadOptions: shimLoadOptions(collector, settings, extra), page, load });
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}
<script>${before}</script>
<script>${code}</script>
<script>${after}</script>
</head><body>${body}</body></html>`;
}
