import {existsSync} from 'node:fs';
import {loadLibraryInfo} from '../node/library/catalog.js';
import {readingStats} from '../node/library/listing.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {loadTextWidthFor} from '../core/text/text-width.js';
import {openStore, stateFilePath, type StateStore} from '../node/state/store.js';
import {cleanEntry} from '../node/state/store-schema.js';
import {warn, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';
import {alignColumns} from './columns.js';

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
		if (terminal && rows.length > 0) {
			await loadTextWidthFor(rows.map(row => row.article).join('\n'));
			const cells = rows.map(row => [row.article, count(row.views, 'view'), progressLabel(row.progress), row.lastRead ? localTime(row.lastRead) : '-']);
			for (const line of alignColumns([['article', 'views', 'progress', 'last read'], ...cells], [false, true, true, false], {columns: context.stdout.columns || 80, shrink: [0]})) {
				await writer.line(line);
			}
		} else {
			// A pipe gets data only: views and percent read as whole numbers (99.6% is not done), ISO times, as in --json.
			for (const row of rows) {
				await writer.line([row.article, String(row.views), String(Math.floor(row.progress)), row.lastRead ?? '-'].join('\t'));
			}
		}

		const lost = forgotten.positions + forgotten.articles > 0 ? `forgotten to stay within the limits: ${count(forgotten.positions, 'position')} (views kept), ${count(forgotten.articles, 'article')}` : undefined;
		if (terminal) {
			// The totals and the state file are for a person reading the terminal; --json has them for scripts.
			await writer.line(nothingYet ? 'No reading state yet: open an article with folio ARTICLE.' : `${count(totals.articles, 'article')}, ${count(totals.views, 'view')}, ${totals.finished} finished`);
			await writer.line(`state: ${sanitizeLine(file)}${store ? (writable ? '' : ' (read-only)') : ' (not created yet)'}${options.all || !store ? '' : ' (this library; --all for every library)'}`);
			if (lost) {
				await writer.line(lost);
			}
		} else if (lost) {
			// Something lost is a warning wherever the rows go.
			warn(context, lost);
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

