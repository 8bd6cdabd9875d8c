/**
 * Collects bytes up to a cap, keeping the first half and the most recent half of what was pushed: the start of
 * a command's output and its latest lines are the parts worth showing.
 */
export class HeadTailBuffer {
  private readonly headBudget: number;
  private readonly tailBudget: number;
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private omitted = 0;

  constructor(readonly maxBytes: number) {
    this.headBudget = Math.floor(maxBytes / 2);
    this.tailBudget = maxBytes - this.headBudget;
  }

  /** Bytes dropped from the middle since the last `take`. */
  get omittedBytes(): number {
    return this.omitted;
  }

  get size(): number {
    return this.headBytes + this.tailBytes;
  }

  push(chunk: Buffer): void {
    let rest = chunk;
    if (this.headBytes < this.headBudget && this.tailBytes === 0) {
      const room = this.headBudget - this.headBytes;
      const part = rest.subarray(0, room);
      this.head.push(part);
      this.headBytes += part.length;
      rest = rest.subarray(part.length);
    }
    if (rest.length === 0) return;
    this.tail.push(rest);
    this.tailBytes += rest.length;
    let excess = this.tailBytes - this.tailBudget;
    while (excess > 0) {
      const first = this.tail[0]!;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
        this.omitted += first.length;
        excess -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
        this.omitted += excess;
        excess = 0;
      }
    }
  }

  /** Returns everything kept (head then tail) and empties the buffer. */
  take(): Buffer {
    const out = Buffer.concat([...this.head, ...this.tail]);
    this.head = [];
    this.tail = [];
    this.headBytes = 0;
    this.tailBytes = 0;
    this.omitted = 0;
    return out;
  }
}
