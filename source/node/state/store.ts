import path from 'node:path';
import {UsageError} from '../../core/errors.js';
import type {ReadingPosition} from '../../core/reader/position.js';
import {cannotWrite, isDataError, NewerStateError, StateFileHandle, type StateSnapshot} from './store-file.js';
import {LockTimeoutError} from './store-lock.js';
import {cleanEntry, type Articles, type Forgotten} from './store-schema.js';
import {claimUnclaimed, keepWithinLimits} from './store-limits.js';
import {userConfigDirectory} from '../config-folder.js';

/** A reading position as saved: the place in the text and when it was saved (an ISO time). */
export type SavedPosition = ReadingPosition & {at: string};

/** What folio remembers about one article. */
export type ArticleState = {
	views: number;
	position?: SavedPosition;
	/** ISO time of the last view or saved position. */
	lastRead?: string;
	/** Slugs of the sections read. */
	readSections: string[];
	/** Marks set with `m` + letter: each a place in the content, like `position`. */
	marks?: Record<string, SavedPosition>;
};

export type StoreOptions = {
	/** Folder for the state files, used when `FOLIO_STATE_DIR` is not set. @default the user's config folder */
	directory?: string;
	/** Keep a separate state file under this name. @default env `FOLIO_PROFILE`, else none */
	profile?: string;
	/** Environment to read `FOLIO_STATE_DIR`, `FOLIO_PROFILE` and `XDG_CONFIG_HOME` from: the caller's, never read here. */
	env: NodeJS.ProcessEnv;
	/**
	 * The library in use: entries an older folio kept by bare id are given to it when it has
	 * that file (see store-migrations.ts). @default none
	 */
	library?: string;
};

/** Per-user reading state, keyed by `articleStateKey`. After `openStore` returns, no method throws: I/O problems only degrade it. */
export type StateStore = {
	/** The JSON file in use. */
	readonly path: string;
	/** False when the state cannot be saved; what the file holds is still read and shown. */
	readonly writable: boolean;
	/** One-line messages to show the user once. */
	readonly warnings: string[];
	get(key: string): ArticleState | undefined;
	all(): Record<string, ArticleState>;
	/** Schema 1 entries not yet matched to a library, by bare id. */
	unclaimed(): Record<string, ArticleState>;
	/** How many positions and whole articles were forgotten to stay within the limits. */
	forgotten(): Forgotten;
	/** Count one more view and set `lastRead`; safe when several folio processes run at once. */
	recordView(key: string): ArticleState;
	/** Save the position, add `readSections` to those already read, and set `lastRead`. */
	savePosition(key: string, position: SavedPosition, readSections?: string[]): void;
	/** Set (or move) mark `name` (one letter) of an article to `position`. */
	setMark(key: string, name: string, position: SavedPosition): void;
	/** Forget one article, or every article; returns how many were forgotten. */
	reset(key?: string): number;
};

const profilePattern = /^[\w-]{1,64}$/;

/**
 * The folder for state files: `FOLIO_STATE_DIR`, else `options.directory`, else the user's config
 * folder (`$XDG_CONFIG_HOME/folio` or `~/.config/folio` on Linux).
 */
export function stateDirectory(options: StoreOptions): string {
	const chosen = options.env.FOLIO_STATE_DIR || options.directory;
	return path.resolve(chosen ?? userConfigDirectory(options.env));
}

/** The state file `openStore` would use (it may not exist yet). Throws for an invalid profile name. */
export function stateFilePath(options: StoreOptions): string {
	return path.join(stateDirectory(options), stateFileName(profileOf(options)));
}

/**
 * Open the reading state. Throws only for an invalid profile name; a corrupt file is moved aside,
 * and a folder that cannot be written, a newer folio's file or a busy lock give a store that
 * shows the file but saves nothing, each with a line in `warnings`.
 */
export function openStore(options: StoreOptions): StateStore {
	const file = stateFilePath(options);
	const warnings: string[] = [];
	const handle = new StateFileHandle(file);
	let writable = true;
	try {
		handle.prepare(warnings);
		if (options.library && Object.keys(handle.read().unclaimed).length > 0) {
			handle.update(warnings, snapshot => claimUnclaimed(snapshot, options.library!), claimed => claimed > 0);
		}
	} catch (error) {
		writable = !(error instanceof NewerStateError) && (error instanceof LockTimeoutError || isDataError(error));
		warnings.push(degraded(file, error));
	}

	return createStore(handle, writable, warnings);
}

function profileOf(options: StoreOptions): string | undefined {
	const profile = options.profile ?? (options.env.FOLIO_PROFILE || undefined);
	if (profile !== undefined && !profilePattern.test(profile)) {
		throw new UsageError(`Expected --profile to be 1 to 64 letters, digits, - or _, got ${JSON.stringify(profile.slice(0, 80))}`);
	}

	return profile;
}

