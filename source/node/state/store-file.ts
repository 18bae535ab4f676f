import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {DurableConf} from '../durable-conf.js';
import {ensureFolder, writeFileDurably} from '../durable-write.js';
import {codeOf, LockLostError, sweepLeftovers, withFileLock} from './store-lock.js';
import {migrations, stateSchemaVersion} from './store-migrations.js';
import {readableEntries, validateStateFile, type Articles, type StateFile} from './store-schema.js';

/*
 * The state file on disk: reading it (never under the lock, so a stuck lock or a newer file still
 * shows what is there), updating it under the lock, and moving a corrupt one aside. The lock is in
 * store-lock.ts, the shape in store-schema.ts, the migrations in store-migrations.ts.
 */

type Versioned = StateFile & {__internal__?: {migrations?: {version?: string}}};

/** The file was written by a newer folio: it is read, never written or moved aside. */
export class NewerStateError extends Error {
	constructor(readonly file: string, readonly version: string) {
		super(`reading state at ${sanitizeLine(file)} was written by a newer folio (schema ${sanitizeLine(version).slice(0, 40)}); it is shown but views and positions will not be saved`);
		this.name = 'NewerStateError';
	}
}

/** What one read of the file found. */
export type StateSnapshot = {articles: Articles; unclaimed: Articles; forgotten: {positions: number; articles: number}};

/** A state file: read at any time, updated under the lock. */
export class StateFileHandle {
	constructor(readonly path: string) {}

	/**
	 * The file's contents now, without the lock. A missing file is empty; a newer folio's file is
	 * read as far as its entries have this version's shape. Throws data errors for a broken file.
	 */
	read(): StateSnapshot {
		const bytes = readBytes(this.path);
		if (!bytes) {
			return emptySnapshot();
		}

		const data = JSON.parse(bytes.toString('utf8')) as unknown;
		const version = recordedVersion(data);
		if (isNewer(version)) {
			const newer = data as Record<string, unknown>;
			return {articles: readableEntries(newer.articles), unclaimed: readableEntries(newer.unclaimed), forgotten: forgottenOf(newer)};
		}

		validateStateFile(data);
		if (majorOf(version ?? '0') < majorOf(stateSchemaVersion)) {
			// Not migrated yet (the lock was busy when it was opened): schema 1 had only bare ids.
			return {articles: noArticles(), unclaimed: articlesOf(data.articles), forgotten: forgottenOf(data)};
		}

		return {articles: articlesOf(data.articles), unclaimed: articlesOf(data.unclaimed), forgotten: forgottenOf(data)};
	}

	/** The version a newer folio recorded, or undefined when this folio may write the file. */
	newerVersion(): string | undefined {
		const bytes = readBytes(this.path);
		const version = bytes && recordedVersion(parseQuietly(bytes));
		return isNewer(version) ? version : undefined;
	}

	/**
	 * Make the file ready to use: when it is older (migrated through conf) or corrupt (moved
	 * aside, pushing the warning), under the lock; a current file is not touched. Throws
	 * `NewerStateError`, lock and I/O errors.
	 */
	prepare(warnings: string[]): void {
		ensureFolder(path.dirname(this.path));
		const bytes = readBytes(this.path);
		if (bytes === undefined || isCurrent(parseQuietly(bytes))) {
			return;
		}

		withFileLock(this.path, () => {
			sweepLeftovers(this.path);
			this.loadUnderLock(warnings);
		});
	}

	/**
	 * Read-modify-write under the lock: re-read the file (never a cached copy), let `change` edit
	 * the snapshot, and write it durably when `shouldWrite(value)`. If the lock was lost before the
	 * write replaced the file, the whole update is redone. Throws `NewerStateError`,
	 * `LockTimeoutError` and I/O errors.
	 */
	update<T>(warnings: string[], change: (snapshot: StateSnapshot) => T, shouldWrite: (value: T) => boolean): T {
		for (let attempt = 1; ; attempt++) {
			try {
				return withFileLock(this.path, lock => {
					sweepLeftovers(this.path);
					const data = this.loadUnderLock(warnings);
					const snapshot: StateSnapshot = {articles: articlesOf(data.articles), unclaimed: articlesOf(data.unclaimed), forgotten: forgottenOf(data)};
					const value = change(snapshot);
					if (shouldWrite(value)) {
						writeFileDurably(this.path, JSON.stringify(fileOf(data, snapshot)), {beforeRename: lock.assertHeld});
					}

					return value;
				});
			} catch (error) {
				if (!(error instanceof LockLostError) || attempt >= 3) {
					throw error;
				}
			}
		}
	}

