/**
 * Escaping for HTML text, attributes and inline JSON. Every value that comes
 * from notes, metadata or options passes through one of these: a note is
 * data, never markup.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<img src=x onerror="alert(1)">'); // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 * ```
 */
export function escapeHtml(value: unknown): string {
  return displayValue(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * Turns any metadata value into display text: strings as they are, numbers
 * and booleans as written, objects as JSON, missing values as ''.
 *
 * @example
 * ```ts
 * displayValue({ a: 1 }); // '{"a":1}'
 * ```
 */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/**
 * Serialises data as JSON that is safe inside `<script type="application/json">`:
 * `<`, `>`, `&` and the JavaScript line separators are written as `\u` escapes,
 * so no note can close the script element.
 *
 * @example
 * ```ts
 * jsonForScript({ text: '</script>' }); // '{"text":"\\u003c/script\\u003e"}'
 * ```
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
