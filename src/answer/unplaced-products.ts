/**
 * "Batik termasuk?", "Does the programme cover batik?", "ada program kelapa sawit gak?": goods the
 * sources place nowhere, asked whether the programme takes them in, are outside it as a region
 * outside it is. The reply says the sources don't name them and lists the products they do. Pure.
 */
import type { Lang } from "../lang.ts";
import type { Found } from "./found.ts";
import { asksWh, type Intent, namesNothing } from "./intents.ts";
import { joinList } from "./lists.ts";
import type { Previous } from "./previous.ts";
import type { Subject } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

// What an answer was to be followed by more goods asked of the programme.
const AFTER: ReadonlySet<Intent> = new Set<Intent>(["member", "product", "list"]);

/**
 * The goods a question asks whether the programme covers (the lexicon's kinds of goods), as
 * written; none when it names anything the sources know, a region, a product, a person, a group
 * (there the goods are claimed of it or qualify it: see `claims.ts`).
 */
export function unplacedProducts(f: Found, previous: Previous | undefined): string[] {
  // ("kalau songket?" after "Batik termasuk?" asks the same of other goods; "batik ada?" after
  // the programme's products were listed asks whether it is one of them; "and batik?" after "is
  // ulos weaving covered?" asks of batik what was asked of a product.)
  const ofGoods = (subjects: Subject[] | undefined) =>
    subjects?.length && subjects.every((s) => s.kind === "product");
  const again =
    previous !== undefined &&
    AFTER.has(previous.intent) &&
    (previous.subjects.every((s) => s.kind === "topic" || s.kind === "list") || ofGoods(previous.asked));
  // ("Tenun songket di mana?", "which province makes batik?": where the programme has them.)
  const placing = f.cues.has("where") || f.cues.has("plural") || f.cues.has("provinces");
  // ("Does it cover batik?", "what about honey producers?": goods and words that say nothing else
  // ask of the programme.)
  const onlyGoods = f.meaningful === 0;
  const asksWhether = f.yesNo || f.cues.has("confirm") || again || placing || (onlyGoods && f.endsAsked);
  const ofProgramme =
    f.cues.has("member") ||
    f.programme ||
    f.cues.has("domain") ||
    f.cues.has("product") ||
    again ||
    placing ||
    onlyGoods;
  // (Not whether the asker's business may join, "how do I apply with my batik business?", nor
  // a question with words besides the goods the sources don't know: "UMKM kuliner kaya keripik".)
  const ownBusiness = f.asker || f.cues.has("howto") || f.cues.has("how");
  if (ownBusiness || f.unknown.some((w) => !f.goods.includes(w))) return [];
  // (Beside a product the programme has, "sepatu kulit", "mebel rotan", the goods qualify it.)
  const asksOther = asksWh(f) && !placing;
  if (!f.goods.length || !asksWhether || !ofProgramme || asksOther || !namesNothing(f)) return [];
  return f.goods;
}

/**
 * The sources name none of `goods`; the products they do name, each with its province (no place:
 * its sources would be cited for nothing stated).
 */
export function unplacedProductsCard(w: AnswerWriter, lang: Lang, goods: readonly string[]): Piece {
  const entries = w.k.provinces.flatMap((p) => p.entries.map((e) => ({ province: p, entry: e })));
  const products = entries.map(({ province, entry }) =>
    w.t(lang, "answer.productIn", {
      product: w.productName(lang, entry.product),
      province: province.name[lang],
    }),
  );
  const text = w.t(lang, "answer.unplacedProducts", {
    goods: joinList(lang, [...goods]),
    products: joinList(lang, products),
  });
  return w.piece(
    text,
    [...new Set(entries.flatMap(({ entry }) => entry.sources))],
    [{ kind: "topic", id: "summary" }],
    "not_in_programme",
  );
}
