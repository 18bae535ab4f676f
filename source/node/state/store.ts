import path from 'node:path';
import {UsageError} from '../../core/errors.js';
import type {ReadingPosition} from '../../core/reader/position.js';
import {cannotWrite, isDataError, openStateFile, readArticles, updateArticles, type Articles, type StateConf} from './store-file.js';
import {LockTimeoutError} from './store-lock.js';
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
};

/** Per-user reading state. After `openStore` returns, no method throws: I/O problems only degrade it. */
export type StateStore = {
	/** The JSON file in use. */
	readonly path: string;
	/** False when the state cannot be saved; reads then return nothing and writes do nothing. */
	readonly writable: boolean;
	/** One-line messages to show the user once. */
	readonly warnings: string[];
	get(key: string): ArticleState | undefined;
	all(): Record<string, ArticleState>;
	/** Count one more view and set `lastRead`; safe when several folio processes run at once. */
	recordView(key: string): ArticleState;
	/** Save the position, add `readSections` to those already read, and set `lastRead`. */
	savePosition(key: string, position: SavedPosition, readSections?: string[]): void;
	/** Set (or move) mark `name` (one letter) of an article to `position`. */
	setMark(key: string, name: string, position: SavedPosition): void;
	/** Forget one article, or every article; returns how many were forgotten. */
	reset(key?: string): number;
};

/** At most this many articles are remembered; beyond it the least recently read are forgotten. */
export const maxArticles = 1000;

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
 * Open the reading state. Throws only for an invalid profile name; a corrupt file is moved aside
 * and a folder that cannot be written gives a read-only store, each with a line in `warnings`.
 */
export function openStore(options: StoreOptions): StateStore {
	const file = stateFilePath(options);
	const warnings: string[] = [];
	const conf = openStateFile(file, warnings);
	return createStore(file, conf, warnings);
}

function profileOf(options: StoreOptions): string | undefined {
	const profile = options.profile ?? (options.env.FOLIO_PROFILE || undefined);
	if (profile !== undefined && !profilePattern.test(profile)) {
		throw new UsageError(`Expected --profile to be 1 to 64 letters, digits, - or _, got ${JSON.stringify(profile)}`);
	}

	return profile;
}

function stateFileName(profile: string | undefined): string {
	return profile === undefined ? 'state.json' : `state-${profile}.json`;
}

function createStore(file: string, conf: StateConf | undefined, warnings: string[]): StateStore {
	let writable = conf !== undefined;

	function read(): Articles {
		try {
			return conf ? readArticles(conf) : noArticles();
		} catch {
			return noArticles();
		}
	}

	/** Apply `change` to the file under the lock; on an I/O error, stop writing and say so once. */
	function mutate<T>(change: (articles: Articles) => T, fallback: () => T, shouldWrite: (value: T) => boolean = () => true): T {
		if (!conf || !writable) {
			return fallback();
		}

		try {
			return updateArticles(conf, warnings, change, shouldWrite);
		} catch (error) {
			if (!(error instanceof LockTimeoutError) && !isDataError(error)) {
				writable = false;
				warnings.push(cannotWrite(file, error));
			}

			return fallback();
		}
	}

	const get = (key: string): ArticleState | undefined => {
		const articles = read();
		return Object.hasOwn(articles, key) ? articles[key] : undefined;
	};

	return {
		path: file,
		warnings,
		get writable() {
			return writable;
		},
		get,
		all: read,
		recordView: key => mutate(
			articles => upsert(articles, key, state => ({...state, views: state.views + 1, lastRead: now()})),
			() => get(key) ?? blankState(),
		),
		savePosition(key, position, readSections = []) {
			mutate(articles => {
				upsert(articles, key, state => ({
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

			mutate(articles => {
				upsert(articles, key, state => ({...state, marks: {...state.marks, [name]: normalizePosition(position)}}));
			}, () => undefined);
		},
		reset: key => mutate(articles => (key === undefined ? forgetAll(articles) : forget(articles, key)), () => 0, count => count > 0),
	};
}

function noArticles(): Articles {
	return Object.create(null) as Articles;
}

function upsert(articles: Articles, key: string, update: (state: ArticleState) => ArticleState): ArticleState {
	const next = update(Object.hasOwn(articles, key) ? articles[key] : blankState());
	articles[key] = next;
	evictLeastRecentlyRead(articles, key);
	return next;
}

function evictLeastRecentlyRead(articles: Articles, keep: string): void {
	const keys = Object.keys(articles);
	const excess = keys.length - maxArticles;
	if (excess <= 0) {
		return;
	}

	const lastRead = (key: string) => articles[key].lastRead ?? '';
	const oldestFirst = keys
		.filter(key => key !== keep)
		.sort((a, b) => (lastRead(a) < lastRead(b) ? -1 : (lastRead(a) > lastRead(b) ? 1 : 0)));
	for (const key of oldestFirst.slice(0, excess)) {
		delete articles[key];
	}
}

function forget(articles: Articles, key: string): number {
	if (!Object.hasOwn(articles, key)) {
		return 0;
	}

	delete articles[key];
	return 1;
}

function forgetAll(articles: Articles): number {
	const keys = Object.keys(articles);
	for (const key of keys) {
		delete articles[key];
	}

	return keys.length;
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
