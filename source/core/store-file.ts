import {closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import Conf, {type Options} from 'conf';
import type {ArticleState} from './store.js';

/*
 * The state file on disk: its schema and migrations (through conf), loading it, moving a corrupt
 * one aside, and the lock that lets several folio processes update it without losing a write.
 */

/** Version of the file's shape; conf records it as `__internal__.migrations.version`. */
export const stateSchemaVersion = '1.0.0';

export type Articles = Record<string, ArticleState>;
export type StateFile = {articles: Articles};
export type StateConf = Conf<StateFile>;
type Versioned = StateFile & {__internal__?: {migrations?: {version?: string}}};

/** Thrown when another live process held the lock for the whole wait. */
export class LockTimeoutError extends Error {
	constructor(lockPath: string, waitedMs: number) {
		super(`Expected to lock ${lockPath} within ${waitedMs} ms, but another process kept holding it`);
		this.name = 'LockTimeoutError';
	}
}

/**
 * The file's shape, checked by hand on every read: conf would compile a JSON schema with ajv on
 * every start (30–50 ms), more than the rest of opening the store. Unknown fields are allowed, so
 * a file from a newer minor version still loads. Throws `Config schema violation: ...`.
 */
export function validateStateFile(data: unknown): asserts data is StateFile {
	const fail = (what: string) => {
		throw new Error(`Config schema violation: ${what}`);
	};

	if (!isObject(data)) {
		fail('expected the file to hold a JSON object');
	}

	const {articles} = data as {articles?: unknown};
	if (articles === undefined) {
		return;
	}

	if (!isObject(articles)) {
		fail('expected `articles` to be an object');
	}

	for (const [key, entry] of Object.entries(articles as Record<string, unknown>)) {
		if (!isObject(entry)) {
			fail(`expected articles[${JSON.stringify(key)}] to be an object`);
		}

		const {views, position, lastRead, readSections} = entry as Record<string, unknown>;
		if (!Number.isInteger(views) || (views as number) < 0) {
			fail(`expected articles[${JSON.stringify(key)}].views to be a whole number from 0, got ${JSON.stringify(views)}`);
		}

		if (!Array.isArray(readSections) || !readSections.every(slug => typeof slug === 'string')) {
			fail(`expected articles[${JSON.stringify(key)}].readSections to be a list of strings`);
		}

		if (lastRead !== undefined && typeof lastRead !== 'string') {
			fail(`expected articles[${JSON.stringify(key)}].lastRead to be a string`);
		}

		if (position !== undefined) {
			const {slug, fraction, percent, at} = isObject(position) ? position as Record<string, unknown> : fail(`expected articles[${JSON.stringify(key)}].position to be an object`) as never;
			const inRange = (value: unknown, maximum: number) => typeof value === 'number' && value >= 0 && value <= maximum;
			if ((slug !== undefined && typeof slug !== 'string') || !inRange(fraction, 1) || !inRange(percent, 100) || typeof at !== 'string') {
				fail(`expected articles[${JSON.stringify(key)}].position to be {slug?, fraction 0–1, percent 0–100, at}`);
			}
		}
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Changes of shape, oldest first. conf runs each step newer than the version recorded in the file,
 * up to `stateSchemaVersion`. To change the shape: bump `stateSchemaVersion` (say to '2.0.0'),
 * update `schema`, and add a '2.0.0' step that rewrites `articles`. A step must leave a file it
 * already changed as it is.
 */
const migrations: Options<StateFile>['migrations'] = {
	'1.0.0'(store) {
		if (!store.has('articles')) {
			store.set('articles', {});
		}
	},
};

/** A lock older than this is abandoned, whatever its process. */
const staleLockMs = 5000;
/** A lock still empty (its process died between creating it and writing its pid) is abandoned after this. */
const emptyLockGraceMs = 1000;
const lockTimeoutMs = staleLockMs + 1000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Create the folder and load the file under the lock. A corrupt file is moved aside and replaced;
 * undefined (with a warning) when the state cannot be written.
 */
export function openStateFile(file: string, warnings: string[]): StateConf | undefined {
	try {
		mkdirSync(path.dirname(file), {recursive: true});
		return withFileLock(file, () => loadStateFile(file, warnings));
	} catch (error) {
		warnings.push(cannotWrite(file, error));
		return undefined;
	}
}

/** The articles in the file, read from disk now, in an object without a prototype. Throws when unreadable. */
export function readArticles(conf: StateConf): Articles {
	const data = conf.store;
	validateStateFile(data);
	return articlesOf(data);
}

/**
 * Read-modify-write under the lock: re-read the file (never a cached copy), let `change` edit the
 * articles, and write them atomically when `shouldWrite(value)`. Throws `LockTimeoutError` and
 * I/O errors.
 */
export function updateArticles<T>(conf: StateConf, warnings: string[], change: (articles: Articles) => T, shouldWrite: (value: T) => boolean): T {
	return withFileLock(conf.path, () => {
		const data = readForUpdate(conf, warnings);
		const articles = articlesOf(data);
		const value = change(articles);
		if (shouldWrite(value)) {
			conf.store = withVersion({...data, articles});
		}

		return value;
	});
}

/** The warning for a store that cannot be saved. */
export function cannotWrite(file: string, error: unknown): string {
	return `cannot write reading state to ${path.dirname(file)} (${reasonOf(error)}); reading works but views and positions will not be saved`;
}

/** JSON that does not parse, fails the schema, or fails a migration. */
export function isDataError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : '';
	return error instanceof SyntaxError
		|| message.startsWith('Config schema violation')
		|| message.startsWith('Something went wrong during the migration');
}

function loadStateFile(file: string, warnings: string[]): StateConf | undefined {
	sweepLeftovers(file);
	const original = readBytes(file);
	const version = original && recordedVersion(original);
	if (version && majorOf(version) > majorOf(stateSchemaVersion)) {
		warnings.push(`reading state at ${file} was written by a newer folio (schema ${version}); reading works but views and positions will not be saved`);
		return undefined;
	}

	try {
		return createConf(file);
	} catch (error) {
		if (!isDataError(error)) {
			throw error;
		}

		warnings.push(quarantine(file, original));
		return createConf(file);
	}
}

function createConf(file: string): StateConf {
	const conf = new Conf<StateFile>({
		cwd: path.dirname(file),
		configName: path.basename(file, '.json'),
		projectVersion: stateSchemaVersion,
		migrations,
		defaults: {articles: {}},
		accessPropertiesByDotNotation: false,
		configFileMode: 0o600,
		serialize: value => JSON.stringify(value),
	});
	validateStateFile(conf.store);
	return conf;
}

function readForUpdate(conf: StateConf, warnings: string[]): Versioned {
	try {
		const data = conf.store;
		validateStateFile(data);
		return data;
	} catch (error) {
		if (!isDataError(error)) {
			throw error;
		}

		warnings.push(quarantine(conf.path, undefined));
		return {articles: {}};
	}
}

/** A copy without a prototype, so keys such as `constructor` or `__proto__` are plain keys. */
function articlesOf(data: StateFile | undefined): Articles {
	return Object.assign(Object.create(null) as Articles, data?.articles);
}

/** Keep conf's version stamp: a file written without it would be migrated again on the next open. */
function withVersion(data: Versioned): StateFile {
	return data.__internal__?.migrations?.version ? data : {...data, __internal__: {migrations: {version: stateSchemaVersion}}} as Versioned;
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

	return `reading state at ${file} was unreadable; moved it to ${aside} and started afresh`;
}

function readBytes(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch (error) {
		if (codeOf(error) === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

function recordedVersion(bytes: Buffer): string | undefined {
	try {
		const version: unknown = (JSON.parse(bytes.toString('utf8')) as Versioned).__internal__?.migrations?.version;
		return typeof version === 'string' ? version : undefined;
	} catch {
		return undefined;
	}
}

function majorOf(version: string): number {
	return Number.parseInt(version, 10) || 0;
}

/** `EACCES: permission denied` out of `EACCES: permission denied, open '/x/state.json.lock'`. */
function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return codeOf(error) ? message.split(', ')[0] : message;
}

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * Run `task` holding `${file}.lock`, a file made with `O_EXCL` holding `PID-RANDOM`, and release
 * it whatever happens. A lock whose process is gone, or older than `staleLockMs`, is taken over.
 */
function withFileLock<T>(file: string, task: () => T): T {
	const lockPath = `${file}.lock`;
	const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
	acquire(lockPath, token);
	try {
		return task();
	} finally {
		release(lockPath, token);
	}
}

function acquire(lockPath: string, token: string): void {
	const started = Date.now();
	for (let attempt = 0; ; attempt++) {
		if (tryCreate(lockPath, token)) {
			return;
		}

		const holder = readHolder(lockPath);
		if (holder && isAbandoned(holder)) {
			takeOver(lockPath, holder.token);
			continue;
		}

		if (Date.now() - started > lockTimeoutMs) {
			throw new LockTimeoutError(lockPath, lockTimeoutMs);
		}

		// 1, 3, 5, ... up to 20 ms, with jitter so waiting processes do not retry in step.
		Atomics.wait(sleeper, 0, 0, Math.min(1 + (attempt * 2), 20) * (0.5 + Math.random()));
	}
}

/** Create the lock exclusively; false when another process has it. */
function tryCreate(lockPath: string, token: string): boolean {
	let descriptor: number;
	try {
		descriptor = openSync(lockPath, 'wx');
	} catch (error) {
		if (codeOf(error) === 'EEXIST') {
			return false;
		}

		if (codeOf(error) === 'ENOENT') {
			// The folder was removed since the store was opened; make it again and retry.
			mkdirSync(path.dirname(lockPath), {recursive: true});
			return false;
		}

		throw error;
	}

	try {
		writeSync(descriptor, token);
	} catch (error) {
		removeQuietly(lockPath);
		throw error;
	} finally {
		closeSync(descriptor);
	}

	return true;
}

type Holder = {token: string; pid: number | undefined; ageMs: number};

function readHolder(lockPath: string): Holder | undefined {
	try {
		const token = readFileSync(lockPath, 'utf8');
		const pid = Number.parseInt(token, 10);
		return {token, pid: pid > 0 ? pid : undefined, ageMs: ageOf(lockPath)};
	} catch {
		return undefined;
	}
}

function isAbandoned(holder: Holder): boolean {
	if (holder.pid === undefined) {
		return holder.ageMs > emptyLockGraceMs;
	}

	return !isAlive(holder.pid) || holder.ageMs > staleLockMs;
}

/**
 * Move the abandoned lock aside (atomic), then check that what moved is the lock that was judged.
 * If a live process took the lock in between, put its lock back.
 */
function takeOver(lockPath: string, judgedToken: string): void {
	const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
	try {
		renameSync(lockPath, aside);
	} catch {
		return;
	}

	if (readQuietly(aside) !== judgedToken) {
		try {
			linkSync(aside, lockPath);
		} catch {
			// Another process holds the lock now; the moved one's owner will find it gone on release.
		}
	}

	removeQuietly(aside);
}

/** Remove the lock only if it is still ours. */
function release(lockPath: string, token: string): void {
	if (readQuietly(lockPath) === token) {
		removeQuietly(lockPath);
	}
}

/**
 * Remove what killed processes left beside `file`: `atomically`'s half-written temp files and
 * locks moved aside. Called holding the lock, so no write is in flight.
 */
function sweepLeftovers(file: string): void {
	const folder = path.dirname(file);
	const base = path.basename(file);
	let names: string[];
	try {
		names = readdirSync(folder);
	} catch {
		return;
	}

	for (const name of names) {
		const full = path.join(folder, name);
		if (name.startsWith(`${base}.tmp-`) || (name.startsWith(`${base}.lock.stale-`) && ageOf(full) > staleLockMs)) {
			removeQuietly(full);
		}
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return codeOf(error) === 'EPERM';
	}
}

function ageOf(file: string): number {
	try {
		return Date.now() - statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

function readQuietly(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function removeQuietly(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Already gone.
	}
}
