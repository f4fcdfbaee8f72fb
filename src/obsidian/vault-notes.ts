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
  /** The order learnt last, with what it was learnt for: a 03/04/2026 in each of many notes would otherwise read every note's frontmatter once per note. */
  private learnt: { generation: number; fieldMap: string; order: DateOrder | undefined } | undefined;

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
    this.learnt = { generation, fieldMap, order };
    return order;
  }
}
