import {findCandidates} from '../../core/search/engine.js';
import {readableText} from '../../core/search/document.js';
import {findHits, type SearchHit} from '../../core/search/hits.js';
import {QueryMatcher} from '../../core/search/match.js';
import type {SearchQuery} from '../../core/search/query.js';
import {RenderedArticle} from '../../core/markdown/render.js';
import {loadTextWidthFor} from '../../core/text/text-width.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {FolioError} from '../../core/errors.js';
import {loadArticle} from '../library/source.js';
import {maxBytes} from '../library/limits.js';
import type {LibraryIndex} from './search-index.js';

/** The width hits' lines are counted at: `folio cat ID --format plain --width 80`. */
export const hitWidth = 80;

export type SearchLibraryOptions = {
	/** Stop looking once aborted: the results so far are returned. */
	signal?: AbortSignal;
	/** Let the event loop run between articles (for a screen that searches as the user types). */
	yieldEach?: boolean;
};

/** One article that matched, with where. */
export type ArticleResult = {id: string; title: string; score: number; hits: SearchHit[]};

/**
 * The best `limit` articles for a query, each with its hits found in its own plain rendering
 * at `hitWidth` columns — the rendering `folio cat` prints — so every line number and snippet
 * is what a reader sees. Articles the index proposes but whose text does not hold every term
 * (a phrase out of order, a file changed since) are passed over.
 */
export async function searchLibrary(index: LibraryIndex, query: SearchQuery, limit: number, environment: NodeJS.ProcessEnv = process.env, options: SearchLibraryOptions = {}): Promise<ArticleResult[]> {
	const matcher = new QueryMatcher(query);
	const results: ArticleResult[] = [];
	const bytes = maxBytes(environment);
	for (const candidate of findCandidates(index.engine, query)) {
		if (results.length >= limit || options.signal?.aborted) {
			break;
		}

		if (options.yieldEach) {
			// One article at a time: keys typed meanwhile are read (and may abort this search).
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}

		const entry = index.entries.get(candidate.id);
		if (!entry) {
			continue;
		}

		let article;
		try {
			article = loadArticle({origin: {kind: 'library', id: entry.id, path: entry.path}}, bytes);
		} catch (error) {
			if (error instanceof FolioError) {
				continue;
			}

			throw error;
		}

		// Cheap first: the source must hold every term before the article is rendered.
		const fields = {title: article.title, tags: article.tags, summary: article.summary};
		const source = [readableText(article.body), article.title, article.tags.join(' '), article.summary ?? ''].join('\n');
		if (matcher.termsIn(source).size < query.terms.length) {
			continue;
		}

		await loadTextWidthFor(article.body, article.title, article.summary);
		const rendered = new RenderedArticle(article, {width: hitWidth, style: 'plain'}).renderAll();
		const hits = findHits({lines: rendered.lines, sectionStarts: rendered.sectionStarts, sections: article.outline.sections}, fields, matcher);
		if (hits) {
			results.push({id: sanitizeLine(entry.id), title: article.title, score: candidate.score, hits});
		}
	}

	return results;
}
