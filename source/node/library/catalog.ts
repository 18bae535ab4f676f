import type {ArticleInfo} from '../../core/article/article.js';
import {CatalogCache, catalogCacheFile} from './catalog-cache.js';
import {FolioError} from '../../core/errors.js';
import {scanLibrary, type SkippedEntry} from './library.js';
import {maxBytes, megabytes} from './limits.js';

/** Every readable article of a library with its listing details, and what was skipped. */
export type Catalog = {
	directory: string;
	articles: Array<ArticleInfo & {path: string; warnings: string[]}>;
	skipped: SkippedEntry[];
};

/**
 * Read the listing details of every article in a library folder, from the cache for files whose
 * size and mtime have not changed. Unreadable and binary files are skipped (and reported), never
 * fatal. The parser (YAML, marked) is loaded only when a file has to be read: a library whose
 * cache is warm opens without it.
 */
export async function loadLibraryInfo(directory: string, environment: NodeJS.ProcessEnv = process.env): Promise<Catalog> {
	const library = scanLibrary(directory);
	const cache = new CatalogCache(catalogCacheFile(library.directory, environment));
	const articles: Catalog['articles'] = [];
	const skipped = [...library.skipped];
	const limit = maxBytes(environment);
	for (const entry of library.entries) {
		if (entry.size > limit) {
			skipped.push({path: entry.path, reason: `${megabytes(entry.size)}, above the ${megabytes(limit)} limit (raise FOLIO_MAX_BYTES to read it)`});
			continue;
		}

		const cached = cache.get(entry.path, entry.size, entry.mtimeMs);
		if (cached) {
			articles.push({...cached.info, id: entry.id, path: entry.path, warnings: cached.warnings});
			continue;
		}

		try {
			const {loadArticleInfo} = await import('./source.js');
			const {id: _id, path: _path, warnings, ...info} = loadArticleInfo(entry, limit);
			articles.push({...info, id: entry.id, path: entry.path, warnings});
			cache.set(entry.path, {size: entry.size, mtimeMs: entry.mtimeMs, info, warnings});
		} catch (error) {
			if (!(error instanceof FolioError)) {
				throw error;
			}

			skipped.push({path: entry.path, reason: error.message});
		}
	}

	cache.save(library.entries.map(entry => entry.path));
	return {directory: library.directory, articles, skipped};
}
