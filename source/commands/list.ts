import {listLibrary} from '../node/library/listing.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {openStore} from '../node/state/store.js';
import type {CommandContext} from './context.js';
import {warn} from './context.js';
import {articleFields} from './article-json.js';
import {PipeWriter} from './output.js';
import {alignColumns} from './columns.js';
import {loadTextWidthFor} from '../core/text/text-width.js';

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
	if (context.stdout.isTTY && rows.length > 0) {
		// Aligned as the terminal counts, and fitted to it: the title gives way, cut with …, so no row wraps.
		// One text, not one argument per cell: a spread of 150,000 cells overflows the stack.
		await loadTextWidthFor(rows.map(row => row.join('\t')).join('\n'));
		await writer.text(alignColumns(rows, [false, false, false, false, true], {columns: context.stdout.columns || 80, shrink: [1, 0]}).map(line => line + '\n').join(''));
	} else {
		await writer.text(rows.map(row => row.join('\t') + '\n').join(''));
	}

	await writer.end();
	return 0;
}
