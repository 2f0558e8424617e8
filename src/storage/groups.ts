import { isLang, type Lang } from "../lang.ts";
import type { Database } from "./database.ts";

/** A group or channel the bot has been added to. Times are milliseconds since the epoch. */
interface GroupRecord {
  id: number;
  title: string | undefined;
  /** Telegram's chat type: `group`, `supergroup` or `channel`. */
  type: string | undefined;
  /** The group's language, or `undefined` to follow each message. */
  language: Lang | undefined;
  /** Whether its admins chose `language` (false: taken from the admin who subscribed it, or none). */
  languageChosen: boolean;
  /** Whether the bot is still a member. */
  active: boolean;
  joinedAt: number;
  updatedAt: number;
}

/** What Telegram tells us about a chat; the rest of the record is ours. */
interface GroupInfo {
  id: number;
  title?: string | undefined;
  type?: string | undefined;
}

/**
 * Runs inside `GroupStore.migrate`'s transaction, after the record exists under `newId` and
 * before the one under `oldId` is deleted: move your own rows from `oldId` to `newId` there.
 * Must be synchronous; throwing rolls the whole migration back.
 */
type GroupMigrationHook = (oldId: number, newId: number) => void;

interface GroupRow {
  id: number;
  title: string | null;
  type: string | null;
  language: string | null;
  language_chosen: number;
  active: number;
  joined_at: number;
  updated_at: number;
}

const toRecord = (row: GroupRow): GroupRecord => ({
  id: row.id,
  title: row.title ?? undefined,
  type: row.type ?? undefined,
  language: isLang(row.language) ? row.language : undefined,
  languageChosen: row.language_chosen === 1,
  active: row.active !== 0,
  joinedAt: row.joined_at,
  updatedAt: row.updated_at,
});

/** The groups the bot is in, with their settings. */
export class GroupStore {
  private readonly hooks: GroupMigrationHook[] = [];
  private readonly statements;
  private readonly migrateTransaction;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      select: db.prepare<[number], GroupRow>("SELECT * FROM groups WHERE id = ?"),
      selectActive: db.prepare<[], GroupRow>("SELECT * FROM groups WHERE active = 1 ORDER BY joined_at, id"),
      upsert: db.prepare<[{ id: number; title: string | null; type: string | null; now: number }]>(
        `INSERT INTO groups (id, title, type, active, joined_at, updated_at)
         VALUES (@id, @title, @type, 1, @now, @now)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, type = excluded.type, updated_at = excluded.updated_at`,
      ),
      setLanguage: db.prepare<[Lang | null, number, number, number]>(
        "UPDATE groups SET language = ?, language_chosen = ?, updated_at = ? WHERE id = ?",
      ),
      setDefaultLanguage: db.prepare<[Lang, number, number]>(
        "UPDATE groups SET language = ?, language_chosen = 0, updated_at = ? WHERE id = ? AND language IS NULL",
      ),
      setActive: db.prepare<[number, number, number]>(
        "UPDATE groups SET active = ?, updated_at = ? WHERE id = ?",
      ),
      copyTo: db.prepare<[{ oldId: number; newId: number; now: number }]>(
        `INSERT INTO groups (id, title, type, language, language_chosen, active, joined_at, updated_at)
         SELECT @newId, title, 'supergroup', language, language_chosen, active, joined_at, @now FROM groups WHERE id = @oldId`,
      ),
      mergeInto: db.prepare<[{ oldId: number; newId: number; now: number }]>(
        `UPDATE groups SET
           language_chosen = CASE WHEN language IS NULL
             THEN (SELECT language_chosen FROM groups WHERE id = @oldId) ELSE language_chosen END,
           language = COALESCE(language, (SELECT language FROM groups WHERE id = @oldId)),
           active = MAX(active, (SELECT active FROM groups WHERE id = @oldId)),
           joined_at = MIN(joined_at, (SELECT joined_at FROM groups WHERE id = @oldId)),
           updated_at = @now
         WHERE id = @newId`,
      ),
      delete: db.prepare<[number]>("DELETE FROM groups WHERE id = ?"),
    };
    this.migrateTransaction = db.transaction((oldId: number, newId: number): boolean => {
      const s = this.statements;
      if (!s.select.get(oldId)) return false;
      const params = { oldId, newId, now: this.now() };
      if (s.select.get(newId)) s.mergeInto.run(params);
      else s.copyTo.run(params);
      for (const hook of this.hooks) hook(oldId, newId);
      s.delete.run(oldId);
      return true;
    });
  }

  /** Records a group the bot sees, or refreshes its title and type. New groups start active; `active` is otherwise left alone. */
  upsert(group: GroupInfo): void {
    this.statements.upsert.run({
      id: group.id,
      title: group.title ?? null,
      type: group.type ?? null,
      now: this.now(),
    });
  }

  /** The group's record, or `undefined` when the bot never saw it. */
  get(id: number): GroupRecord | undefined {
    const row = this.statements.select.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** Sets the group's language as its admins chose it (`undefined` to follow each message); false when the group is unknown. */
  setLanguage(id: number, lang: Lang | undefined): boolean {
    return this.statements.setLanguage.run(lang ?? null, lang ? 1 : 0, this.now(), id).changes > 0;
  }

  /** Gives a group without a language `lang`, not as chosen (the subscribing admin's); false when it has one. */
  setDefaultLanguage(id: number, lang: Lang): boolean {
    return this.statements.setDefaultLanguage.run(lang, this.now(), id).changes > 0;
  }

  /** Marks the bot as in or out of the group; false when the group is unknown. */
  setActive(id: number, active: boolean): boolean {
    return this.statements.setActive.run(active ? 1 : 0, this.now(), id).changes > 0;
  }

  /** The groups the bot is still in, oldest first. */
  listActive(): GroupRecord[] {
    return this.statements.selectActive.all().map(toRecord);
  }

  /** Adds a step to `migrate`, for stores whose rows refer to a group (subscriptions, …). */
  onMigrate(hook: GroupMigrationHook): void {
    this.hooks.push(hook);
  }

  /**
   * Follows Telegram's upgrade of a group to a supergroup (`migrate_to_chat_id`): moves the
   * record from `oldId` to `newId`, in one transaction with every `onMigrate` hook. When a
   * record for `newId` already exists it is kept and fills its gaps from the old one (language,
   * earliest join, active if either was). Returns false when there was nothing under `oldId`.
   */
  migrate(oldId: number, newId: number): boolean {
    if (oldId === newId) return false;
    return this.migrateTransaction(oldId, newId);
  }
}