	/** Holding the lock: the file's data, migrated by conf when older, with a corrupt file moved aside. */
	private loadUnderLock(warnings: string[]): Versioned {
		const original = readBytes(this.path);
		if (original === undefined) {
			return {articles: {}};
		}

		try {
			const data = JSON.parse(original.toString('utf8')) as unknown;
			const version = recordedVersion(data);
			if (isNewer(version)) {
				throw new NewerStateError(this.path, version);
			}

			const current = isCurrent(data) ? data : migrate(this.path);
			validateStateFile(current);
			return current as Versioned;
		} catch (error) {
			if (!isDataError(error)) {
				throw error;
			}

			warnings.push(quarantine(this.path, original));
			return {articles: {}};
		}
	}
}

/** Run conf's migrations on the file (conf writes the result through `DurableConf`); returns the data. */
function migrate(file: string): unknown {
	const conf = new DurableConf<StateFile>({
		cwd: path.dirname(file),
		configName: path.basename(file, '.json'),
		projectVersion: stateSchemaVersion,
		migrations,
		defaults: {articles: {}},
		accessPropertiesByDotNotation: false,
		serialize: value => JSON.stringify(value),
	});
	return conf.store;
}

/** The warning for a store that cannot be saved. */
export function cannotWrite(file: string, error: unknown): string {
	return `cannot write reading state to ${sanitizeLine(path.dirname(file))} (${reasonOf(error)}); reading works but views and positions will not be saved`;
}

/** JSON that does not parse, fails the schema, or fails a migration. */
export function isDataError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : '';
	return error instanceof SyntaxError
		|| message.startsWith('Config schema violation')
		|| message.startsWith('Something went wrong during the migration');
}

function fileOf(data: Versioned, snapshot: StateSnapshot): Versioned {
	const {unclaimed: _unclaimed, forgotten: _forgotten, ...rest} = data;
	return {
		...rest,
		articles: snapshot.articles,
		...(Object.keys(snapshot.unclaimed).length > 0 ? {unclaimed: snapshot.unclaimed} : {}),
		...(snapshot.forgotten.positions + snapshot.forgotten.articles > 0 ? {forgotten: snapshot.forgotten} : {}),
		// Keep conf's version stamp: a file written without it would be migrated again on the next open.
		__internal__: {migrations: {version: stateSchemaVersion}},
	};
}

function emptySnapshot(): StateSnapshot {
	return {articles: noArticles(), unclaimed: noArticles(), forgotten: {positions: 0, articles: 0}};
}

function noArticles(): Articles {
	return Object.create(null) as Articles;
}

/** A copy without a prototype, so keys such as `constructor` or `__proto__` are plain keys. */
function articlesOf(articles: Articles | undefined): Articles {
	return Object.assign(noArticles(), articles);
}

function forgottenOf(data: {forgotten?: unknown}): StateSnapshot['forgotten'] {
	const {positions, articles} = (typeof data.forgotten === 'object' && data.forgotten !== null ? data.forgotten : {}) as Record<string, unknown>;
	const count = (value: unknown) => (Number.isSafeInteger(value) && (value as number) > 0 ? value as number : 0);
	return {positions: count(positions), articles: count(articles)};
}

/**
 * Move an unreadable file to `FILE.corrupt-TIME` and return the warning. conf may have stamped
 * its version into the file before validating it, so the user's original bytes are put back.
 */
function quarantine(file: string, original: Buffer | undefined): string {
	const stamp = new Date().toISOString().replaceAll(':', '-');
	let aside = `${file}.corrupt-${stamp}`;
	for (let suffix = 1; existsSync(aside); suffix++) {
		aside = `${file}.corrupt-${stamp}~${suffix}`;
	}

	renameSync(file, aside);
	if (original) {
		writeFileSync(aside, original);
	}

	return `reading state at ${sanitizeLine(file)} was unreadable; moved it to ${sanitizeLine(aside)} and started afresh`;
}

function readBytes(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch (error) {
		if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
			return undefined;
		}

		throw error;
	}
}

function parseQuietly(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}

function recordedVersion(data: unknown): string | undefined {
	const version: unknown = (data as Versioned | undefined)?.__internal__?.migrations?.version;
	return typeof version === 'string' ? version : undefined;
}

function isCurrent(data: unknown): boolean {
	const version = recordedVersion(data);
	return version !== undefined && majorOf(version) === majorOf(stateSchemaVersion);
}

function isNewer(version: string | undefined): version is string {
	return version !== undefined && majorOf(version) > majorOf(stateSchemaVersion);
}

function majorOf(version: string): number {
	return Number.parseInt(version, 10) || 0;
}

/** `EACCES: permission denied` out of `EACCES: permission denied, open '/x/state.json.lock'`. */
function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return sanitizeLine(codeOf(error) ? message.split(', ')[0] : message).slice(0, 200);
}
