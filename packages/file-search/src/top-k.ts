/** Orders two entries: negative when the first ranks better. */
export type RankOrder = (aId: number, aScore: number, bId: number, bScore: number) => number;

/** The best `capacity` (id, score) pairs seen, as a heap whose root is the worst kept entry. */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    readonly capacity: number,
    private readonly order: RankOrder,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** Offers an entry; returns true when it was kept. */
  offer(id: number, score: number): boolean {
    if (this.capacity <= 0) return false;
    if (this.ids.length < this.capacity) {
      this.ids.push(id);
      this.scores.push(score);
      this.siftUp(this.ids.length - 1);
      return true;
    }
    if (this.order(id, score, this.ids[0] as number, this.scores[0] as number) >= 0) return false;
    this.ids[0] = id;
    this.scores[0] = score;
    this.siftDown(0);
    return true;
  }

  /** Kept entries, best first. */
  sorted(): Array<{ id: number; score: number }> {
    return this.ids
      .map((id, i) => ({ id, score: this.scores[i] as number }))
      .sort((a, b) => this.order(a.id, a.score, b.id, b.score));
  }

  /** True when entry `i` ranks worse than entry `j` (so belongs nearer the root). */
  private worse(i: number, j: number): boolean {
    return this.order(this.ids[i] as number, this.scores[i] as number, this.ids[j] as number, this.scores[j] as number) > 0;
  }

  private swap(i: number, j: number): void {
    [this.ids[i], this.ids[j]] = [this.ids[j] as number, this.ids[i] as number];
    [this.scores[i], this.scores[j]] = [this.scores[j] as number, this.scores[i] as number];
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.ids.length && this.worse(left, worst)) worst = left;
      if (right < this.ids.length && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
