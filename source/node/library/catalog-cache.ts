import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ArticleInfo} from '../../core/article/article.js';
import {ensureFolder, writeFileDurably} from '../durable-write.js';
import {maxFieldLength, maxTagLength, maxTags} from '../../core/article/front-matter-limits.js';
import {messageName, sanitizeLine} from '../../core/text/sanitize.js';

/** What the cache keeps for one file: enough to list it without reading it. */
export type CachedInfo = {
	size: number;
	mtimeMs: number;
	info: Omit<ArticleInfo, 'id' | 'path' | 'warnings'>;
	warnings: string[];
};

type CacheFile = {version: number; entries: Record<string, CachedInfo>};

// 2: titles leave out a heading's images and resolve its reference links.
const cacheVersion = 2;

/**
 * Listing details of a library's files, keyed by path and checked against size and mtime, so a
 * repeated `folio list` reads no article it has seen unchanged. Kept under
 * `$XDG_CACHE_HOME/folio` (or `~/.cache/folio`); written durably (`writeFileDurably`), so a
 * killed process or a full disk never leaves a broken cache. A cache that cannot be read or
 * written is simply not used.
 */
export class CatalogCache {
	private readonly entries: Map<string, CachedInfo>;
	private changed = false;

	constructor(private readonly file: string | undefined) {
		this.entries = new Map(Object.entries(file ? readCache(file) : {}));
	}

	/** The cached details of a file if its size and mtime are unchanged. */
	get(filePath: string, size: number, mtimeMs: number): CachedInfo | undefined {
		const entry = this.entries.get(filePath);
		return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : undefined;
	}

	set(filePath: string, entry: CachedInfo): void {
		this.entries.set(filePath, entry);
		this.changed = true;
	}

	/** Forget files that are gone, then write the cache if anything changed. */
	save(presentPaths: string[]): void {
		// Every present file was looked up; with no miss and no extra entry, nothing is gone.
		if (this.changed || this.entries.size !== presentPaths.length) {
			const present = new Set(presentPaths);
			for (const key of this.entries.keys()) {
				if (!present.has(key)) {
					this.entries.delete(key);
					this.changed = true;
				}
			}
		}

		if (!this.file || !this.changed) {
			return;
		}

		try {
			ensureFolder(path.dirname(this.file));
			const data: CacheFile = {version: cacheVersion, entries: Object.fromEntries(this.entries)};
			writeFileDurably(this.file, JSON.stringify(data));
		} catch {
			// A cache is an optimisation: listing works without it.
		}
	}
}

/** The cache file for a library folder, or undefined when there is no home for it. */
export function catalogCacheFile(libraryFolder: string, env: NodeJS.ProcessEnv): string | undefined {
	return libraryCacheFile(libraryFolder, 'library', env);
}

/**
 * A cache file about one library folder, `$XDG_CACHE_HOME/folio/KIND-HASH.json` (or under
 * `~/.cache`), or undefined when there is no home for it.
 */
export function libraryCacheFile(libraryFolder: string, kind: string, env: NodeJS.ProcessEnv): string | undefined {
	const base = env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : undefined);
	if (!base) {
		return undefined;
	}

	const key = createHash('sha1').update(path.resolve(libraryFolder)).digest('hex').slice(0, 16);
	return path.join(base, 'folio', `${kind}-${key}.json`);
}

/** The cache's entries that have the right shape, with every string sanitised: the file is untrusted. */
function readCache(file: string): Record<string, CachedInfo> {
	let data: Partial<CacheFile>;
	try {
		data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
	} catch {
		return {};
	}

	const entries: Record<string, CachedInfo> = Object.create(null) as Record<string, CachedInfo>;
	if (data?.version !== cacheVersion || typeof data.entries !== 'object' || data.entries === null) {
		return entries;
	}

	for (const [key, entry] of Object.entries(data.entries)) {
		const valid = validEntry(entry);
		if (valid) {
			entries[key] = valid;
		}
	}

	return entries;
}

function validEntry(entry: unknown): CachedInfo | undefined {
	const {size, mtimeMs, info, warnings} = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
	if (typeof size !== 'number' || typeof mtimeMs !== 'number' || !isStringList(warnings) || typeof info !== 'object' || info === null) {
		return undefined;
	}

	const {title, date, category, tags, summary, words, minutes} = info as Record<string, unknown>;
	const optional = (value: unknown) => value === undefined || typeof value === 'string';
	if (typeof title !== 'string' || !optional(date) || !optional(category) || !optional(summary) || !isStringList(tags)
		|| !Number.isSafeInteger(words) || !Number.isSafeInteger(minutes)) {
		return undefined;
	}

	const line = (value: string | undefined) => (value === undefined ? undefined : sanitizeLine(value).slice(0, maxFieldLength));
	return {
		size,
		mtimeMs,
		warnings: warnings.map(warning => messageName(warning)),
		info: {
			title: line(title)!,
			date: line(date as string | undefined),
			category: line(category as string | undefined),
			tags: tags.slice(0, maxTags).map(tag => sanitizeLine(tag).slice(0, maxTagLength)),
			summary: line(summary as string | undefined),
			words: words as number,
			minutes: minutes as number,
		},
	};
}

function isStringList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every(item => typeof item === 'string');
}
