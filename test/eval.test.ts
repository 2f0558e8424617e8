import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, parseCases, percent } from "../src/answer/evaluate.ts";
import { testEngine } from "./support/app.ts";

// What the matcher reached when these floors were set; a change that drops below them fails.
// Raise them when the matcher improves; never lower them to make a change pass.
//
// Three floors were reset on 2026-11-29, when the answer core was rebuilt as facts and intents
// (issue 9) and the 442-word off-topic list they had been reached with was dropped: a question
// that asks for what the sources do not hold is now recognised by its form, not by a word list.
// The old floors, in-scope/out-of-scope: fifth 94.3/95, fourth 100/96.7, third 99.1/100.
const FLOORS = {
  "test/eval/questions.jsonl": { "in-scope": 100, "out-of-scope": 100, "small talk": 100, language: 100 },
  "test/eval/questions-more.jsonl": {
    "in-scope": 100,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-third.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 97.5,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fourth.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fifth.jsonl": {
    "in-scope": 92.9,
    "out-of-scope": 98.3,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-shared.jsonl": {
    "in-scope": 100,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind for issue 9 (follow-ups, several questions at once, attributes, what the sources
  // don't say); its first score, before any tuning, is in the README.
  "test/eval/questions-sixth.jsonl": {
    "in-scope": 100,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the sixth set's fixes; its first score is in the README too.
  "test/eval/questions-seventh.jsonl": {
    "in-scope": 97.4,
    "out-of-scope": 98.7,
    "small talk": 100,
    language: 99.6,
  },
  // Written blind after the seventh set's fixes; its first score is in the README too.
  "test/eval/questions-eighth.jsonl": {
    "in-scope": 98,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the eighth set's fixes; its first score is in the README too.
  "test/eval/questions-ninth.jsonl": {
    "in-scope": 96.6,
    "out-of-scope": 95.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the ninth set's fixes; its first score is in the README too.
  "test/eval/questions-tenth.jsonl": {
    "in-scope": 98.5,
    "out-of-scope": 96.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the tenth set's fixes; its first score is in the README too.
  "test/eval/questions-eleventh.jsonl": {
    "in-scope": 99.4,
    "out-of-scope": 98.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the eleventh set's fixes; its first score is in the README too.
  "test/eval/questions-twelfth.jsonl": {
    "in-scope": 98.4,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the twelfth set's fixes; its first score is in the README too.
  "test/eval/questions-thirteenth.jsonl": {
    "in-scope": 99,
    "out-of-scope": 96.7,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the thirteenth set's fixes were under way; its first score is in the README.
  "test/eval/questions-fourteenth.jsonl": {
    "in-scope": 99.5,
    "out-of-scope": 95.6,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the fourteenth set's fixes; its first score is in the README too.
  "test/eval/questions-fifteenth.jsonl": {
    "in-scope": 98.9,
    "out-of-scope": 98.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the fifteenth set's fixes; its first score is in the README too.
  "test/eval/questions-sixteenth.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 97.8,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the sixteenth set's fixes were under way; its first score is in the README.
  "test/eval/questions-seventeenth.jsonl": {
    "in-scope": 97.7,
    "out-of-scope": 97,
    "small talk": 92.9,
    language: 100,
  },
  // Written blind after the seventeenth set's fixes began; its first score is in the README.
  "test/eval/questions-eighteenth.jsonl": {
    "in-scope": 100,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the eighteenth set's fixes were under way; its first score is in the README.
  "test/eval/questions-nineteenth.jsonl": {
    "in-scope": 98.2,
    "out-of-scope": 94,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the nineteenth set's fixes; its first score is in the README.
  "test/eval/questions-twentieth.jsonl": {
    "in-scope": 99.5,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the twentieth set's fixes were under way; its first score is in the README.
  "test/eval/questions-twentyfirst.jsonl": {
    "in-scope": 98.6,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the twentieth set's fixes were under way; its first score is in the README.
  "test/eval/questions-twentysecond.jsonl": {
    "in-scope": 98.6,
    "out-of-scope": 98.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the twenty-first set's fixes were under way; its first score is in the README.
  "test/eval/questions-twentythird.jsonl": {
    "in-scope": 98.1,
    "out-of-scope": 98.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the twenty-second set's fixes were under way; its first score is in the README.
  "test/eval/questions-twentyfourth.jsonl": {
    "in-scope": 98.6,
    "out-of-scope": 97.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of the next session; its first score is in the README.
  "test/eval/questions-twentyfifth.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 96.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the twenty-fifth; its first score is in the README.
  "test/eval/questions-twentysixth.jsonl": {
    "in-scope": 96.8,
    "out-of-scope": 97,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the twenty-fifth; its first score is in the README.
  "test/eval/questions-twentyseventh.jsonl": {
    "in-scope": 97.2,
    "out-of-scope": 94.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the twenty-sixth set's fixes were under way; its first score is in the README.
  "test/eval/questions-twentyeighth.jsonl": {
    "in-scope": 94,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the twenty-eighth; its first score is in the README.
  "test/eval/questions-twentyninth.jsonl": {
    "in-scope": 94.6,
    "out-of-scope": 98.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the twenty-eighth set's fixes; its first score is in the README.
  "test/eval/questions-thirtieth.jsonl": {
    "in-scope": 97.2,
    "out-of-scope": 98,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the thirtieth; its first score is in the README.
  "test/eval/questions-thirtyfirst.jsonl": {
    "in-scope": 95.3,
    "out-of-scope": 96.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the thirtieth was scored; its first score is in the README.
  "test/eval/questions-thirtysecond.jsonl": {
    "in-scope": 98.2,
    "out-of-scope": 97.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the thirty-second; its first score is in the README.
  "test/eval/questions-thirtythird.jsonl": {
    "in-scope": 96.7,
    "out-of-scope": 95.2,
    "small talk": 100,
    language: 99.7,
  },
  // Written blind at the start of the third session of 2026-11-30; its first score is in the README.
  "test/eval/questions-thirtyfourth.jsonl": {
    "in-scope": 97.7,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the thirty-fourth; its first score is in the README.
  "test/eval/questions-thirtyfifth.jsonl": {
    "in-scope": 98.6,
    "out-of-scope": 97.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the thirty-seventh; its first score is in the README.
  "test/eval/questions-thirtysixth.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the thirty-fourth set's first fixes; its first score is in the README.
  "test/eval/questions-thirtyseventh.jsonl": {
    "in-scope": 97.7,
    "out-of-scope": 98.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the thirty-seventh set's fixes began; its first score is in the README.
  "test/eval/questions-thirtyeighth.jsonl": {
    "in-scope": 97.7,
    "out-of-scope": 98.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the thirty-eighth; its first score is in the README.
  "test/eval/questions-thirtyninth.jsonl": {
    "in-scope": 97.7,
    "out-of-scope": 96.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the thirty-ninth was scored; its first score is in the README.
  "test/eval/questions-fortieth.jsonl": {
    "in-scope": 98.6,
    "out-of-scope": 98,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the fortieth; its first score is in the README.
  "test/eval/questions-fortyfirst.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 97,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the fortieth was scored; its first score is in the README.
  "test/eval/questions-fortysecond.jsonl": {
    "in-scope": 96.8,
    "out-of-scope": 96.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the forty-second; its first score is in the README.
  "test/eval/questions-fortythird.jsonl": {
    "in-scope": 97.3,
    "out-of-scope": 97,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fortyfourth.jsonl": {
    "in-scope": 95.5,
    "out-of-scope": 97.9,
    "small talk": 91.7,
    language: 100,
  },
  "test/eval/questions-fortyfifth.jsonl": {
    "in-scope": 98.2,
    "out-of-scope": 96.1,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fortysixth.jsonl": {
    "in-scope": 99.1,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fortyseventh.jsonl": {
    "in-scope": 96.4,
    "out-of-scope": 96,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fortyeighth.jsonl": {
    "in-scope": 98.1,
    "out-of-scope": 99,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fortyninth.jsonl": {
    "in-scope": 96.4,
    "out-of-scope": 97,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftieth.jsonl": {
    "in-scope": 96.8,
    "out-of-scope": 96,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftyfirst.jsonl": {
    "in-scope": 94.1,
    "out-of-scope": 96.9,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftysecond.jsonl": {
    "in-scope": 99.5,
    "out-of-scope": 96,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftythird.jsonl": {
    "in-scope": 98.6,
    "out-of-scope": 96.9,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftyfourth.jsonl": {
    "in-scope": 97.7,
    "out-of-scope": 98,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftyfifth.jsonl": {
    "in-scope": 95.9,
    "out-of-scope": 94.1,
    "small talk": 100,
    language: 99.7,
  },
  "test/eval/questions-fiftysixth.jsonl": {
    "in-scope": 96.8,
    "out-of-scope": 92.9,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftyseventh.jsonl": {
    "in-scope": 97.8,
    "out-of-scope": 92.9,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftyeighth.jsonl": {
    "in-scope": 93.2,
    "out-of-scope": 96.9,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-fiftyninth.jsonl": {
    "in-scope": 94.2,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-sixtieth.jsonl": {
    "in-scope": 96.2,
    "out-of-scope": 97,
    "small talk": 92.3,
    language: 99.7,
  },
  "test/eval/questions-sixtyfirst.jsonl": {
    "in-scope": 91,
    "out-of-scope": 95.1,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-sixtysecond.jsonl": {
    "in-scope": 95,
    "out-of-scope": 93.9,
    "small talk": 84.6,
    language: 99.7,
  },
  "test/eval/questions-sixtythird.jsonl": {
    "in-scope": 93.3,
    "out-of-scope": 97,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-sixtyfourth.jsonl": {
    "in-scope": 96.8,
    "out-of-scope": 93,
    "small talk": 92.3,
    language: 100,
  },
  "test/eval/questions-sixtyfifth.jsonl": {
    "in-scope": 93.2,
    "out-of-scope": 95,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-sixtysixth.jsonl": {
    "in-scope": 94.9,
    "out-of-scope": 93.9,
    "small talk": 100,
    language: 100,
  },
  "test/eval/questions-sixtyseventh.jsonl": {
    "in-scope": 89.1,
    "out-of-scope": 92.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of 2026-11-30's sixth session (eastern and regional speech); scored before any change. First score in the README.
  "test/eval/questions-sixtyeighth.jsonl": {
    "in-scope": 96.1,
    "out-of-scope": 97.8,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the sixty-eighth (sceptics and loaded claims); scored with it. First score in the README.
  "test/eval/questions-sixtyninth.jsonl": {
    "in-scope": 93.1,
    "out-of-scope": 95.5,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the sixty-eighth was scored (Japanese and other foreign askers); scored after the fix for quotes. First score in the README.
  "test/eval/questions-seventieth.jsonl": {
    "in-scope": 95.9,
    "out-of-scope": 96.8,
    "small talk": 83.3,
    language: 100,
  },
  // Written blind beside the seventieth (long chats that steer and correct); scored with it. First score in the README.
  "test/eval/questions-seventyfirst.jsonl": {
    "in-scope": 95,
    "out-of-scope": 96.3,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the seventieth was scored (askers' own places); scored after the fixes for regional speech. First score in the README.
  "test/eval/questions-seventysecond.jsonl": {
    "in-scope": 92.4,
    "out-of-scope": 93.5,
    "small talk": 80,
    language: 100,
  },
  // Written blind beside the seventy-second (orders and formats); scored after the fix for quotes. First score in the README.
  "test/eval/questions-seventythird.jsonl": {
    "in-scope": 93.5,
    "out-of-scope": 91.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the seventy-second was scored (negation and exclusion); scored after the fixes for own places. First score in the README.
  // Set back from 93.5 (2026-12-01, thirteenth session) to where it stood before it: 'not counting' no longer sets aside ('How many provinces, not counting East Java twice?' is nine again).
  "test/eval/questions-seventyfourth.jsonl": {
    "in-scope": 91.3,
    "out-of-scope": 92.5,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the seventy-fourth (time and order); scored with it. First score in the README.
  // Set back from 90.8 (2026-12-01, thirteenth session): a year within the first phase is no longer of it when joining is asked ('The five new provinces joined back in 2015, didn't they?').
  "test/eval/questions-seventyfifth.jsonl": {
    "in-scope": 90.4,
    "out-of-scope": 90.3,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the seventy-fourth was scored (questions relayed for others); scored after the fixes for negation and lists. First score in the README.
  "test/eval/questions-seventysixth.jsonl": {
    "in-scope": 97.8,
    "out-of-scope": 98.9,
    "small talk": 66.7,
    language: 100,
  },
  // Written blind beside the seventy-sixth (feelings and opinions around a question); scored with it. First score in the README.
  "test/eval/questions-seventyseventh.jsonl": {
    "in-scope": 94.4,
    "out-of-scope": 98.9,
    "small talk": 83.3,
    language: 100,
  },
  // Written blind at the start of the seventh session of 2026-11-30 (voice notes as text); scored before any change. First score in the README.
  "test/eval/questions-seventyeighth.jsonl": {
    "in-scope": 94.4,
    "out-of-scope": 98.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the seventy-eighth (why and how); scored before any change. First score in the README.
  "test/eval/questions-seventyninth.jsonl": {
    "in-scope": 87.6,
    "out-of-scope": 96.7,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the seventy-eighth was scored (hypotheticals); scored after the fix for lengths between dates. First score in the README.
  "test/eval/questions-eightieth.jsonl": {
    "in-scope": 90,
    "out-of-scope": 87.8,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the eightieth (language learners); scored with it. First score in the README.
  "test/eval/questions-eightyfirst.jsonl": {
    "in-scope": 92.5,
    "out-of-scope": 96.7,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the eightieth was scored (exam formats); scored after its fixes. First score in the README.
  "test/eval/questions-eightysecond.jsonl": {
    "in-scope": 95.3,
    "out-of-scope": 97.7,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the eighty-second (social-media habits); scored with it. First score in the README.
  "test/eval/questions-eightythird.jsonl": {
    "in-scope": 94.3,
    "out-of-scope": 97.8,
    "small talk": 91.7,
    language: 99.7,
  },
  // Written blind after the eighty-second was scored (counting); scored after its fixes. First score in the README.
  "test/eval/questions-eightyfourth.jsonl": {
    "in-scope": 88,
    "out-of-scope": 98.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the eighty-fourth (maps and geography); scored with it. First score in the README.
  "test/eval/questions-eightyfifth.jsonl": {
    "in-scope": 93.9,
    "out-of-scope": 92.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of the eighth session (terms, acronyms and names). First score in the README.
  "test/eval/questions-eightysixth.jsonl": {
    "in-scope": 93.8,
    "out-of-scope": 92.9,
    "small talk": 92.3,
    language: 99.7,
  },
  // Written blind beside the eighty-sixth (autocorrect and keyboard slips); scored with it. First score in the README.
  "test/eval/questions-eightyseventh.jsonl": {
    "in-scope": 91.7,
    "out-of-scope": 97.7,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the eighty-seventh's fixes were under way (next steps; questions about the
  // information itself: its sources, how current it is). First score in the README.
  "test/eval/questions-eightyninth.jsonl": {
    "in-scope": 91.3,
    "out-of-scope": 94.7,
    "small talk": 93.3,
    language: 100,
  },
  // Written blind beside the eighty-ninth (false premises inside open questions). First score in the README.
  "test/eval/questions-eightyeighth.jsonl": {
    "in-scope": 79.9,
    "out-of-scope": 93.3,
    "small talk": 100,
    language: 100,
  },
  // Written blind while the eighty-ninth's fixes were under way (terse chat: one- to four-word
  // messages leaning on the conversation). First score in the README.
  "test/eval/questions-ninetieth.jsonl": {
    "in-scope": 98,
    "out-of-scope": 86.7,
    "small talk": 100,
    language: 99.1,
  },
  // Written blind beside the ninetieth (mixed scope: in-scope questions in chatter, out-of-scope
  // questions in the programme's words). First score in the README.
  "test/eval/questions-ninetyfirst.jsonl": {
    "in-scope": 95.1,
    "out-of-scope": 94.1,
    "small talk": 90,
    language: 100,
  },
  // Written blind after the ninetieth and ninety-first were scored (newsroom shorthand: headlines,
  // captions, dates in every format). First score in the README.
  "test/eval/questions-ninetysecond.jsonl": {
    "in-scope": 93,
    "out-of-scope": 89.6,
    "small talk": 100,
    language: 99.7,
  },
  // Written blind beside the ninety-second (people who push back in a conversation). First score in the README.
  "test/eval/questions-ninetythird.jsonl": {
    "in-scope": 80.2,
    "out-of-scope": 72.5,
    "small talk": 84.6,
    language: 100,
  },
  // Written blind beside the ninety-fifth (questionnaires: numbered, lettered and bulleted lists of
  // questions). First score in the README.
  "test/eval/questions-ninetyfourth.jsonl": {
    "in-scope": 94.4,
    "out-of-scope": 96.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the ninety-second and ninety-third were scored (implicit requests: curiosity,
  // needs and half-sentences, no question asked). First score in the README.
  "test/eval/questions-ninetyfifth.jsonl": {
    "in-scope": 88.2,
    "out-of-scope": 92.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind late in the eighth session (the everyday mix of a Telegram group, a control).
  // First score in the README.
  "test/eval/questions-ninetysixth.jsonl": {
    "in-scope": 95.4,
    "out-of-scope": 97.5,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the ninety-sixth (tasks with the facts: captions, summaries, lists,
  // translations, quiz items). First score in the README.
  "test/eval/questions-ninetyseventh.jsonl": {
    "in-scope": 81.9,
    "out-of-scope": 88.2,
    "small talk": 91.7,
    language: 99.4,
  },
  // Written blind at the start of the ninth session (negative and tag questions). First score in
  // the README.
  // Set back from 88.7 (2026-12-01, thirteenth session) to where it stood before it: the line passed on 'yang bukan', withdrawn.
  "test/eval/questions-ninetyeighth.jsonl": {
    "in-scope": 88.3,
    "out-of-scope": 78.6,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the ninety-eighth (half-remembered things). First score in the README.
  // (84.7% for an hour of the twelfth session: "bu Gatot... eh Gati siapa gitu?" passed because a
  // title was looked for across the "..."; it is 84.3%, as before that session.)
  "test/eval/questions-ninetyninth.jsonl": {
    "in-scope": 84.7,
    "out-of-scope": 91.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the ninth session (superlatives and quantifiers). First score in the README.
  "test/eval/questions-hundredth.jsonl": {
    "in-scope": 79.6,
    "out-of-scope": 96.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundredth (questions about the bot's last answer). First score in
  // the README.
  "test/eval/questions-hundredfirst.jsonl": {
    "in-scope": 89.3,
    "out-of-scope": 87.3,
    "small talk": 95.7,
    language: 100,
  },
  // Written blind beside the hundred-third (forwarded messages to check). First score in the README.
  "test/eval/questions-hundredsecond.jsonl": {
    "in-scope": 82.6,
    "out-of-scope": 90.6,
    "small talk": 93.3,
    language: 99.7,
  },
  // Written blind mid-session as a control (the everyday mix). First score in the README.
  "test/eval/questions-hundredthird.jsonl": {
    "in-scope": 97.1,
    "out-of-scope": 97.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind late in the ninth session (asking where a fact comes from). First score in the README.
  "test/eval/questions-hundredfourth.jsonl": {
    "in-scope": 90.4,
    "out-of-scope": 95.9,
    "small talk": 93.3,
    language: 99.7,
  },
  // Written blind beside the hundred-fourth, a second control (a provincial office's public chat).
  // First score in the README. In scope lowered from 95.6 in the eighteenth session: a yes-or-no
  // question of the programme now asks the words after it it doesn't know, and "Apakah program ini
  // memanfaatkan SDM lokal?" holds one ("SDM"); out of scope raised, as such questions stopped
  // getting a card.
  "test/eval/questions-hundredfifth.jsonl": {
    "in-scope": 95.2,
    "out-of-scope": 97.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of the tenth session (polite, indirect requests). First score in the README.
  "test/eval/questions-hundredsixth.jsonl": {
    "in-scope": 98.5,
    "out-of-scope": 94.1,
    "small talk": 87.5,
    language: 100,
  },
  // Written blind beside the hundred-sixth (corrections and changes of course). First score in the README.
  "test/eval/questions-hundredseventh.jsonl": {
    "in-scope": 96.2,
    "out-of-scope": 93.6,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the tenth session (numbers, years and dates written every way). First score in the README.
  "test/eval/questions-hundredeighth.jsonl": {
    "in-scope": 93.3,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-eighth (long follow-up chains). First score in the README.
  "test/eval/questions-hundredninth.jsonl": {
    "in-scope": 89.8,
    "out-of-scope": 95.8,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the tenth session (code-switching inside sentences). First score in the README.
  "test/eval/questions-hundredtenth.jsonl": {
    "in-scope": 96.7,
    "out-of-scope": 96.0,
    "small talk": 100,
    language: 99.4,
  },
  // Written blind beside the hundred-tenth (several questions in one message). First score in the README.
  "test/eval/questions-hundredeleventh.jsonl": {
    "in-scope": 97.5,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the tenth session (a true premise, then a question). First score in the README.
  "test/eval/questions-hundredtwelfth.jsonl": {
    "in-scope": 93.7,
    "out-of-scope": 86,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-twelfth (how things relate). First score in the README.
  "test/eval/questions-hundredthirteenth.jsonl": {
    "in-scope": 97.3,
    "out-of-scope": 93.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind late in the tenth session as a control (the everyday mix). First score in the README.
  "test/eval/questions-hundredfourteenth.jsonl": {
    "in-scope": 98.5,
    "out-of-scope": 98.0,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-fourteenth (after a non-answer). First score in the README.
  "test/eval/questions-hundredfifteenth.jsonl": {
    "in-scope": 94.3,
    "out-of-scope": 95.6,
    "small talk": 95.0,
    language: 100,
  },
  // Written blind at the start of the eleventh session (settling a disagreement). First score in the README.
  "test/eval/questions-hundredsixteenth.jsonl": {
    "in-scope": 92.3,
    "out-of-scope": 91.5,
    "small talk": 84.6,
    language: 100,
  },
  // Written blind beside the hundred-sixteenth (emphatic and noisy typing). First score in the README.
  "test/eval/questions-hundredseventeenth.jsonl": {
    "in-scope": 99.6,
    "out-of-scope": 92.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the eleventh session (places named by their people). First score in the README.
  "test/eval/questions-hundredeighteenth.jsonl": {
    "in-scope": 88.3,
    "out-of-scope": 92.2,
    "small talk": 89.5,
    language: 100,
  },
  // Written blind beside the hundred-eighteenth (organisations mixed up). First score in the README.
  "test/eval/questions-hundrednineteenth.jsonl": {
    "in-scope": 85.3,
    "out-of-scope": 98.4,
    "small talk": 81.8,
    language: 100,
  },
  // Written blind beside the hundred-twenty-first (districts, villages, landmarks). First score in the README.
  // (76.4% for an hour of the twelfth session, one line passing on an answer that contradicted
  // itself: "Siantan di Pontianak Utara …" read Siantan as the Anambas district beside Pontianak.)
  // (75.7% since the seventeenth session: "Pasar Butung di Makassar, produk program apa?" passed
  // only while "Butung" was misread as "burung", a word that alone means nothing here; read as the
  // name it is, the reply says the sources don't name it and gives what they say of Makassar.)
  "test/eval/questions-hundredtwentieth.jsonl": {
    "in-scope": 75.7,
    "out-of-scope": 94.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind late in the eleventh session as a control (the everyday mix). First score in the README.
  "test/eval/questions-hundredtwentyfirst.jsonl": {
    "in-scope": 98.4,
    "out-of-scope": 100,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the end of the eleventh session (asked to guess or give an opinion). First score in the README.
  "test/eval/questions-hundredtwentysecond.jsonl": {
    "in-scope": 98.0,
    "out-of-scope": 98.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-twenty-second (quoting the bot's answer back). First score in the README.
  "test/eval/questions-hundredtwentythird.jsonl": {
    "in-scope": 87.5,
    "out-of-scope": 81.5,
    "small talk": 50.0,
    language: 100,
  },
  // Written blind at the start of the twelfth session (people and titles mixed up: "Menteri Gati",
  // an official the sources don't name). First score in the README.
  "test/eval/questions-hundredtwentyfourth.jsonl": {
    "in-scope": 89.5,
    "out-of-scope": 93.8,
    "small talk": 93.3,
    language: 100,
  },
  // Written blind beside the hundred-twenty-fourth (regions by old, foreign or historical names and
  // how they changed). First score in the README.
  "test/eval/questions-hundredtwentyfifth.jsonl": {
    "in-scope": 83.4,
    "out-of-scope": 88.7,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of the thirteenth session (what is left once something is set aside:
  // "selain Sulsel, provinsi 2017 apa lagi?", "the other considerations?"). First score in the README.
  // Set back from 94.7 (2026-12-01, thirteenth session): 'yang bukan X' no longer sets X aside; it broke 'Provinsi 2017 yang bukan target awal …'.
  "test/eval/questions-hundredtwentysixth.jsonl": {
    "in-scope": 92.8,
    "out-of-scope": 82.1,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-twenty-sixth (the everyday mix of a group, with the issue's
  // share of follow-ups, several questions at once, attributes and what the sources don't say: a
  // control). First score in the README.
  "test/eval/questions-hundredtwentyseventh.jsonl": {
    "in-scope": 98.8,
    "out-of-scope": 96.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind after the hundred-twenty-sixth's fixes (two subjects compared: "Apa bedanya
  // produk Sulsel sama Sultra?", "Which started first, Central Java or Papua?"). First score in the README.
  "test/eval/questions-hundredtwentyeighth.jsonl": {
    "in-scope": 82.4,
    "out-of-scope": 95.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-twenty-eighth (time relations: before, after, during,
  // between). First score in the README.
  // Set back from 93.2 (2026-12-01, thirteenth session): 'bareng X', 'at the same time as X' no longer set X aside; it gave a wrong 'yes' to 'Papua ikut bareng Sumut?'.
  "test/eval/questions-hundredtwentyninth.jsonl": {
    "in-scope": 90.6,
    "out-of-scope": 91.4,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of the fourteenth session: the everyday mix, a control. First score in the README.
  // Raised from its first score (93.5 / 95.9) after the fifteenth session's fixes.
  "test/eval/questions-hundredthirtieth.jsonl": {
    "in-scope": 95.9,
    "out-of-scope": 95.9,
    "small talk": 92.3,
    language: 100,
  },
  // Written blind beside the hundred-thirtieth (fact-checkers: claims to confirm or correct, push-back
  // follow-ups, claims the sources neither confirm nor deny). First score in the README.
  // Raised from its first score (87.7 / 85.3) after the fifteenth session's fixes.
  "test/eval/questions-hundredthirtyfirst.jsonl": {
    "in-scope": 90.5,
    "out-of-scope": 91.2,
    "small talk": 100,
    language: 100,
  },
  // Written blind at the start of the fifteenth session: the everyday mix, a control. First score in the README.
  // Raised from its first score (96.5 / 92.4) after the fifteenth and sixteenth sessions' fixes.
  "test/eval/questions-hundredthirtysecond.jsonl": {
    "in-scope": 99.2,
    "out-of-scope": 94.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind beside the hundred-thirty-second's fixes (people deciding what to do next). First score in the README.
  // Raised from its first score (95.4 / 94.6) after the fifteenth and sixteenth sessions' fixes.
  "test/eval/questions-hundredthirtythird.jsonl": {
    "in-scope": 97.5,
    "out-of-scope": 97.8,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the sixteenth session (small-business owners and craft-makers asking whether
  // what they make is covered, acknowledging answers before the next question). First score in the README.
  // Raised from its first score (93.9 / 96.3) after the session's general fixes, and the seventeenth's.
  "test/eval/questions-hundredthirtyfourth.jsonl": {
    "in-scope": 96.8,
    "out-of-scope": 97.5,
    "small talk": 93.8,
    language: 100,
  },
  // Written blind at the start of the seventeenth session (the everyday mix, with the shares
  // of follow-ups, several questions, attributes and unanswerable ones). First score in the README
  // (96.9 / 93.0 / 93.8); raised after the session's general fixes.
  "test/eval/questions-hundredthirtyfifth.jsonl": {
    "in-scope": 97.8,
    "out-of-scope": 97,
    "small talk": 93.8,
    language: 100,
  },
  // Written blind in the seventeenth session (group chats: officials, journalists, students writing
  // context before the question, referring back, correcting themselves). First score in the README
  // (87.3 / 87.0 / 82.6); raised after the session's last general fixes, and the eighteenth's.
  "test/eval/questions-hundredthirtysixth.jsonl": {
    "in-scope": 88.7,
    "out-of-scope": 91,
    "small talk": 95.7,
    language: 100,
  },
  // Written blind at the start of the eighteenth session (owners and field facilitators on their
  // phones: slang, typos, voice-to-text slips, what to do next). First score in the README
  // (91.7 / 90.8 / 90.5); raised after the session's general fixes.
  "test/eval/questions-hundredthirtyseventh.jsonl": {
    "in-scope": 93.9,
    "out-of-scope": 94.9,
    "small talk": 100,
    language: 99.7,
  },
  // Written blind in the eighteenth session (the everyday mix as a control). First score in the
  // README (97.0 / 94.9 / 100), at 86057e6 before any change for it; raised after the session's
  // later fixes.
  "test/eval/questions-hundredthirtyeighth.jsonl": {
    "in-scope": 97.4,
    "out-of-scope": 95.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the nineteenth session (officials, journalists and researchers: formal
  // Indonesian, non-native English, claims to verify). First score in the README (92.5 / 96.0 / 65.0),
  // at d937701 before any change for it; raised after the session's fixes.
  "test/eval/questions-hundredthirtyninth.jsonl": {
    "in-scope": 95.6,
    "out-of-scope": 97,
    "small talk": 85,
    language: 100,
  },
  // Written blind in the twentieth session (the everyday mix as a control). First score in the
  // README (95.3 / 94.8 / 94.1), at 337a5ea before any change for it; raised after the session's fixes.
  "test/eval/questions-hundredfortieth.jsonl": {
    "in-scope": 97.9,
    "out-of-scope": 96.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the twentieth session (code-mixing, chat threads, people-centred questions,
  // what to do next, hostile messages). First score in the README (94.2 / 94.1 / 94.7), at ddeb904
  // before any change for it; raised after the session's fixes.
  "test/eval/questions-hundredfortyfirst.jsonl": {
    "in-scope": 96.5,
    "out-of-scope": 96.1,
    "small talk": 94.7,
    language: 100,
  },
  // Written blind in the twenty-first session (phones: slang, typos, place names in every form,
  // one detail asked). First score in the README (93.5 / 96.0 / 100), at 8eba390 before any change
  // for it; raised after the session's fixes.
  "test/eval/questions-hundredfortysecond.jsonl": {
    "in-scope": 96.1,
    "out-of-scope": 98.9,
    "small talk": 100,
    language: 100,
  },
  // Written blind in the twenty-first session, after the hundred-forty-second's first fixes (chats of
  // two to four messages, one detail asked). First score in the README (91.2 / 95.6 / 100), at
  // 38b297f before any change for it; raised after the session's fixes.
  "test/eval/questions-hundredfortythird.jsonl": {
    "in-scope": 93.7,
    "out-of-scope": 96.6,
    "small talk": 100,
    language: 99.7,
  },
  // Written blind in the twenty-second session (checking and comparing: yes-or-no checks, premises
  // inside why/what questions, choices, comparisons). First score in the README (85.4 / 95.4 / 100),
  // at 50e7ea8 before any change for it; raised after the session's fixes.
  "test/eval/questions-hundredfortyfourth.jsonl": {
    "in-scope": 92.6,
    "out-of-scope": 96.5,
    "small talk": 100,
    language: 100,
  },
} as const;

describe("answer quality on the evaluation sets", () => {
  for (const [file, floors] of Object.entries(FLOORS)) {
    it(`keeps ${file} at or above the floors`, async () => {
      const cases = parseCases(readFileSync(file, "utf8"));
      const result = evaluate(await testEngine(), cases);
      const reached = {
        "in-scope": percent(result.groups.get("in-scope")),
        "out-of-scope": percent(result.groups.get("out-of-scope")),
        "small talk": percent(result.groups.get("small talk")),
        language: percent({ pass: result.languageOk, total: result.total }),
      };
      for (const [group, floor] of Object.entries(floors)) {
        expect(
          reached[group as keyof typeof reached],
          `${group}\n${result.failures.join("\n")}`,
        ).toBeGreaterThanOrEqual(floor);
      }
    });
  }

  it("has at least 120 questions of the project's own, in both languages, in every category", () => {
    const cases = parseCases(readFileSync("test/eval/questions.jsonl", "utf8"));
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(["id", "en"]));
    const categories = new Set(cases.map((c) => c.cat));
    for (const cat of [
      "province",
      "product",
      "place",
      "criteria",
      "official",
      "programme",
      "typo",
      "slang",
      "out-of-scope",
      "small-talk",
      "not-in-programme",
    ]) {
      expect(categories).toContain(cat);
    }
  });
});
