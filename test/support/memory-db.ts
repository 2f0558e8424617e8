import { afterEach } from "vitest";
import { type Database, openDatabase } from "../../src/storage/database.ts";

const open: Database[] = [];

/**
 * A fresh in-memory SQLite database with every migration applied, closed after the test that
 * opened it (the hook is registered in the test file that imports this module).
 */
export function memoryDatabase(): Database {
  const db = openDatabase(":memory:");
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});
