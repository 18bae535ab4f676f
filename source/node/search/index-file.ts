import {mkdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {loadEngine, type SearchEngine} from '../../core/search/engine.js';
import {searchFields} from '../../core/search/document.js';
import {writeFileDurably} from '../durable-write.js';

/** Size and mtime of each indexed file, by its path inside the library folder. */
export type IndexedFiles = Map<string, {size: number; mtimeMs: number}>;

/** A search index as kept on disk: the engine, and which version of which file it holds. */
export type StoredIndex = {engine: SearchEngine; files: IndexedFiles};

const format = 'folio-search-index';
const version = 1;

/**
 * Read a library's index from its cache file. The file is untrusted: anything that is not an
 * index of this library in this format (missing, unreadable, corrupt, foreign, too large) gives
 * undefined and the caller rebuilds. Nothing read here reaches the output: results are shown
 * from the articles themselves.
 */
export function readStoredIndex(file: string, library: string, maxBytes: number): StoredIndex | undefined {
	try {
		if (statSync(file).size > maxBytes) {
			return undefined;
		}

		const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (!isRecord(data) || data.format !== format || data.version !== version || data.library !== library || !isRecord(data.files) || !isRecord(data.engine)) {
			return undefined;
		}

		const files: IndexedFiles = new Map();
		for (const [key, value] of Object.entries(data.files)) {
			if (!Array.isArray(value) || value.length !== 2 || !isCount(value[0]) || typeof value[1] !== 'number' || !Number.isFinite(value[1])) {
				return undefined;
			}

			files.set(key, {size: value[0], mtimeMs: value[1]});
		}

		const engine = data.engine;
		if (!isEngineShape(engine, files)) {
			return undefined;
		}

		return {engine: loadEngine(engine as Parameters<typeof loadEngine>[0]), files};
	} catch {
		return undefined;
	}
}

/**
 * Write the index durably with mode 0600 (a temporary file beside the old one, every byte
 * checked and flushed, then renamed over it). A failure (full disk, read-only cache) leaves the
 * old file as it was and is not an error: search works without a cache.
 */
export function writeStoredIndex(file: string, library: string, index: StoredIndex): void {
	try {
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const files = Object.fromEntries([...index.files].map(([key, value]) => [key, [value.size, value.mtimeMs]]));
		writeFileDurably(file, JSON.stringify({format, version, library, files, engine: index.engine.toJSON()}), {mode: 0o600});
	} catch {
		// A cache is an optimisation.
	}
}

/**
 * The plain MiniSearch index checked just enough to be loaded safely: the fields folio
 * indexes, one document per file listed, ids that are strings, and posting lists as arrays.
 */
function isEngineShape(engine: Record<string, unknown>, files: IndexedFiles): boolean {
	const {documentIds, fieldIds, fieldLength, averageFieldLength, index, documentCount, nextId, serializationVersion} = engine;
	if (serializationVersion !== 2 || !isCount(documentCount) || !isCount(nextId) || !isRecord(documentIds) || !isRecord(fieldIds) || !isRecord(fieldLength) || !Array.isArray(averageFieldLength) || !Array.isArray(index)) {
		return false;
	}

	if (Object.keys(fieldIds).join() !== searchFields.join() || averageFieldLength.length !== searchFields.length || averageFieldLength.some(value => typeof value !== 'number' || !Number.isFinite(value))) {
		return false;
	}

	const ids = Object.values(documentIds);
	if (ids.length !== documentCount || ids.length !== files.size || !ids.every(id => typeof id === 'string' && files.has(id))) {
		return false;
	}

	return index.every(entry => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && isRecord(entry[1]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
}
