import type {ArticleInfo} from './article.js';
import {FolioError} from './errors.js';
import {scanLibrary, type SkippedEntry} from './library.js';
import {loadArticleInfo} from './source.js';

/** Every readable article of a library with its listing details, and what was skipped. */
export type Catalog = {
	directory: string;
	articles: Array<ArticleInfo & {path: string; warnings: string[]}>;
	skipped: SkippedEntry[];
};

/**
 * Read the listing details of every article in a library folder. Unreadable and binary files are
 * skipped (and reported), never fatal.
 */
export function loadLibraryInfo(directory: string): Catalog {
	const library = scanLibrary(directory);
	const articles: Catalog['articles'] = [];
	const skipped = [...library.skipped];
	for (const entry of library.entries) {
		try {
			const info = loadArticleInfo(entry);
			articles.push({...info, path: entry.path});
		} catch (error) {
			if (!(error instanceof FolioError)) {
				throw error;
			}

			skipped.push({path: entry.path, reason: error.message});
		}
	}

	return {directory: library.directory, articles, skipped};
}
