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
