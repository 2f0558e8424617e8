import { describe, expect, it } from "vitest";
import { Conversations, FOLLOW_UP_MS } from "../src/answer/conversations.ts";
import type { Previous } from "../src/answer/previous.ts";

const asked = (id: string): Previous => ({
  intent: "product",
  subjects: [{ kind: "province", id }],
  sources: [],
  items: [],
  named: [],
});

describe("a conversation's last question", () => {
  it("is kept for ten minutes, then forgotten", () => {
    const memory = new Conversations();
    memory.remember(1, 1, asked("sulsel"), 0);
    expect(memory.previous(1, 1, FOLLOW_UP_MS)).toEqual(asked("sulsel"));
    expect(memory.previous(1, 1, FOLLOW_UP_MS + 1)).toBeUndefined();
  });

  it("never crosses people or chats", () => {
    const memory = new Conversations();
    memory.remember(1, 1, asked("sulsel"), 0);
    expect(memory.previous(1, 2, 0)).toBeUndefined();
    expect(memory.previous(2, 1, 0)).toBeUndefined();
  });

  it("is replaced by the next question, and cleared by one that leaves nothing to follow", () => {
    const memory = new Conversations();
    memory.remember(1, 1, asked("sulsel"), 0);
    memory.remember(1, 1, asked("papua"), 1);
    expect(memory.previous(1, 1, 2)).toEqual(asked("papua"));
    memory.remember(1, 1, undefined, 3);
    expect(memory.previous(1, 1, 4)).toBeUndefined();
  });

  it("is bounded: the conversation asked least recently is forgotten first", () => {
    const memory = new Conversations({ ttlMs: FOLLOW_UP_MS, max: 3 });
    for (const chat of [1, 2, 3]) memory.remember(chat, 9, asked(`p${chat}`), chat);
    memory.remember(1, 9, asked("again"), 4);
    memory.remember(4, 9, asked("p4"), 5);
    expect(memory.size).toBe(3);
    expect(memory.previous(2, 9, 6)).toBeUndefined();
    expect(memory.previous(1, 9, 6)).toEqual(asked("again"));
  });
});
