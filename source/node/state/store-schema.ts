import {sanitizeLine} from '../../core/text/sanitize.js';
import type {ArticleState} from './store.js';

/** The articles of a state file, by key, in an object without a prototype. */
export type Articles = Record<string, ArticleState>;

/** How many articles' positions, and whole articles, were forgotten to stay under the limits. */
export type Forgotten = {positions: number; articles: number};

/** The file's shape in schema 2. */
export type StateFile = {
	/** By the article file's real path. */
	articles: Articles;
	/** Schema 1 entries kept by bare id until a library with that file claims them. */
	unclaimed?: Articles;
	forgotten?: Forgotten;
};

const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
/** Longest slug or key kept; a longer one is a broken or hostile file. */
const maxTextLength = 4096;

/**
 * The file's shape, checked by hand on every read: conf would compile a JSON schema with ajv on
 * every start (30–50 ms), more than the rest of opening the store. Unknown fields are allowed, so
 * a file from a newer minor version still loads. Throws `Config schema violation: ...`.
 */
export function validateStateFile(data: unknown): asserts data is StateFile {
	if (!isObject(data)) {
		throw violation('expected the file to hold a JSON object');
	}

	for (const field of ['articles', 'unclaimed'] as const) {
		const value = data[field];
		if (value === undefined) {
			continue;
		}

		if (!isObject(value)) {
			throw violation(`expected \`${field}\` to be an object`);
		}

		for (const key in value) {
			if (Object.hasOwn(value, key)) {
				const problem = entryProblem(value[key]);
				if (problem) {
					throw violation(`expected ${field}[${JSON.stringify(key.slice(0, 80))}]${problem}`);
				}
			}
		}
	}
}

/**
 * The entries of `articles` (or `unclaimed`) that pass the check, each cleaned: strings that
 * could reach a terminal are sanitised, a `lastRead` that is not an ISO time is dropped. Used for
 * a newer folio's file, which is read but not trusted to have this version's shape.
 */
export function readableEntries(value: unknown): Articles {
	const articles = Object.create(null) as Articles;
	if (!isObject(value)) {
		return articles;
	}

	for (const [key, entry] of Object.entries(value)) {
		if (key.length > maxTextLength) {
			continue;
		}

		if (entryProblem(entry) === undefined) {
			articles[key] = cleanEntry(entry as ArticleState);
		} else if (isObject(entry) && entryProblem({...entry, marks: undefined}) === undefined) {
			// Marks of a shape this version does not know: the views and position still show.
			const {marks: _marks, ...rest} = entry;
			articles[key] = cleanEntry(rest as ArticleState);
		}
	}

	return articles;
}

/** An entry as it may be shown: slugs sanitised and bounded, times checked. */
export function cleanEntry(entry: ArticleState): ArticleState {
	const clean: ArticleState = {...entry, readSections: entry.readSections.filter(slug => slug.length <= maxTextLength).map(slug => sanitizeLine(slug))};
	if (clean.lastRead !== undefined && !isoTime.test(clean.lastRead)) {
		delete clean.lastRead;
	}

	if (clean.position) {
		clean.position = cleanPosition(clean.position);
	}

	if (clean.marks) {
		const marks: NonNullable<ArticleState['marks']> = {};
		for (const [name, mark] of Object.entries(clean.marks)) {
			marks[name] = cleanPosition(mark);
		}

		clean.marks = marks;
	}

	return clean;
}

function cleanPosition<P extends {slug?: string; at: string}>(position: P): P {
	const {slug, at} = position;
	return {
		...position,
		...(slug === undefined ? {} : {slug: sanitizeLine(slug.slice(0, maxTextLength))}),
		at: isoTime.test(at) ? at : new Date(0).toISOString(),
	};
}

function entryProblem(entry: unknown): string | undefined {
	if (!isObject(entry)) {
		return ' to be an object';
	}

	const {views, position, lastRead, readSections, marks} = entry;
	if (!Number.isInteger(views) || (views as number) < 0) {
		return `.views to be a whole number from 0, got ${JSON.stringify(views)?.slice(0, 40)}`;
	}

	if (!Array.isArray(readSections) || !allStrings(readSections)) {
		return '.readSections to be a list of strings';
	}

	if (lastRead !== undefined && typeof lastRead !== 'string') {
		return '.lastRead to be a string';
	}

	if (position !== undefined) {
		const problem = positionProblem(position, '.position');
		if (problem) {
			return problem;
		}
	}

	if (marks !== undefined) {
		if (!isObject(marks)) {
			return '.marks to be an object';
		}

		for (const name in marks) {
			if (!Object.hasOwn(marks, name)) {
				continue;
			}

			if (!/^[a-zA-Z]$/.test(name)) {
				return `.marks to be named by one letter, got ${JSON.stringify(name.slice(0, 40))}`;
			}

			const problem = positionProblem(marks[name], `.marks.${name}`);
			if (problem) {
				return problem;
			}
		}
	}

	return undefined;
}

function positionProblem(position: unknown, where: string): string | undefined {
	if (!isObject(position)) {
		return `${where} to be an object`;
	}

	const {slug, fraction, percent, at} = position;
	if ((slug !== undefined && typeof slug !== 'string') || !inRange(fraction, 1) || !inRange(percent, 100) || typeof at !== 'string') {
		return `${where} to be {slug?, fraction 0–1, percent 0–100, at}`;
	}

	return undefined;
}

function inRange(value: unknown, maximum: number): boolean {
	return typeof value === 'number' && value >= 0 && value <= maximum;
}

function allStrings(list: unknown[]): boolean {
	for (const item of list) {
		if (typeof item !== 'string') {
			return false;
		}
	}

	return true;
}

function violation(what: string): Error {
	return new Error(`Config schema violation: ${what}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
