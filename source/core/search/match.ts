import {foldWithOffsets, isIdeograph} from './fold.js';
import type {QueryTerm, SearchQuery} from './query.js';

/** Where a term matched in a text: `[start, end)` in the original (unfolded) text. */
export type MatchRange = {start: number; end: number; term: number};

const letter = '[\\p{L}\\p{N}]';
const gap = '[^\\p{L}\\p{N}]';

/**
 * The regular expression that finds a term in folded text: each word starts at a word boundary,
 * words follow each other with only spaces or punctuation between, and the last word is a
 * prefix unless the term is a quoted phrase. Ideographs need no boundary or gap.
 */
export function termPattern(term: QueryTerm): RegExp {
	const {tokens} = term;
	let source = startsWithIdeograph(tokens[0]) ? '' : `(?<!${letter})`;
	for (const [index, token] of tokens.entries()) {
		if (index > 0) {
			const joined = endsWithIdeograph(tokens[index - 1]) || startsWithIdeograph(token);
			source += joined ? `${gap}{0,8}` : `${gap}{1,8}`;
		}

		source += escapeRegExp(token);
	}

	const last = tokens.at(-1) ?? '';
	if (term.phrase && !endsWithIdeograph(last)) {
		source += `(?!${letter})`;
	}

	return new RegExp(source, 'gu');
}

/** A compiled query: find every term's matches in a text. */
export class QueryMatcher {
	private readonly patterns: RegExp[];

	constructor(readonly query: SearchQuery) {
		this.patterns = query.terms.map(term => termPattern(term));
	}

	/** Every match of every term in `text`, in text order, overlapping ranges kept. */
	find(text: string): MatchRange[] {
		const {folded, offsets} = foldWithOffsets(text);
		const ranges: MatchRange[] = [];
		for (const [term, pattern] of this.patterns.entries()) {
			pattern.lastIndex = 0;
			for (const match of folded.matchAll(pattern)) {
				const start = offsets[match.index];
				const end = offsets[match.index + match[0].length] ?? text.length;
				ranges.push({start, end: Math.max(end, start + 1), term});
			}
		}

		return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
	}

	/** The indices of the terms that match somewhere in `text`. */
	termsIn(text: string): Set<number> {
		return new Set(this.find(text).map(range => range.term));
	}
}

function startsWithIdeograph(token: string): boolean {
	const first = String.fromCodePoint(token.codePointAt(0) ?? 32);
	return isIdeograph(first);
}

function endsWithIdeograph(token: string): boolean {
	const last = [...token].at(-1) ?? ' ';
	return isIdeograph(last);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
