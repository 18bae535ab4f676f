import type {ArticleInfo} from '../../core/article/article.js';
import {CatalogCache, catalogCacheFile} from './catalog-cache.js';
import {FolioError} from '../../core/errors.js';
import {messageName} from '../../core/text/sanitize.js';
import {scanLibrary, type SkippedFile} from './library.js';
import {maxBytes, megabytes} from './limits.js';

/** Every readable article of a library with its listing details, and what was skipped. */
export type Catalog = {
	directory: string;
	articles: Array<ArticleInfo & {path: string; stateKey: string}>;
	skipped: SkippedFile[];
};

/**
 * Read the listing details of every article in a library folder, from the cache for files whose
 * size and mtime have not changed. Unreadable, binary and unparsable files are skipped (and
 * reported), never fatal. The parser (YAML, marked) is loaded only when a file has to be read: a library whose
 * cache is warm opens without it.
 */
export async function loadLibraryInfo(directory: string, env: NodeJS.ProcessEnv): Promise<Catalog> {
	const library = scanLibrary(directory);
	const cache = new CatalogCache(catalogCacheFile(library.directory, env));
	const articles: Catalog['articles'] = [];
	const skipped = [...library.skipped];
	const limit = maxBytes(env);
	for (const file of library.files) {
		if (file.size > limit) {
			skipped.push({path: file.path, reason: `${megabytes(file.size)}, above the ${megabytes(limit)} limit (raise FOLIO_MAX_BYTES to read it)`});
			continue;
		}

		const cached = cache.get(file.path, file.size, file.mtimeMs);
		if (cached) {
			articles.push({...cached.info, id: file.id, path: file.path, warnings: cached.warnings, stateKey: file.realPath});
			continue;
		}

		try {
			const {loadArticleInfo} = await import('./source.js');
			const {id: _id, path: _path, warnings, ...info} = loadArticleInfo(file, limit);
			articles.push({...info, id: file.id, path: file.path, warnings, stateKey: file.realPath});
			cache.set(file.path, {size: file.size, mtimeMs: file.mtimeMs, info, warnings});
		} catch (error) {
			// One bad file never stops the listing: whatever went wrong, it is skipped and named.
			skipped.push({path: file.path, reason: error instanceof FolioError ? error.message : `could not be read (${messageName(error instanceof Error ? error.message : String(error))})`});
		}
	}

	cache.save(library.files.map(file => file.path));
	return {directory: library.directory, articles, skipped};
}
