import path from 'node:path';
import {createEngine, type SearchEngine} from '../../core/search/engine.js';
import {searchDocument} from '../../core/search/document.js';
import {FolioError} from '../../core/errors.js';
import {libraryCacheFile} from '../library/catalog-cache.js';
import {scanLibrary, type LibraryFile} from '../library/library.js';
import {maxBytes} from '../library/limits.js';
import {readStoredIndex, termInitial, writeStoredIndex, type IndexedFiles} from './index-file.js';
import type {SearchQuery} from '../../core/search/query.js';

/** A library's search index, brought up to date with the files on disk. */
export type LibraryIndex = {
	directory: string;
	engine: SearchEngine;
	/** The library's files by their key in the index (their path inside the folder). */
	entries: Map<string, LibraryFile>;
	/** Files read to bring the index up to date (0 when it was current). */
	updated: number;
};

/** Discarded documents tolerated in a saved index before it is compacted. */
const dirtAllowed = 0.1;

export type OpenIndexOptions = {
	/**
	 * Load only what this query needs when the index is current (the terms its words begin
	 * with), instead of the whole index: for one search, not for a screen that searches as the
	 * user types.
	 */
	only?: SearchQuery;
};

/**
 * Open the search index of a library folder: load it from the cache, then re-read only the
 * files whose size or mtime changed, add new ones and drop those that are gone, and save it
 * back when anything changed. A missing, corrupt or foreign cache is rebuilt from the files.
 * Unreadable, binary or too-large files are left out of the index.
 */
export async function openLibraryIndex(directory: string, environment: NodeJS.ProcessEnv = process.env, options: OpenIndexOptions = {}): Promise<LibraryIndex> {
	const library = scanLibrary(directory);
	const limit = maxBytes(environment);
	const entries = new Map(library.files.map(entry => [indexKey(library.directory, entry), entry]));
	const file = libraryCacheFile(library.directory, 'search', environment);
	const textBytes = library.files.reduce((total, entry) => total + entry.size, 0);
	const stored = file ? readStoredIndex(file, library.directory, (8 * textBytes) + (1024 * 1024)) : undefined;
	const current = stored !== undefined && isCurrent(stored.files, entries);
	const loaded = stored && loadQuietly(() => stored.load(current && options.only ? queryInitials(options.only) : undefined));
	if (loaded && current) {
		return {directory: library.directory, engine: loaded, entries, updated: 0};
	}

	const engine = loaded ?? createEngine();
	const files: IndexedFiles = loaded ? stored.files : new Map();

	let updated = 0;
	for (const key of [...files.keys()]) {
		if (!entries.has(key)) {
			if (files.get(key)?.indexed) {
				engine.discard(key);
			}

			files.delete(key);
		}
	}

	for (const [key, entry] of entries) {
		const known = files.get(key);
		if (known && known.size === entry.size && known.mtimeMs === entry.mtimeMs) {
			continue;
		}

		updated++;
		if (known?.indexed) {
			engine.discard(key);
		}

		// A file that cannot be indexed (too large, binary, unreadable) is remembered too, so
		// it is not read again until it changes.
		const document = entry.size > limit ? undefined : await readDocument(key, entry, limit);
		if (document) {
			engine.add(document);
		}

		files.set(key, {size: entry.size, mtimeMs: entry.mtimeMs, indexed: document !== undefined});
	}

	if (file) {
		if (engine.dirtCount > Math.max(16, dirtAllowed * engine.documentCount)) {
			await engine.vacuum({batchSize: 100_000, batchWait: 0});
		}

		writeStoredIndex(file, library.directory, files, engine);
	}

	return {directory: library.directory, engine, entries, updated};
}

/** True when the index holds exactly the library's files, each at its current size and mtime. */
function isCurrent(files: IndexedFiles, entries: Map<string, LibraryFile>): boolean {
	if (files.size !== entries.size) {
		return false;
	}

	for (const [key, entry] of entries) {
		const known = files.get(key);
		if (!known || known.size !== entry.size || known.mtimeMs !== entry.mtimeMs) {
			return false;
		}
	}

	return true;
}

/** The first characters of a query's words: the shards of the index it needs. */
function queryInitials(query: SearchQuery): Set<string> {
	return new Set(query.terms.flatMap(term => term.tokens.map(token => termInitial(token))));
}

function loadQuietly(load: () => SearchEngine): SearchEngine | undefined {
	try {
		return load();
	} catch {
		// A broken shard: rebuild.
		return undefined;
	}
}

/** A file's key in the index: its path inside the library folder, `/`-separated. */
export function indexKey(directory: string, entry: LibraryFile): string {
	// scanLibrary joins every path to the folder, so the folder is a prefix (cheaper than path.relative).
	const relative = entry.path.startsWith(directory + path.sep) ? entry.path.slice(directory.length + 1) : path.relative(directory, entry.path);
	return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

let source: typeof import('../library/source.js') | undefined;

async function readDocument(key: string, entry: LibraryFile, limit: number) {
	// The parser loads only when a file has to be read: a current index is used without it.
	source ??= await import('../library/source.js');
	const {loadSearchable} = source;
	try {
		return searchDocument(key, loadSearchable(entry, limit));
	} catch (error) {
		if (error instanceof FolioError) {
			return undefined;
		}

		throw error;
	}
}
