import { isLang, type Lang } from "../lang.ts";
import type { Database } from "./database.ts";

/** Per-user settings: for now, the language a user chose. */
export class UserStore {
  private readonly selectLanguage;
  private readonly upsertLanguage;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.selectLanguage = db.prepare<[number], { language: string | null }>(
      "SELECT language FROM users WHERE id = ?",
    );
    this.upsertLanguage = db.prepare<[number, Lang, number]>(
      `INSERT INTO users (id, language, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
    );
  }

  /** The language the user chose, or `undefined` when they never chose one. */
  getLanguage(userId: number): Lang | undefined {
    const language = this.selectLanguage.get(userId)?.language;
    return isLang(language) ? language : undefined;
  }

  /** Remembers the user's language choice. */
  setLanguage(userId: number, lang: Lang): void {
    this.upsertLanguage.run(userId, lang, this.now());
  }
}
