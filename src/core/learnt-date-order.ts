// The day/month order learnt from a vault's notes (for a date such as 03/04/2026 under Automatic),
// kept while the vault is unchanged: a host hands the pipeline `rememberDateOrder` from it, else a
// 03/04/2026 in each of many notes would read every note's dates once per note. Its turns are what
// a host's cache of notes read through it keys on: a note whose own text is unchanged reads
// differently once another note turns the order. The Obsidian plugin and VS Code both keep one.
import type { DateOrder } from './model';

export class LearntDateOrder {
  private learnt: { generation: number; key: string; order: DateOrder | undefined; learn: () => DateOrder | undefined } | undefined;
  private turned = 0;

  /**
   * The order for the vault as of `generation` (the host counts its notes' changes) and `key` (what
   * else the learning read with: the field names), learnt again only when either moved on.
   */
  order(generation: number, key: string, learn: () => DateOrder | undefined): DateOrder | undefined {
    const kept = this.learnt;
    if (kept && kept.generation === generation && kept.key === key) return kept.order;
    const order = learn();
    if (kept && kept.key === key && kept.order !== order) this.turned += 1;
    this.learnt = { generation, key, order, learn };
    return order;
  }

  /** How many times the order has turned, without learning it again. */
  get turns(): number {
    return this.turned;
  }

  /**
   * How many times the order has turned, after learning it again now if the vault moved on since.
   * Free in a vault that never needed the order (nothing was learnt, so nothing is learnt again);
   * else one read of every note's dates after each change, as the first note needing it would cost.
   */
  turnsAt(generation: number, key: string): number {
    const kept = this.learnt;
    if (kept && kept.key === key) this.order(generation, key, kept.learn);
    return this.turned;
  }
}
