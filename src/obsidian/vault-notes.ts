// What the plugin keeps about one open vault's notes beyond Obsidian's metadata cache: the bodies it
// keeps for inline fields, the day/month order learnt from the whole vault, and the advice pack the
// advice comes from. Made once by the plugin and handed to every reader of an application, so none
// reaches for a per-vault global, and none can advise without the person's pack by forgetting it.
import type { App } from 'obsidian';
import { learnsDateOrder } from '../core/application';
import { LearntDateOrder } from '../core/learnt-date-order';
import type { DateOrder } from '../core/model';
import type { Settings } from '../core/settings';
import type { VaultPack } from './advice-pack';
import { NoteBodies } from './note-bodies';

/** What readers need of the pack: the experts to advise with, its problems, the view of one of its notes. */
export type PackReading = Pick<VaultPack, 'knowledge' | 'problems' | 'noteView'>;

/** What else the order is learnt with: the field names, and the tasks folder (its notes do not count). */
function learntWith(settings: Settings): string {
  return JSON.stringify([settings.fieldMap ?? {}, settings.tasksFolder]);
}

export class VaultNotes {
  /** Bodies for inline fields, filled from the metadata cache's change events (FollowUpSync). */
  readonly bodies: NoteBodies;
  /** The vault's learnt day/month order (the core's memory of it), keyed on the bodies' generation. */
  private readonly learnt = new LearntDateOrder();

  constructor(
    readonly app: App,
    readonly pack: PackReading,
  ) {
    this.bodies = new NoteBodies(app);
  }

  /** The vault's day/month order, learnt again only once a note or the field names changed. */
  dateOrder(settings: Settings, learn: () => DateOrder | undefined): DateOrder | undefined {
    return this.learnt.order(this.bodies.generation, learntWith(settings), learn);
  }

  /**
   * How many times the learnt order has turned, after learning it again now if a note changed since:
   * a cache of notes read through it (the whole hunt, the vault index) keys on this
   * (src/core/learnt-date-order.ts says why and what it costs).
   */
  dateOrderTurns(settings: Settings): number {
    return learnsDateOrder(settings) ? this.learnt.turnsAt(this.bodies.generation, learntWith(settings)) : this.learnt.turns;
  }
}
