import {statSync} from 'node:fs';
import path from 'node:path';
import {articleStateKey} from './article-key.js';
import type {StateSnapshot} from './store-file.js';
import type {ArticleState} from './store.js';

/** Positions, marks and read sections are kept for this many articles, the most recently read. */
export const maxPositions = 10_000;
/** Views are kept for this many articles; beyond it the least recently read are forgotten whole. */
export const maxArticles = 20_000;

/**
 * Keep the snapshot within the limits, never touching `keep` (the article just read): first the
 * least recently read articles lose their position, marks and read sections (their views stay), and only
 * past `maxArticles` are whole articles forgotten. Each is counted in `snapshot.forgotten`.
 */
export function keepWithinLimits(snapshot: StateSnapshot, keep: string): void {
	const {articles} = snapshot;
	const keys = Object.keys(articles);
	const withPosition = keys.filter(key => hasDetails(articles[key]));
	if (withPosition.length > maxPositions) {
		for (const key of oldestFirst(snapshot, withPosition, keep).slice(0, withPosition.length - maxPositions)) {
			const {position: _position, marks: _marks, ...rest} = articles[key];
			articles[key] = {...rest, readSections: []};
			snapshot.forgotten.positions++;
		}
	}

	if (keys.length > maxArticles) {
		for (const key of oldestFirst(snapshot, keys, keep).slice(0, keys.length - maxArticles)) {
			delete articles[key];
			snapshot.forgotten.articles++;
		}
	}
}

/**
 * Give the library the entries an older folio kept by bare id that name one of its files, keyed
 * by that file's real path; returns how many. An entry that also has state under its new key is
 * merged: views added, sections joined, the later position kept.
 */
export function claimUnclaimed(snapshot: StateSnapshot, library: string): number {
	let claimed = 0;
	for (const [id, state] of Object.entries(snapshot.unclaimed)) {
		const file = `${path.join(library, ...id.split('/'))}.md`;
		if (!isFile(file)) {
			continue;
		}

		const key = articleStateKey(file);
		snapshot.articles[key] = Object.hasOwn(snapshot.articles, key) ? merge(snapshot.articles[key], state) : state;
		delete snapshot.unclaimed[id];
		claimed++;
	}

	return claimed;
}

function merge(current: ArticleState, older: ArticleState): ArticleState {
	const later = (current.lastRead ?? '') >= (older.lastRead ?? '') ? current : older;
	return {
		...older,
		...current,
		views: current.views + older.views,
		readSections: [...new Set([...older.readSections, ...current.readSections])],
		...(later.position ? {position: later.position} : {}),
		...(older.marks || current.marks ? {marks: {...older.marks, ...current.marks}} : {}),
		...(later.lastRead ? {lastRead: later.lastRead} : {}),
	};
}

function hasDetails(state: ArticleState): boolean {
	return state.position !== undefined || state.readSections.length > 0 || (state.marks !== undefined && Object.keys(state.marks).length > 0);
}

function oldestFirst(snapshot: StateSnapshot, keys: string[], keep: string): string[] {
	const lastRead = (key: string) => snapshot.articles[key].lastRead ?? '';
	return keys
		.filter(key => key !== keep)
		.sort((a, b) => (lastRead(a) < lastRead(b) ? -1 : (lastRead(a) > lastRead(b) ? 1 : 0)));
}

function isFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}
