import {decodeHTML} from 'entities';

/** One example of the CommonMark spec (or a GFM case of ours): Markdown in, reference HTML out. */
export type Example = {number: number; section: string; markdown: string; html: string};

/** The spec writes tabs as `→` in its examples. */
export function specText(text: string): string {
	return text.replaceAll('→', '\t');
}

/**
 * The words a browser shows for a reference HTML fragment, in order: tags, comments, processing
 * instructions, declarations and the inside of script/style removed, entities decoded.
 */
export function referenceWords(html: string): string[] {
	const text = html
		.replace(/<(script|style)\b[\s\S]*?(?:<\/\1>|$)/gi, ' ')
		.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Z][\s\S]*?>|<!\[CDATA\[[\s\S]*?\]\]>/g, ' ')
		.replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
	return decodeHTML(text).split(/\s+/).filter(Boolean);
}

/**
 * The numbers an ordered list's items must show, in document order: each `<ol>` counts from
 * its `start` (1 without one), item by item, nested lists included.
 */
export function referenceNumbers(html: string): number[] {
	const numbers: number[] = [];
	const stack: Array<number | undefined> = [];
	for (const match of html.matchAll(/<(\/?)(ol|ul|li)\b([^>]*)>/g)) {
		const [, closing, tag, attributes] = match;
		if (tag === 'li') {
			if (!closing && stack.length > 0) {
				const next = stack.at(-1);
				if (next !== undefined) {
					numbers.push(next);
					stack[stack.length - 1] = next + 1;
				}
			}
		} else if (closing) {
			stack.pop();
		} else {
			stack.push(tag === 'ol' ? Number(/start="(\d+)"/.exec(attributes)?.[1] ?? 1) : undefined);
		}
	}

	return numbers;
}

/**
 * Ordered-list markers at the start of output lines, after indentation and quote bars, including
 * markers of lists that start on the same line as their parent item (`1. • 2. foo`).
 */
export function outputNumbers(output: string): number[] {
	return [...output.matchAll(/^[ │]*((?:(?:\d{1,9}[.)]|[•◦▪☐☑])(?: +|$))+)/gm)]
		.flatMap(match => [...match[1].matchAll(/(\d{1,9})[.)]/g)].map(number => Number(number[1])));
}

export type Verdict = {pass: boolean; reason?: string};

/** Does folio's plain output keep every word of the reference in order, and the list numbers? */
export function judge(example: Example, output: string): Verdict {
	let position = 0;
	for (const word of referenceWords(specText(example.html))) {
		const found = output.indexOf(word, position);
		if (found === -1) {
			return {pass: false, reason: `missing ${JSON.stringify(word)} after column ${position}`};
		}

		position = found + word.length;
	}

	const expected = referenceNumbers(example.html);
	if (expected.length > 0) {
		const shown = outputNumbers(output);
		if (shown.join(',') !== expected.join(',')) {
			return {pass: false, reason: `list numbers ${shown.join(',')} instead of ${expected.join(',')}`};
		}
	}

	return {pass: true};
}
