/** Quote levels and list indentation kept; deeper nesting is drawn at this depth. */
const maximumQuoteDepth = 12;
const maximumIndent = 48;
/** Containers opened on one line (`- - - > 1. x`) kept; marked recurses once per container. */
const maximumChainedContainers = 12;
const deepQuote = new RegExp(`^((?: {0,3}>[ \\t]?){${maximumQuoteDepth}})(?: {0,3}>[ \\t]?)+`, 'gm');
const deepIndent = new RegExp(`^ {${maximumIndent + 1},}`, 'gm');
// A container marker is `>` or a bullet or number followed by spaces; the spaces end at a marker,
// so the pattern cannot backtrack over them.
const container = '(?:>[ \\t]*|(?:[*+-]|\\d{1,9}[.)])[ \\t]+)';
const chainedContainers = new RegExp(`^( {0,3}${container}{${maximumChainedContainers}})${container}+`, 'gm');

/**
 * Flatten pathological nesting (a quote 200 levels deep, a list indented 400 columns, `- ` 1,200
 * times on one line) before lexing: marked recurses once per level, which a file could drive past
 * the stack, and no terminal is wide enough to show such depth anyway. Lines are never added or
 * removed, so source line numbers still hold.
 */
export function limitNesting(markdown: string): string {
	return markdown.replace(deepQuote, '$1').replace(deepIndent, ' '.repeat(maximumIndent)).replace(chainedContainers, '$1');
}
