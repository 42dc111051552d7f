/**
 * Waits for a condition by polling it: the tests' one way to wait for
 * something to happen (never a fixed sleep). Fails after `timeoutMs`, naming
 * what it waited for.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what: string = check.toString(),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
