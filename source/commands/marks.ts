import {UsageError} from '../core/errors.js';
import {sortedMarks} from '../core/reader/marks.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {articleStateKey} from '../node/state/article-key.js';
import {openStore} from '../node/state/store.js';
import {warn, type CommandContext} from './context.js';
import {openArticle} from './open-article.js';
import {PipeWriter} from './output.js';

export type MarksOptions = {article: string; json: boolean};

/**
 * `folio marks ARTICLE`: the marks set in the reader with `m` + letter, one a line (letter,
 * section slug, section title, percent through the article), or as JSON.
 */
export async function marksCommand(context: CommandContext, options: MarksOptions): Promise<number> {
	if (options.article === '-') {
		throw new UsageError('an article read from stdin has no marks: give an id or a .md file');
	}

	const article = await openArticle(context, options.article);
	const store = openStore({profile: context.profile, env: context.env, library: context.libraryFolder});
	for (const warning of store.warnings) {
		warn(context, warning);
	}

	const titles = new Map(article.outline.sections.map(section => [section.slug, section.title]));
	const marks = sortedMarks((article.origin.kind === 'stdin' ? undefined : store.get(articleStateKey(article.origin.path)))?.marks ?? {}).map(([mark, place]) => ({
		mark,
		slug: place.slug === undefined ? null : sanitizeLine(place.slug),
		section: place.slug === undefined ? null : titles.get(place.slug) ?? null,
		fraction: place.fraction,
		percent: place.percent,
	}));
	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		await writer.text(JSON.stringify(marks, null, 2) + '\n');
	} else {
		for (const mark of marks) {
			await writer.line([mark.mark, mark.slug ?? '-', mark.section ?? (mark.slug === null ? '(before the first heading)' : '(section gone)'), `${Math.round(mark.percent)}%`].join('\t'));
		}
	}

	await writer.end();
	return 0;
}
