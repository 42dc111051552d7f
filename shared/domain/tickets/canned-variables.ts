/**
 * Variables in canned replies: {customer.name}, {order.id}, {agent.name}.
 * Only these three, written exactly so; whitespace inside the braces is
 * allowed ({ order.id }). Anything else in braces is left as written, so a
 * reply that happens to contain braces is never mangled.
 */
export const cannedVariables = ['customer.name', 'order.id', 'agent.name'] as const;
export type CannedVariable = (typeof cannedVariables)[number];
export type CannedValues = Partial<Record<CannedVariable, string | null>>;

/** One brace pair with no brace inside: an unbalanced "{" or "}" never matches. */
const bracePattern = /\{([^{}]*)\}/g;

function isCannedVariable(name: string): name is CannedVariable {
  return (cannedVariables as readonly string[]).includes(name);
}

function namesIn(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(bracePattern)) {
    const name = (match[1] ?? '').trim();
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Fills {customer.name} etc.; a variable without a value (missing, null, or
 * only whitespace, which would read as a gap in "您好，！") is left as
 * written so the agent sees what to fill, and listed in `missing` in order
 * of first use. Values go in literally and in one pass, so a value that
 * itself contains "{agent.name}" is not expanded again.
 */
export function fillCanned(body: string, values: CannedValues): { text: string; missing: CannedVariable[] } {
  const missing: CannedVariable[] = [];
  const text = body.replace(bracePattern, (written, inner: string) => {
    const name = inner.trim();
    if (!isCannedVariable(name)) return written;
    const value = values[name];
    if (value === undefined || value === null || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return written;
    }
    return value;
  });
  return { text, missing };
}

/** Names in braces that are not known variables (for the canned-reply editor's validation), each once, in order. */
export function unknownVariables(body: string): string[] {
  return namesIn(body).filter((name) => !isCannedVariable(name));
}

/** Known variables the body uses, each once, in order of first use. */
export function variablesIn(body: string): CannedVariable[] {
  return namesIn(body).filter(isCannedVariable);
}
