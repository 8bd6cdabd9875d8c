/** Lets pending I/O callbacks and timers run before continuing (a macrotask boundary). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
