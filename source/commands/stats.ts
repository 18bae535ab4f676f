import {existsSync} from 'node:fs';
import {loadLibraryInfo} from '../node/library/catalog.js';
import {readingStats} from '../node/library/listing.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {loadTextWidthFor, stringWidth} from '../core/text/text-width.js';
import {openStore, stateFilePath, type StateStore} from '../node/state/store.js';
import {cleanEntry} from '../node/state/store-schema.js';
import {warn, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';

export type StatsOptions = {json: boolean; all?: boolean};

type Row = {article: string; title: string | null; views: number; progress: number; lastRead: string | null};

/**
 * `folio stats`: per article views, progress and last read, totals, and the state file in use.
 * Only the current library's articles, unless `--all`: then every article with state (those of
 * other libraries or deleted by their path, an older folio's not yet matched by id). On a
 * terminal the columns are aligned and times are local; in a pipe rows are tab-separated and
 * times ISO, as in `--json`. A state file that does not exist is not created.
 */
export async function statsCommand(context: CommandContext, options: StatsOptions): Promise<number> {
	const file = stateFilePath({profile: context.profile, env: context.env});
	const store = existsSync(file) ? openStore({profile: context.profile, env: context.env, library: context.libraryFolder}) : undefined;
	for (const warning of store?.warnings ?? []) {
		warn(context, warning);
	}

	const rows = await statsRows(context, store, options.all ?? false);
	const nothingYet = !store || (Object.keys(store.all()).length === 0 && Object.keys(store.unclaimed()).length === 0);
	const totals = {
		articles: rows.length,
		views: rows.reduce((sum, row) => sum + row.views, 0),
		finished: rows.filter(row => row.progress >= 100).length,
	};
	const writable = store?.writable ?? true;
	const forgotten = store?.forgotten() ?? {positions: 0, articles: 0};
	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		await writer.text(JSON.stringify({store: sanitizeLine(file), writable, library: options.all ? null : sanitizeLine(context.libraryFolder), forgotten, totals, articles: rows}, null, 2) + '\n');
	} else {
		const terminal = context.stdout.isTTY === true;
		const cells = rows.map(row => [row.article, count(row.views, 'view'), progressLabel(row.progress), row.lastRead ? (terminal ? localTime(row.lastRead) : row.lastRead) : '-']);
		if (terminal && cells.length > 0) {
			await loadTextWidthFor(...rows.map(row => row.article));
			for (const line of alignColumns([['article', 'views', 'progress', 'last read'], ...cells], [false, true, true, false])) {
				await writer.line(line);
			}
		} else {
			for (const row of cells) {
				await writer.line(row.join('\t'));
			}
		}

		await writer.line(nothingYet
			? 'No reading state yet: open an article with folio ARTICLE.'
			: `${count(totals.articles, 'article')}, ${count(totals.views, 'view')}, ${totals.finished} finished`);
		await writer.line(`state: ${sanitizeLine(file)}${store ? (writable ? '' : ' (read-only)') : ' (not created yet)'}${options.all || !store ? '' : ' (this library; --all for every library)'}`);
		if (forgotten.positions + forgotten.articles > 0) {
			await writer.line(`forgotten to stay within the limits: ${count(forgotten.positions, 'position')} (views kept), ${count(forgotten.articles, 'article')}`);
		}
	}

	await writer.end();
	return 0;
}

/** The rows for this library (or every one with `all`); the library is read even without state, so a missing folder is an error. */
async function statsRows(context: CommandContext, store: StateStore | undefined, all: boolean): Promise<Row[]> {
	const library = new Map<string, {id: string; title: string}>();
	try {
		for (const article of (await loadLibraryInfo(context.libraryFolder, context.env)).articles) {
			library.set(article.stateKey, article);
		}
	} catch (error) {
		// With --all, stats still report the store when the library folder is gone.
		if (!all) {
			throw error;
		}
	}

	if (!store) {
		return [];
	}

	const state = Object.entries(store.all()).filter(([key]) => all || library.has(key));
	if (all) {
		state.push(...Object.entries(store.unclaimed()));
	}

	return state
		.map(([key, raw]) => {
			const {views, progress, lastRead} = readingStats(cleanEntry(raw));
			return {article: sanitizeLine(library.get(key)?.id ?? key), title: library.get(key)?.title ?? null, views, progress, lastRead: lastRead ? sanitizeLine(lastRead) : null};
		})
		.sort((a, b) => (b.lastRead ?? '').localeCompare(a.lastRead ?? '') || a.article.localeCompare(b.article));
}

/** `42%`, or `done` at the end. */
export function progressLabel(percent: number): string {
	return percent >= 100 ? 'done' : `${Math.round(percent)}%`;
}

/** `1 view`, `2 views`, `0 views`. */
export function count(value: number, noun: string): string {
	return `${value} ${value === 1 ? noun : `${noun}s`}`;
}

/** An ISO time as local `2026-11-30 14:05`, or the text itself when it is not a time. */
export function localTime(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) {
		return sanitizeLine(iso);
	}

	const two = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Rows of cells padded to their column's widest cell (by display width); `right` columns align right. */
export function alignColumns(rows: string[][], right: boolean[]): string[] {
	const widths = rows[0].map((_, column) => Math.max(...rows.map(row => stringWidth(row[column] ?? ''))));
	return rows.map(row => row.map((cell, column) => {
		const pad = ' '.repeat(widths[column] - stringWidth(cell));
		if (column === row.length - 1 && !right[column]) {
			return cell;
		}

		return right[column] ? pad + cell : cell + pad;
	}).join('  '));
}