function stateFileName(profile: string | undefined): string {
	return profile === undefined ? 'state.json' : `state-${profile}.json`;
}

/** The one line for a store that cannot save now. */
function degraded(file: string, error: unknown): string {
	if (error instanceof NewerStateError) {
		return error.message;
	}

	if (error instanceof LockTimeoutError) {
		return `reading state at ${file} is locked by another folio (process ${error.holderPid ?? '?'}) that is still running; this view and position were not saved`;
	}

	return cannotWrite(file, error);
}

function createStore(handle: StateFileHandle, startsWritable: boolean, warnings: string[]): StateStore {
	let writable = startsWritable;
	const said = new Set<string>();
	const say = (message: string) => {
		if (!said.has(message) && !warnings.includes(message)) {
			said.add(message);
			warnings.push(message);
		}
	};

	function read(): StateSnapshot | undefined {
		try {
			return handle.read();
		} catch {
			return undefined;
		}
	}

	/** Apply `change` to the file under the lock; on an I/O error or a newer file, stop writing and say so once. */
	function mutate<T>(change: (snapshot: StateSnapshot) => T, fallback: () => T, shouldWrite: (value: T) => boolean = () => true): T {
		if (!writable) {
			return fallback();
		}

		try {
			return handle.update(warnings, change, shouldWrite);
		} catch (error) {
			if (!(error instanceof LockTimeoutError) && !isDataError(error)) {
				writable = false;
			}

			if (!isDataError(error)) {
				say(degraded(handle.path, error));
			}

			return fallback();
		}
	}

	const get = (key: string): ArticleState | undefined => {
		const articles = read()?.articles;
		return articles && Object.hasOwn(articles, key) ? cleanEntry(articles[key]) : undefined;
	};

	return {
		path: handle.path,
		warnings,
		get writable() {
			return writable;
		},
		get,
		all: () => read()?.articles ?? noArticles(),
		unclaimed: () => read()?.unclaimed ?? noArticles(),
		forgotten: () => read()?.forgotten ?? {positions: 0, articles: 0},
		recordView: key => mutate(
			snapshot => upsert(snapshot, key, state => ({...state, views: state.views + 1, lastRead: now()})),
			() => {
				const state = get(key) ?? blankState();
				return {...state, views: state.views + 1};
			},
		),
		savePosition(key, position, readSections = []) {
			mutate(snapshot => {
				upsert(snapshot, key, state => ({
					...state,
					position: normalizePosition(position),
					readSections: [...new Set([...state.readSections, ...readSections])],
					lastRead: now(),
				}));
			}, () => undefined);
		},
		setMark(key, name, position) {
			if (!/^[a-zA-Z]$/.test(name)) {
				return;
			}

			mutate(snapshot => {
				upsert(snapshot, key, state => ({...state, marks: {...state.marks, [name]: normalizePosition(position)}}));
			}, () => undefined);
		},
		reset: key => mutate(snapshot => (key === undefined ? forgetAll(snapshot) : forget(snapshot.articles, key)), () => 0, count => count > 0),
	};
}

function noArticles(): Articles {
	return Object.create(null) as Articles;
}

function upsert(snapshot: StateSnapshot, key: string, update: (state: ArticleState) => ArticleState): ArticleState {
	const {articles} = snapshot;
	const next = update(Object.hasOwn(articles, key) ? articles[key] : blankState());
	articles[key] = next;
	keepWithinLimits(snapshot, key);
	return next;
}

function forget(articles: Articles, key: string): number {
	if (!Object.hasOwn(articles, key)) {
		return 0;
	}

	delete articles[key];
	return 1;
}

function forgetAll(snapshot: StateSnapshot): number {
	let count = 0;
	for (const articles of [snapshot.articles, snapshot.unclaimed]) {
		for (const key of Object.keys(articles)) {
			delete articles[key];
			count++;
		}
	}

	snapshot.forgotten = {positions: 0, articles: 0};
	return count;
}

function blankState(): ArticleState {
	return {views: 0, readSections: []};
}

/** Clamp numbers into range so a caller's NaN or 101 % can never make the file fail its schema. */
function normalizePosition(position: SavedPosition): SavedPosition {
	const clamp = (value: number, max: number) => (Number.isFinite(value) ? Math.min(max, Math.max(0, value)) : 0);
	return {
		...(typeof position.slug === 'string' ? {slug: position.slug} : {}),
		fraction: clamp(position.fraction, 1),
		percent: clamp(position.percent, 100),
		at: typeof position.at === 'string' && position.at !== '' ? position.at : now(),
	};
}

function now(): string {
	return new Date().toISOString();
}
