import {loadLibraryInfo} from '../node/library/catalog.js';
import {readingStats} from '../node/library/listing.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {openStore} from '../node/state/store.js';
import {warn, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';

export type StatsOptions = {json: boolean};

/**
 * `folio stats`: per article views, progress and last read, totals, and the state file in use.
 * Articles with state that are no longer in the library are listed too (by their key).
 */
export async function statsCommand(context: CommandContext, options: StatsOptions): Promise<number> {
	const store = openStore({profile: context.profile, env: context.env});
	for (const warning of store.warnings) {
		warn(context, warning);
	}

	const titles = new Map<string, string>();
	try {
		for (const article of (await loadLibraryInfo(context.libraryFolder, context.env)).articles) {
			titles.set(article.id, article.title);
		}
	} catch {
		// Stats still report the store when the library folder is gone.
	}

	const state = store.all();
	const rows = Object.entries(state)
		.map(([key, entry]) => {
			const {views, progress, lastRead} = readingStats(entry);
			return {article: sanitizeLine(key), title: titles.get(key) ?? null, views, progress, lastRead: lastRead ?? null};
		})
		.sort((a, b) => (b.lastRead ?? '').localeCompare(a.lastRead ?? '') || a.article.localeCompare(b.article));
	const totals = {
		articles: rows.length,
		views: rows.reduce((sum, row) => sum + row.views, 0),
		finished: rows.filter(row => row.progress >= 100).length,
	};
	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		await writer.text(JSON.stringify({store: sanitizeLine(store.path), writable: store.writable, totals, articles: rows}, null, 2) + '\n');
	} else {
		for (const row of rows) {
			await writer.line([row.article, `${row.views} views`, progressLabel(row.progress), row.lastRead ?? '-'].join('\t'));
		}

		await writer.line(`${totals.articles} articles, ${totals.views} views, ${totals.finished} finished`);
		await writer.line(`state: ${sanitizeLine(store.path)}${store.writable ? '' : ' (read-only)'}`);
	}

	await writer.end();
	return 0;
}

/** `42%`, or `done` at the end. */
export function progressLabel(percent: number): string {
	return percent >= 100 ? 'done' : `${Math.round(percent)}%`;
}
