import {loadLibraryInfo} from '../node/library/catalog.js';
import {readingStats} from '../node/library/listing.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {openStore} from '../node/state/store.js';
import {cleanEntry} from '../node/state/store-schema.js';
import {warn, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';

export type StatsOptions = {json: boolean; all?: boolean};

/**
 * `folio stats`: per article views, progress and last read, totals, and the state file in use.
 * Only the current library's articles, unless `--all`: then every article with state (those of
 * other libraries or deleted by their path, an older folio's not yet matched by id).
 */
export async function statsCommand(context: CommandContext, options: StatsOptions): Promise<number> {
	const store = openStore({profile: context.profile, env: context.env, library: context.libraryFolder});
	for (const warning of store.warnings) {
		warn(context, warning);
	}

	const library = new Map<string, {id: string; title: string}>();
	try {
		for (const article of (await loadLibraryInfo(context.libraryFolder, context.env)).articles) {
			library.set(article.stateKey, article);
		}
	} catch (error) {
		// With --all, stats still report the store when the library folder is gone.
		if (!options.all) {
			throw error;
		}
	}

	const state = Object.entries(store.all()).filter(([key]) => options.all || library.has(key));
	if (options.all) {
		state.push(...Object.entries(store.unclaimed()));
	}

	const rows = state
		.map(([key, raw]) => {
			const {views, progress, lastRead} = readingStats(cleanEntry(raw));
			return {article: sanitizeLine(library.get(key)?.id ?? key), title: library.get(key)?.title ?? null, views, progress, lastRead: lastRead ?? null};
		})
		.sort((a, b) => (b.lastRead ?? '').localeCompare(a.lastRead ?? '') || a.article.localeCompare(b.article));
	const totals = {
		articles: rows.length,
		views: rows.reduce((sum, row) => sum + row.views, 0),
		finished: rows.filter(row => row.progress >= 100).length,
	};
	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		await writer.text(JSON.stringify({store: sanitizeLine(store.path), writable: store.writable, library: options.all ? null : sanitizeLine(context.libraryFolder), forgotten: store.forgotten(), totals, articles: rows}, null, 2) + '\n');
	} else {
		for (const row of rows) {
			await writer.line([row.article, `${row.views} views`, progressLabel(row.progress), row.lastRead ?? '-'].join('\t'));
		}

		await writer.line(`${totals.articles} articles, ${totals.views} views, ${totals.finished} finished`);
		await writer.line(`state: ${sanitizeLine(store.path)}${store.writable ? '' : ' (read-only)'}${options.all ? '' : ' (this library; --all for every library)'}`);
		const {positions, articles} = store.forgotten();
		if (positions + articles > 0) {
			await writer.line(`forgotten to stay within the limits: ${positions} positions (views kept), ${articles} articles`);
		}
	}

	await writer.end();
	return 0;
}

/** `42%`, or `done` at the end. */
export function progressLabel(percent: number): string {
	return percent >= 100 ? 'done' : `${Math.round(percent)}%`;
}
