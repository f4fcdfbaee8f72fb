// What the plugin keeps about one open vault's notes beyond Obsidian's metadata cache: the bodies it
// keeps for inline fields, the day/month order learnt from the whole vault, and the advice pack the
// advice comes from. Made once by the plugin and handed to every reader of an application, so none
// reaches for a per-vault global, and none can advise without the person's pack by forgetting it.
import type { App } from 'obsidian';
import type { DateOrder } from '../core/model';
import type { Settings } from '../core/settings';
import type { VaultPack } from './advice-pack';
import { NoteBodies } from './note-bodies';

/** What readers need of the pack: the experts to advise with, its problems, the view of one of its notes. */
export type PackReading = Pick<VaultPack, 'knowledge' | 'problems' | 'noteView'>;

export class VaultNotes {
  /** Bodies for inline fields, filled from the metadata cache's change events (FollowUpSync). */
  readonly bodies: NoteBodies;
  /**
   * The order learnt last, with what it was learnt for and the core's way of learning it: a
   * 03/04/2026 in each of many notes would otherwise read every note's frontmatter once per note.
   */
  private learnt: { generation: number; fieldMap: string; order: DateOrder | undefined; learn: () => DateOrder | undefined } | undefined;
  private orderTurns = 0;

  constructor(
    readonly app: App,
    readonly pack: PackReading,
  ) {
    this.bodies = new NoteBodies(app);
  }

  /** The vault's day/month order, learnt again only once a note or the field names changed. */
  dateOrder(settings: Settings, learn: () => DateOrder | undefined): DateOrder | undefined {
    const { generation } = this.bodies;
    const fieldMap = JSON.stringify(settings.fieldMap ?? {});
    const kept = this.learnt;
    if (kept && kept.generation === generation && kept.fieldMap === fieldMap) return kept.order;
    const order = learn();
    if (kept && kept.fieldMap === fieldMap && kept.order !== order) this.orderTurns += 1;
    this.learnt = { generation, fieldMap, order, learn };
    return order;
  }

  /**
   * How many times the learnt order has turned, after learning it again now if a note changed since:
   * a cache of notes read through it (the whole hunt, the vault index) keys on this, because a note
   * whose own text is unchanged reads differently once another note turns the order. Free in a vault
   * that never needed the order (nothing was learnt, so nothing is learnt again); else one read of
   * every note's dates after each change, as the first note needing the order would cost anyway.
   */
  dateOrderTurns(settings: Settings): number {
    const kept = this.learnt;
    const learning = settings.dateOrder === 'auto' || settings.dateOrder === undefined; // a set order is never learnt
    if (learning && kept && kept.fieldMap === JSON.stringify(settings.fieldMap ?? {})) this.dateOrder(settings, kept.learn);
    return this.orderTurns;
  }
}
