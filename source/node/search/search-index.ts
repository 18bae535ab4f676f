import path from 'node:path';
import {createEngine, type SearchEngine} from '../../core/search/engine.js';
import {searchDocument} from '../../core/search/document.js';
import {FolioError} from '../../core/errors.js';
import {libraryCacheFile} from '../library/catalog-cache.js';
import {scanLibrary, type LibraryEntry} from '../library/library.js';
import {maxBytes} from '../library/limits.js';
import {readStoredIndex, writeStoredIndex, type IndexedFiles} from './index-file.js';

/** A library's search index, brought up to date with the files on disk. */
export type LibraryIndex = {
	directory: string;
	engine: SearchEngine;
	/** The library's files by their key in the index (their path inside the folder). */
	entries: Map<string, LibraryEntry>;
	/** Files read to bring the index up to date (0 when it was current). */
	updated: number;
};

/** Discarded documents tolerated in a saved index before it is compacted. */
const dirtAllowed = 0.1;

/**
 * Open the search index of a library folder: load it from the cache, then re-read only the
 * files whose size or mtime changed, add new ones and drop those that are gone, and save it
 * back when anything changed. A missing, corrupt or foreign cache is rebuilt from the files.
 * Unreadable, binary or too-large files are left out of the index.
 */
export async function openLibraryIndex(directory: string, environment: NodeJS.ProcessEnv = process.env): Promise<LibraryIndex> {
	const library = scanLibrary(directory);
	const limit = maxBytes(environment);
	const entries = new Map(library.entries.map(entry => [indexKey(library.directory, entry), entry]));
	const file = libraryCacheFile(library.directory, 'search', environment);
	const textBytes = library.entries.reduce((total, entry) => total + entry.size, 0);
	const stored = file ? readStoredIndex(file, library.directory, (8 * textBytes) + (1024 * 1024)) : undefined;
	const engine = stored?.engine ?? createEngine();
	const files: IndexedFiles = stored?.files ?? new Map();
	let changed = !stored;
	let updated = 0;

	for (const key of [...files.keys()]) {
		if (!entries.has(key)) {
			engine.discard(key);
			files.delete(key);
			changed = true;
		}
	}

	for (const [key, entry] of entries) {
		const known = files.get(key);
		if (known && known.size === entry.size && known.mtimeMs === entry.mtimeMs) {
			continue;
		}

		changed = true;
		updated++;
		if (known) {
			engine.discard(key);
			files.delete(key);
		}

		if (entry.size > limit) {
			continue;
		}

		const document = await readDocument(key, entry, limit);
		if (document) {
			engine.add(document);
			files.set(key, {size: entry.size, mtimeMs: entry.mtimeMs});
		}
	}

	if (changed && file) {
		if (engine.dirtCount > Math.max(16, dirtAllowed * engine.documentCount)) {
			await engine.vacuum({batchSize: 100_000, batchWait: 0});
		}

		writeStoredIndex(file, library.directory, {engine, files});
	}

	return {directory: library.directory, engine, entries, updated};
}

/** A file's key in the index: its path inside the library folder, `/`-separated. */
export function indexKey(directory: string, entry: LibraryEntry): string {
	return path.relative(directory, entry.path).split(path.sep).join('/');
}

async function readDocument(key: string, entry: LibraryEntry, limit: number) {
	const {loadArticle} = await import('../library/source.js');
	try {
		return searchDocument(key, loadArticle({origin: {kind: 'library', id: entry.id, path: entry.path}}, limit));
	} catch (error) {
		if (error instanceof FolioError) {
			return undefined;
		}

		throw error;
	}
}
