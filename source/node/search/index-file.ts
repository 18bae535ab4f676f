import {mkdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {loadEngine, type EnginePlain, type SearchEngine} from '../../core/search/engine.js';
import {searchFields} from '../../core/search/document.js';
import {writeFileDurably} from '../durable-write.js';

/** Size and mtime of each file the index has seen, by its path inside the library folder, and whether it could be indexed. */
export type IndexedFiles = Map<string, {size: number; mtimeMs: number; indexed: boolean}>;

/**
 * A library's index as read from its cache file: which version of which file it holds, and the
 * engine, loaded whole or only with the terms that begin with some characters (a query needs
 * only the terms its words begin with: a fraction of the index).
 */
export type StoredIndex = {
	files: IndexedFiles;
	/** The engine with every term (`undefined`) or only terms starting with one of `initials`. */
	load(initials?: Set<string>): SearchEngine;
};

const format = 'folio-search-index';
const version = 2;

/** The shard a term lives in: its first character. */
export function termInitial(term: string): string {
	return String.fromCodePoint(term.codePointAt(0) ?? 0);
}

type Header = {
	format: string;
	version: number;
	library: string;
	files: Record<string, unknown>;
	/** MiniSearch's plain form without its terms. */
	documents: Record<string, unknown>;
	/** [initial, offset, length] of each shard of terms in the bytes after the header line. */
	shards: unknown[];
};

/**
 * Read a library's index from its cache file: a JSON header line (files, documents, where
 * each shard of terms is), then the shards. The file is untrusted: anything that is not an
 * index of this library in this format (missing, unreadable, corrupt, foreign, too large) gives
 * undefined, and a shard that turns out broken when loaded throws; either way the caller
 * rebuilds. Nothing read here reaches the output: results are shown from the articles themselves.
 */
export function readStoredIndex(file: string, library: string, maxBytes: number): StoredIndex | undefined {
	try {
		if (statSync(file).size > maxBytes) {
			return undefined;
		}

		const bytes = readFileSync(file);
		const headerEnd = bytes.indexOf(10);
		if (headerEnd < 0) {
			return undefined;
		}

		const header: unknown = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8'));
		if (!isRecord(header) || header.format !== format || header.version !== version || header.library !== library || !isRecord(header.files) || !isRecord(header.documents) || !Array.isArray(header.shards)) {
			return undefined;
		}

		const files = readFiles(header as Header);
		const shards = readShards(header as Header, bytes.length - headerEnd - 1);
		if (!files || !shards || !isDocumentsShape(header.documents, files)) {
			return undefined;
		}

		const documents = header.documents;
		const body = bytes.subarray(headerEnd + 1);
		return {
			files,
			load(initials) {
				const index: unknown[] = [];
				for (const [initial, [offset, length]] of shards) {
					if (initials && !initials.has(initial)) {
						continue;
					}

					const terms: unknown = JSON.parse(body.subarray(offset, offset + length).toString('utf8'));
					if (!Array.isArray(terms) || !terms.every(entry => isTermEntry(entry, initial))) {
						throw new Error(`broken shard ${initial} in the search index`);
					}

					index.push(...terms);
				}

				return loadEngine({...documents, storedFields: {}, index} as EnginePlain);
			},
		};
	} catch {
		return undefined;
	}
}

/**
 * Write the index durably with mode 0600 (a temporary file beside the old one, every byte
 * checked and flushed, then renamed over it). A failure (full disk, read-only cache) leaves the
 * old file as it was and is not an error: search works without a cache.
 */
export function writeStoredIndex(file: string, library: string, files: IndexedFiles, engine: SearchEngine): void {
	try {
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const {index, storedFields: _storedFields, ...documents} = engine.toJSON();
		const byInitial = new Map<string, unknown[]>();
		for (const entry of index) {
			const initial = termInitial(entry[0]);
			const shard = byInitial.get(initial) ?? [];
			shard.push(entry);
			byInitial.set(initial, shard);
		}

		const pieces: Buffer[] = [];
		const shards: Array<[string, number, number]> = [];
		let offset = 0;
		for (const [initial, terms] of byInitial) {
			const piece = Buffer.from(JSON.stringify(terms), 'utf8');
			shards.push([initial, offset, piece.length]);
			pieces.push(piece);
			offset += piece.length;
		}

		const header: Header = {format, version, library, files: Object.fromEntries([...files].map(([key, value]) => [key, [value.size, value.mtimeMs, value.indexed ? 1 : 0]])), documents, shards};
		writeFileDurably(file, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), ...pieces]), {mode: 0o600});
	} catch {
		// A cache is an optimisation.
	}
}

function readFiles(header: Header): IndexedFiles | undefined {
	const files: IndexedFiles = new Map();
	for (const [key, value] of Object.entries(header.files)) {
		if (!Array.isArray(value) || value.length !== 3 || !isCount(value[0]) || typeof value[1] !== 'number' || !Number.isFinite(value[1]) || (value[2] !== 0 && value[2] !== 1)) {
			return undefined;
		}

		files.set(key, {size: value[0], mtimeMs: value[1], indexed: value[2] === 1});
	}

	return files;
}

/** The shards' places, each inside the body and none twice. */
function readShards(header: Header, bodyLength: number): Map<string, [number, number]> | undefined {
	const shards = new Map<string, [number, number]>();
	for (const entry of header.shards) {
		if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || [...entry[0]].length !== 1 || !isCount(entry[1]) || !isCount(entry[2]) || entry[1] + entry[2] > bodyLength || shards.has(entry[0])) {
			return undefined;
		}

		shards.set(entry[0], [entry[1], entry[2]]);
	}

	return shards;
}

/**
 * MiniSearch's description of the documents checked just enough to be loaded safely: the fields
 * folio indexes, one document per file indexed, ids that are strings.
 */
function isDocumentsShape(documents: Record<string, unknown>, files: IndexedFiles): boolean {
	const {documentIds, fieldIds, fieldLength, averageFieldLength, documentCount, nextId, serializationVersion} = documents;
	if (serializationVersion !== 2 || !isCount(documentCount) || !isCount(nextId) || !isRecord(documentIds) || !isRecord(fieldIds) || !isRecord(fieldLength) || !Array.isArray(averageFieldLength)) {
		return false;
	}

	if (Object.keys(fieldIds).join() !== searchFields.join() || averageFieldLength.length !== searchFields.length || averageFieldLength.some(value => typeof value !== 'number' || !Number.isFinite(value))) {
		return false;
	}

	const ids = Object.values(documentIds);
	const indexed = [...files.values()].filter(file => file.indexed).length;
	return ids.length === documentCount && ids.length === indexed && ids.every(id => typeof id === 'string' && files.get(id)?.indexed === true);
}

function isTermEntry(entry: unknown, initial: string): boolean {
	return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && entry[0].startsWith(initial) && isRecord(entry[1]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
}
