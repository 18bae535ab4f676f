import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Options} from 'conf';
import {DurableConf} from '../durable-conf.js';
import {codeOf, sweepLeftovers, withFileLock} from './store-lock.js';
import {validateStateFile} from './store-schema.js';
import type {ArticleState} from './store.js';

/*
 * The state file on disk: its migrations (through conf), loading it and moving a corrupt one
 * aside. The lock is in store-lock.ts, the shape check in store-schema.ts.
 */

/** Version of the file's shape; conf records it as `__internal__.migrations.version`. */
export const stateSchemaVersion = '1.0.0';

export type Articles = Record<string, ArticleState>;
export type StateFile = {articles: Articles};
export type StateConf = DurableConf<StateFile>;
type Versioned = StateFile & {__internal__?: {migrations?: {version?: string}}};


/**
 * Changes of shape, oldest first. conf runs each step newer than the version recorded in the file,
 * up to `stateSchemaVersion`. To change the shape: bump `stateSchemaVersion` (say to '2.0.0'),
 * update `validateStateFile` (store-schema.ts), and add a '2.0.0' step that rewrites `articles`. A step must leave a file it
 * already changed as it is.
 */
const migrations: Options<StateFile>['migrations'] = {
	'1.0.0'(store) {
		if (!store.has('articles')) {
			store.set('articles', {});
		}
	},
};


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
	const conf = new DurableConf<StateFile>({
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
