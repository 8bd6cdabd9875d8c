/** What to deliver for one chunk that the process wrote. */
export interface AcceptedChunk {
  chunk: Buffer;
  capReached: boolean;
}

/**
 * Applies the byte cap of one output stream and optionally retains what passes. Everything the process writes is
 * counted; once the cap is reached the rest is dropped, so the reader keeps draining the pipe without growing.
 */
export class OutputCapture {
  private readonly cap: number | null;
  private readonly retain: boolean;
  private readonly chunks: Buffer[] = [];
  private delivered = 0;
  private total = 0;
  private capHit = false;

  constructor(cap: number | null, retain: boolean) {
    this.cap = cap;
    this.retain = retain;
  }

  /**
   * The part of `chunk` to deliver, or undefined when it is dropped entirely. The chunk that crosses the cap is cut
   * to fit and flagged `capReached` (it may be empty when the cap was met exactly by earlier chunks).
   */
  accept(chunk: Buffer): AcceptedChunk | undefined {
    this.total += chunk.length;
    if (this.capHit || chunk.length === 0) return undefined;
    let accepted: AcceptedChunk;
    if (this.cap === null || this.delivered + chunk.length <= this.cap) {
      accepted = { chunk, capReached: false };
    } else {
      this.capHit = true;
      accepted = { chunk: chunk.subarray(0, this.cap - this.delivered), capReached: true };
    }
    this.delivered += accepted.chunk.length;
    if (this.retain && accepted.chunk.length > 0) this.chunks.push(accepted.chunk);
    return accepted;
  }

  /** Output was dropped because of the cap. */
  get truncated(): boolean {
    return this.capHit;
  }

  /** Bytes the process wrote, dropped ones included. */
  get totalBytes(): number {
    return this.total;
  }

  /** Bytes delivered to listeners (and retained, when retaining). */
  get deliveredBytes(): number {
    return this.delivered;
  }

  /** The retained bytes as one Buffer (empty when not retaining). */
  retained(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.delivered);
  }
}
