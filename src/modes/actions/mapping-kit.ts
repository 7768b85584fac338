/**
 * The part of Segment's mapping language that the Amplitude (Actions) presets use, so a site can bring
 * the field mappings it customized in Segment's UI: `@path`, `@template`, `@if` (`exists` / `blank`),
 * `@arrayPath`, and literal values (objects and arrays resolved member by member). Pure.
 */
import type { Dict } from '../../core/types.js';
import { isPlainObject } from '../../core/values.js';

const SUPPORTED = ['@path', '@template', '@if', '@arrayPath'];
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** An object with exactly one key, starting with "@": a directive. */
function directiveName(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0].startsWith('@') ? keys[0] : undefined;
}

/**
 * What in a mapping cannot be evaluated here: each unsupported directive by name, or a malformed one.
 * An empty list means `resolveMapping` understands all of it.
 */
export function mappingProblems(mapping: unknown): string[] {
  const problems: string[] = [];
  // A text, a number or nothing has nothing to check.
  const visit = (node: unknown): void => {
    const name = directiveName(node);
    if (name) {
      const arg = (node as Dict)[name];
      if (!SUPPORTED.includes(name)) problems.push(`the directive ${name} is not supported`);
      else if ((name === '@path' || name === '@template') && typeof arg !== 'string')
        problems.push(`${name} needs a string`);
      else if (name === '@if') {
        if (!isPlainObject(arg) || (arg.exists === undefined && arg.blank === undefined))
          problems.push('@if needs an "exists" or a "blank" key');
        else for (const key of ['exists', 'blank', 'then', 'else']) visit(arg[key]);
      } else if (name === '@arrayPath') {
        if (!Array.isArray(arg) || arg.length < 1 || arg.length > 2)
          problems.push('@arrayPath needs [path] or [path, item mapping]');
        else arg.forEach(visit);
      }
      return;
    }
    if (Array.isArray(node) || isPlainObject(node)) Object.values(node).forEach(visit);
  };
  visit(mapping);
  return problems;
}

/**
 * Evaluates a mapping against `data` (the Segment event, or one array item inside `@arrayPath`). Keys
 * whose value resolves to undefined are left out, as Segment's mapping kit leaves them out of a payload.
 */
export function resolveMapping(mapping: unknown, data: unknown): unknown {
  const name = directiveName(mapping);
  if (name) return runDirective(name, (mapping as Dict)[name], data);
  if (Array.isArray(mapping)) return mapping.map((item) => resolveMapping(item, data));
  if (isPlainObject(mapping)) {
    const out: Dict = {};
    for (const key of Object.keys(mapping)) {
      if (UNSAFE_KEYS.includes(key)) continue;
      const value = resolveMapping(mapping[key], data);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return mapping;
}

function runDirective(name: string, arg: unknown, data: unknown): unknown {
  switch (name) {
    case '@path':
      return typeof arg === 'string' ? lookupPath(data, arg) : undefined;
    case '@template':
      return typeof arg === 'string' ? renderTemplate(arg, data) : undefined;
    case '@if': {
      if (!isPlainObject(arg)) return undefined;
      const exists = arg.exists !== undefined;
      const tested = exists ? arg.exists : arg.blank;
      if (tested === undefined) return undefined;
      // As Segment's kit: `exists` holds when the value is present, `blank` when it is present and not blank.
      const value = resolveMapping(tested, data);
      const holds = value !== undefined && value !== null && (exists || value !== '');
      return resolveMapping(holds ? arg.then : arg.else, data);
    }
    case '@arrayPath': {
      if (!Array.isArray(arg)) return undefined;
      const [path, shape] = arg as [unknown, unknown];
      const root = typeof path === 'string' ? lookupPath(data, path) : resolveMapping(path, data);
      const hasShape = isPlainObject(shape) && Object.keys(shape).length > 0;
      if (!hasShape || (!Array.isArray(root) && !isPlainObject(root))) return root;
      return (Array.isArray(root) ? root : [root]).map((item) => resolveMapping(shape, item));
    }
    default:
      return undefined;
  }
}

/** `{{path}}` placeholders (and `{{{path}}}`) filled from `data`; a missing value renders as "". */
export function renderTemplate(template: string, data: unknown): string {
  const fill = (braces: number) => (match: string) => {
    const value = lookupPath(data, match.slice(braces, -braces).trim());
    return value === undefined || value === null ? '' : String(value);
  };
  return template.replace(/\{\{\{([^}]+)\}\}\}/g, fill(3)).replace(/\{\{([^}]+)\}\}/g, fill(2));
}

/** `$.a.b`, `a.b`, `a['b c'].d`: the value at that path, or undefined. */
export function lookupPath(data: unknown, path: string): unknown {
  const segments: string[] = [];
  const source = path.startsWith('$.') ? path.slice(2) : path === '$' ? '' : path;
  const pattern = /\[(?:'([^']*)'|"([^"]*)"|(\d+))\]|([^.[\]]+)/g;
  let match: RegExpExecArray | null;
  // The one alternative that matched ('' for an empty quoted key).
  while ((match = pattern.exec(source)) !== null) segments.push(match.slice(1).find((group) => group !== undefined)!);
  let node: unknown = data;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || UNSAFE_KEYS.includes(segment)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Dict)[segment];
  }
  return node;
}
