import { z } from 'zod';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON lets a client send "\ud800": a string that is not text. SQLite, UTF-8
 * logs and other clients would each mangle it differently, so it is refused
 * at the schema, before any handler, store or push sees it.
 */
export function isWellFormed(value: string): boolean {
  return !loneSurrogate.test(value);
}

/** Every string a client sends the hub or the host is built from this. */
export function text(): z.ZodString {
  return z.string().refine(isWellFormed, 'must be well-formed text (no lone surrogates)');
}

/**
 * Length as a person counts it: one per character (code point), so an emoji
 * or a rare Han character outside the BMP is one, not two UTF-16 units. Every
 * limit on what people write is in these units, in the hub and on screen.
 */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** Written text of at most `max` characters (code points), trimmed first. */
export function limitedText(max: number): z.ZodString {
  return text()
    .trim()
    .refine((value) => codePointLength(value) <= max, `must be at most ${max} characters`);
}
