/*
 * Bounds on what a Markdown file can make the parser do, applied to the text before any parser
 * sees it. marked recurses once per level of block nesting (a line of `- ` × 1200, or `> ` × 3000,
 * exhausts the stack) and takes cubic time in nested-list depth; heading regexes backtrack over
 * long runs of spaces. Nothing here changes an ordinary article.
 */

/** Deepest nesting of block quotes and list items on one line that is still parsed as such. */
export const maxNesting = 32;
/** Leading indentation kept, in columns: deeper indentation only adds nesting no one can read. */
export const maxIndent = 128;
/** A run of non-blank lines longer than this is split by a blank line: marked's paragraph regexes overflow the stack past about 8 MB. */
export const maxBlockLength = 4_000_000;
/** Longer lines are broken (at a space when there is one): marked's regexes overflow the stack on a line of megabytes. */
export const maxLineLength = 65_536;

// A container marker at the start of what is left of a line: `>`, `-`/`*`/`+` or `1.`/`1)` + a space.
const containerMarker = /^ {0,3}(?:>|[*+-](?= |$)|\d{1,9}[.)](?= |$)) ?/;
const atxHeading = /^ {0,3}#{1,6}(?: |$)/;

/**
 * `text` (LF line ends, tabs expanded) with every line's container nesting cut to `maxNesting`
 * (the marker after that is escaped, so the rest reads as text), leading indentation cut to
 * `maxIndent`, runs of spaces in ATX headings collapsed to one, and lines longer than
 * `maxLineLength` broken (in a paragraph a line break reads as a space). Only the nesting cut,
 * which shows markers as text, is worth a warning.
 */
export function guardMarkdown(text: string): {text: string; warnings: string[]} {
	if (!needsGuard(text)) {
		return {text, warnings: []};
	}

	const cuts = new Set<string>();
	const output: string[] = [];
	let block = 0;
	for (const line of text.split('\n')) {
		for (const piece of guardLine(line, cuts)) {
			block = piece.trim() === '' ? 0 : block + piece.length + 1;
			if (block > maxBlockLength) {
				output.push('');
				block = piece.length + 1;
			}

			output.push(piece);
		}
	}

	return {text: output.join('\n'), warnings: [...cuts]};
}

/** Cheap test: only lines with many markers, deep indentation or space runs in a heading need work. */
function needsGuard(text: string): boolean {
	return / {32}|(?:[>*+-] ){16}/.test(text) || text.length > maxBlockLength || longestLine(text) > maxLineLength;
}

function longestLine(text: string): number {
	if (text.length <= maxLineLength) {
		return text.length;
	}

	let longest = 0;
	for (let start = 0; start < text.length;) {
		const end = text.indexOf('\n', start);
		const stop = end === -1 ? text.length : end;
		longest = Math.max(longest, stop - start);
		start = stop + 1;
	}

	return longest;
}

function breakLongLine(line: string): string[] {
	const pieces: string[] = [];
	let rest = line;
	while (rest.length > maxLineLength) {
		const space = rest.lastIndexOf(' ', maxLineLength);
		const at = space > maxLineLength / 2 ? space : maxLineLength;
		pieces.push(rest.slice(0, at));
		rest = rest.slice(space === at ? at + 1 : at);
	}

	pieces.push(rest);
	return pieces;
}

function guardLine(line: string, cuts: Set<string>): string[] {
	let rest = line;
	let indent = 0;
	while (indent < rest.length && rest.codePointAt(indent) === 32) {
		indent++;
	}

	if (indent > maxIndent) {
		rest = rest.slice(indent - maxIndent);
	}

	let prefix = '';
	for (let depth = 0; ; depth++) {
		const marker = containerMarker.exec(rest);
		if (!marker) {
			break;
		}

		if (depth >= maxNesting) {
			cuts.add(`lists and quotes nested deeper than ${maxNesting} levels are shown as text`);
			const at = marker[0].search(/\S/);
			rest = `${rest.slice(0, at)}\\${rest.slice(at)}`;
			break;
		}

		prefix += marker[0];
		rest = rest.slice(marker[0].length);
	}

	if (atxHeading.test(rest) && rest.includes('  ')) {
		rest = rest.replace(/ {2,}/g, ' ');
	}

	const guarded = prefix + rest;
	if (guarded.length > maxLineLength) {
		return breakLongLine(guarded);
	}

	return [guarded];
}
