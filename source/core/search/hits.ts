import type {Section} from '../markdown/outline.js';
import type {MatchRange, QueryMatcher} from './match.js';

/** Longest snippet, in characters. */
export const maxSnippet = 160;

/** One place an article matched: a section's best line. */
export type SearchHit = {
	/** The section's heading, or '' before the first heading or for a match in the front matter. */
	section: string;
	slug: string;
	/**
	 * 0-based line of the match in the plain rendering the hits were found in (`folio cat ID
	 * --format plain --width 80`); null when the match is in the title, tags or summary only.
	 */
	line: number | null;
	/** Plain text around the match, at most `maxSnippet` characters. */
	snippet: string;
	/** Where the query matched in `snippet`, `[start, end)`. */
	highlights: Array<[number, number]>;
};

/** An article's rendering, as far as search needs it. */
export type RenderedText = {lines: string[]; sectionStarts: number[]; sections: Section[]};

/** The front matter fields a match may be in when the text has none. */
export type ArticleFields = {title: string; tags: string[]; summary?: string};

/**
 * Where a query matches in one article: for each section with a match, the line that matches
 * the most terms (the first of those). Undefined when some term matches neither the text nor
 * the title, tags or summary: the index only proposes articles, the text decides.
 */
export function findHits(rendered: RenderedText, fields: ArticleFields, matcher: QueryMatcher): SearchHit[] | undefined {
	const {lines} = rendered;
	const lineStarts: number[] = [];
	let offset = 0;
	for (const line of lines) {
		lineStarts.push(offset);
		offset += line.length + 1;
	}

	const text = lines.join('\n');
	const ranges = matcher.find(text);
	const fieldText = [fields.title, fields.tags.join(', '), fields.summary ?? ''];
	const found = new Set(ranges.map(range => range.term));
	for (const value of fieldText) {
		for (const term of matcher.termsIn(value)) {
			found.add(term);
		}
	}

	if (found.size < matcher.query.terms.length) {
		return undefined;
	}

	const byLine = new Map<number, MatchRange[]>();
	for (const range of ranges) {
		const line = lineOf(lineStarts, range.start);
		byLine.set(line, [...(byLine.get(line) ?? []), range]);
	}

	const best = new Map<number, number>();
	for (const [line, lineRanges] of byLine) {
		const section = sectionOf(rendered.sectionStarts, line);
		const current = best.get(section);
		const terms = new Set(lineRanges.map(range => range.term)).size;
		if (current === undefined || terms > new Set(byLine.get(current)!.map(range => range.term)).size) {
			best.set(section, line);
		}
	}

	const hits = [...best.entries()]
		.sort((a, b) => a[1] - b[1])
		.map(([section, line]) => {
			const heading = rendered.sections[section];
			const {snippet, highlights} = lineSnippet(text, lineStarts, line, byLine.get(line)!);
			return {section: heading?.title ?? '', slug: heading?.slug ?? '', line, snippet, highlights};
		});
	if (hits.length > 0) {
		return hits;
	}

	const field = fieldText.find(value => matcher.find(value).length > 0) ?? fields.title;
	return [{section: '', slug: '', line: null, ...cutSnippet(field, matcher.find(field))}];
}

/** The index of the line holding `offset` (binary search over line starts). */
function lineOf(lineStarts: number[], offset: number): number {
	let low = 0;
	let high = lineStarts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (lineStarts[middle] <= offset) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return low;
}

/** The section a line belongs to: the last whose heading starts at or above it, -1 before any. */
function sectionOf(sectionStarts: number[], line: number): number {
	let section = -1;
	for (const [index, start] of sectionStarts.entries()) {
		if (start >= 0 && start <= line) {
			section = index;
		}
	}

	return section;
}

/** A line as a snippet, with the next line too when a match runs onto it (a wrapped phrase). */
function lineSnippet(text: string, lineStarts: number[], line: number, ranges: MatchRange[]): Pick<SearchHit, 'snippet' | 'highlights'> {
	const start = lineStarts[line];
	const lineEnd = (lineStarts[line + 1] ?? text.length + 1) - 1;
	const matchEnd = Math.max(...ranges.map(range => range.end));
	const end = matchEnd > lineEnd ? (lineStarts[line + 2] ?? text.length + 1) - 1 : lineEnd;
	const piece = text.slice(start, end).replaceAll('\n', ' ');
	return cutSnippet(piece, ranges.map(range => ({...range, start: range.start - start, end: Math.min(range.end, end) - start})));
}

/** Trim a text to at most `maxSnippet` characters around its first match. */
function cutSnippet(text: string, ranges: MatchRange[]): Pick<SearchHit, 'snippet' | 'highlights'> {
	const leading = text.length - text.trimStart().length;
	let from = leading;
	let to = text.trimEnd().length;
	const first = ranges[0];
	if (to - from > maxSnippet) {
		const before = Math.max(0, Math.floor((maxSnippet - (first ? first.end - first.start : 0)) / 3));
		from = Math.max(from, first ? first.start - before : from);
		to = Math.min(to, from + maxSnippet);
	}

	const snippet = text.slice(from, to);
	const highlights: Array<[number, number]> = [];
	for (const range of ranges) {
		const start = Math.max(0, range.start - from);
		const end = Math.min(snippet.length, range.end - from);
		if (end > start) {
			highlights.push([start, end]);
		}
	}

	return {snippet, highlights};
}
