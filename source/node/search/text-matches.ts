import type {TextMatch} from '../../core/library/library-state.js';
import {parseQuery} from '../../core/search/query.js';
import {openLibraryIndex, type LibraryIndex} from './search-index.js';
import {searchLibrary} from './library-search.js';

/** Articles, and places in each, a library screen lists for one filter. */
const articleLimit = 20;
const hitsPerArticle = 3;

/**
 * Text matches for the library screen, as `folio search` finds them: the index is opened (and
 * brought up to date) with the first search and kept; `refresh` has it checked again against
 * the files at the next search. A search yields to input between articles and stops early
 * when `signal` is aborted (the filter changed meanwhile).
 */
export function libraryTextSearch(directory: string, environment: NodeJS.ProcessEnv) {
	let index: Promise<LibraryIndex> | undefined;
	return {
		async find(filter: string, signal: AbortSignal): Promise<TextMatch[]> {
			const query = parseQuery(filter);
			if (query.terms.length === 0) {
				return [];
			}

			index ??= openLibraryIndex(directory, environment);
			const opened = await index.catch((error: unknown) => {
				index = undefined;
				throw error;
			});
			if (signal.aborted) {
				return [];
			}

			const results = await searchLibrary(opened, query, articleLimit, environment, {signal, yieldEach: true});
			return results.flatMap(result => result.hits.slice(0, hitsPerArticle).map(hit => ({
				id: result.id,
				title: result.title,
				section: hit.section,
				slug: hit.slug,
				snippet: hit.snippet,
				highlights: hit.highlights,
			})));
		},
		refresh() {
			index = undefined;
		},
	};
}
