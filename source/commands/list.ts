import {listLibrary} from '../node/library/listing.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {openStore} from '../node/state/store.js';
import type {CommandContext} from './context.js';
import {warn} from './context.js';
import {articleFields} from './article-json.js';
import {PipeWriter} from './output.js';

export type ListOptions = {json: boolean};

/**
 * `folio list`: one line per article (id, title, category, date, minutes); tab-separated when
 * piped, aligned on a terminal; `--json` for scripts.
 */
export async function listCommand(context: CommandContext, options: ListOptions): Promise<number> {
	const store = openStore({profile: context.profile, env: context.env, library: context.libraryFolder});
	const {articles, skipped} = await listLibrary(context.libraryFolder, context.env, store);
	for (const entry of skipped) {
		warn(context, `skipped ${sanitizeLine(entry.path)}: ${entry.reason}`);
	}

	for (const article of articles) {
		for (const warning of article.warnings) {
			warn(context, `${sanitizeLine(article.id)}: ${warning}`);
		}
	}

	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		const rows = articles.map(article => ({
			id: sanitizeLine(article.id),
			path: sanitizeLine(article.path),
			...articleFields(article),
			views: article.views,
			progress: article.progress,
			lastRead: article.lastRead ?? null,
		}));
		await writer.text(JSON.stringify(rows, null, 2) + '\n');
		await writer.end();
		return 0;
	}

	const rows = articles.map(article => [sanitizeLine(article.id), article.title, article.category ?? '-', article.date ?? '-', `${article.minutes} min`]);
	const widths = [0, 0, 0, 0];
	for (const row of rows) {
		for (const column of [0, 1, 2, 3]) {
			widths[column] = Math.min(40, Math.max(widths[column], row[column].length));
		}
	}

	const format = context.stdout.isTTY
		? (row: string[]) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd()
		: (row: string[]) => row.join('\t');
	await writer.text(rows.map(row => format(row) + '\n').join(''));

	await writer.end();
	return 0;
}
