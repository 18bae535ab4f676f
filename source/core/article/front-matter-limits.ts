/**
 * How much of an article's front matter is kept: here, apart from the YAML reader, so the
 * listing cache can check its entries without loading js-yaml.
 */

/** Longest front matter read, in characters; a longer block is shown as text. */
export const maxFrontMatterLength = 1_048_576;
/** Longest title, date, category or summary kept, in characters; longer ones are cut with `…`. */
export const maxFieldLength = 1000;
/** Most tags kept, and the longest tag. YAML aliases can repeat one value thousands of times. */
export const maxTags = 10_000;
export const maxTagLength = 100;
