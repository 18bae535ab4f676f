import {UsageError} from '../core/errors.js';
import {parseQueryArguments} from '../core/search/query.js';
import type {SearchHit} from '../core/search/hits.js';
import {loadTextWidth, stringWidth, truncate} from '../core/text/text-width.js';
import {openLibraryIndex} from '../node/search/search-index.js';
import {searchLibrary, type ArticleResult} from '../node/search/library-search.js';
import {outputStyle, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';

export type SearchOptions = {words: string[]; json: boolean; limit?: string; /** --color / --no-color; undefined lets the terminal and NO_COLOR decide. */ color?: boolean};

/** Articles shown when --limit is not given. */
export const defaultLimit = 20;

/**
 * `folio search QUERY…`: the library's articles that hold every word, best first, one line per
 * section that matches (id, section, line, snippet): tab-separated in a pipe, aligned and
 * highlighted on a terminal, or `--json`. Exits 1 when nothing matches, like grep.
 */
export async function searchCommand(context: CommandContext, options: SearchOptions): Promise<number> {
	const limit = parseLimit(options.limit);
	const query = parseQueryArguments(options.words);
	if (options.words.length === 0) {
		throw new UsageError('Expected a QUERY for folio search: folio search WORD… (folio --help)');
	}

	if (query.terms.length === 0) {
		throw new UsageError('Expected a QUERY with a letter or digit in it, got only spaces or punctuation');
	}

	const index = await openLibraryIndex(context.libraryFolder, context.env, {only: query});
	const results = await searchLibrary(index, query, limit, context.env);
	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		await writer.text(JSON.stringify(jsonRows(results), null, 2) + '\n');
	} else if (context.stdout.isTTY) {
		await loadTextWidth();
		await writer.text(terminalLines(results, context.stdout.columns || 80, outputStyle(context, options.color) === 'ansi'));
	} else {
		for (const result of results) {
			for (const hit of result.hits) {
				await writer.line([result.id, hit.section, hit.line === null ? '-' : String(hit.line + 1), hit.snippet].map(cell => cell.replaceAll('\t', ' ')).join('\t'));
			}
		}
	}

	await writer.end();
	return results.length > 0 ? 0 : 1;
}

function parseLimit(value: string | undefined): number {
	if (value === undefined) {
		return defaultLimit;
	}

	if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
		throw new UsageError(`Expected --limit to be a whole number from 1 up, got ${JSON.stringify(value).slice(0, 40)}`);
	}

	return Number(value);
}

function jsonRows(results: ArticleResult[]) {
	return results.flatMap(result => result.hits.map(hit => ({
		id: result.id,
		title: result.title,
		section: hit.section,
		slug: hit.slug,
		line: hit.line,
		snippet: hit.snippet,
		score: Math.round(result.score * 1000) / 1000,
	})));
}

/** Hits as aligned columns that fit the terminal, the id shown once per article. */
function terminalLines(results: ArticleResult[], columns: number, color: boolean): string {
	const rows = results.flatMap(result => result.hits.map((hit, index) => ({id: index === 0 ? result.id : '', hit})));
	const lineWidth = Math.max(1, ...rows.map(row => String(row.hit.line ?? '-').length + 1));
	// Three two-space gaps and one column spare; the id and section give way to the snippet.
	const room = Math.max(12, columns - lineWidth - 7);
	const idWidth = Math.min(32, Math.floor(room * 0.3), Math.max(0, ...rows.map(row => stringWidth(row.id))));
	const sectionWidth = Math.min(28, Math.floor(room * 0.25), Math.max(0, ...rows.map(row => stringWidth(row.hit.section))));
	const snippetWidth = room - idWidth - sectionWidth;
	return rows.map(({id, hit}) => {
		const line = hit.line === null ? '-' : String(hit.line + 1);
		const cells = [pad(id, idWidth), pad(hit.section, sectionWidth), line.padStart(lineWidth)];
		return `${cells.join('  ')}  ${highlight(hit, snippetWidth, color)}\n`;
	}).join('');
}

function pad(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/** The snippet cut to `width` columns, its matches in bold yellow. */
function highlight(hit: SearchHit, width: number, color: boolean): string {
	let offset = 0;
	let visible = hit.snippet;
	if (stringWidth(hit.snippet) > width) {
		// Start a third of the way before the first match, at a word, marked with an ellipsis.
		const from = Math.max(0, (hit.highlights[0]?.[0] ?? 0) - Math.floor(width / 3));
		const space = from > 0 ? hit.snippet.indexOf(' ', from - 1) : -1;
		offset = space >= 0 && space < (hit.highlights[0]?.[0] ?? 0) ? space + 1 : from;
		visible = truncate((offset > 0 ? '…' : '') + hit.snippet.slice(offset), width);
		offset -= offset > 0 ? 1 : 0;
	}

	if (!color) {
		return visible;
	}

	let out = '';
	let at = 0;
	for (const [from, to] of hit.highlights) {
		const a = Math.max(at, from - offset);
		const b = Math.min(visible.length, to - offset);
		if (b <= a) {
			continue;
		}

		out += visible.slice(at, a) + '\u001B[1;33m' + visible.slice(a, b) + '\u001B[22;39m';
		at = b;
	}

	return out + visible.slice(at);
}
