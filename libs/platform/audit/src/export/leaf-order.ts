/** Leaves `from` to `to`, skipped at line `line` by the event of leaf `leafAfter`. */
export interface SkippedLeaves<At> {
  from: number;
  to: number;
  line: number;
  leafAfter: number;
  at: At;
}

/** Skipped leaf ranges kept until the file ends; past this (a shuffled file), named at once. */
const MAX_SKIPPED_RANGES = 1000;

/**
 * The order of an export's leaves, event by event. An event whose leaf comes early skips the
 * leaves before it; a skipped leaf that turns up later was out of order, and one that never does
 * is missing, named at the line that skipped it when the file ends. So a dropped line is one
 * problem, not one per later event.
 */
export class LeafOrder<At> {
  /** One past the highest leaf seen so far: the leaf the next event should be. */
  private next: number;
  /** Disjoint, in order. */
  private readonly skipped: SkippedLeaves<At>[] = [];

  constructor(firstLeaf: number) {
    this.next = firstLeaf;
  }

  get expected(): number {
    return this.next;
  }

  /**
   * Notes the event of `leaf` at line `line`. Returns `late` when a later leaf came before it,
   * and `overflow` with a skipped range to name at once when too many are kept.
   */
  see(
    leaf: number,
    line: number,
    at: () => At,
  ): { late: boolean; overflow: SkippedLeaves<At> | null } {
    const expected = this.next;
    this.next = Math.max(expected, leaf + 1);
    if (leaf < expected) {
      this.unskip(leaf);
      return { late: true, overflow: null };
    }
    if (leaf === expected) return { late: false, overflow: null };
    const gap = { from: expected, to: leaf - 1, line, leafAfter: leaf, at: at() };
    if (this.skipped.length < MAX_SKIPPED_RANGES) {
      this.skipped.push(gap);
      return { late: false, overflow: null };
    }
    return { late: false, overflow: gap };
  }

  /** Steps over the expected leaf (a leaf the export records as removed from the log). */
  passExpected(): void {
    this.next++;
  }

  /** The skipped leaves that never came, in file order; the order forgets them. */
  missing(): SkippedLeaves<At>[] {
    return this.skipped.splice(0);
  }

  private unskip(leaf: number): void {
    let low = 0;
    let high = this.skipped.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const gap = this.skipped[middle];
      if (leaf < gap.from) high = middle - 1;
      else if (leaf > gap.to) low = middle + 1;
      else {
        const rest = [
          ...(gap.from < leaf ? [{ ...gap, to: leaf - 1 }] : []),
          ...(leaf < gap.to ? [{ ...gap, from: leaf + 1 }] : []),
        ];
        this.skipped.splice(middle, 1, ...rest);
        return;
      }
    }
  }
}
