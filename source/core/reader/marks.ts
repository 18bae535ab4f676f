import type {ReadingPosition} from './position.js';

/** Marks of one article (`m` + letter), each a place in the content. */
export type Marks = Readonly<Record<string, ReadingPosition>>;

/** A mark is named by one ASCII letter, as in less. */
export function isMarkName(key: string): boolean {
	return /^[a-zA-Z]$/.test(key);
}

/** The marks sorted by name, for the TOC and `folio marks`. */
export function sortedMarks(marks: Marks): Array<[string, ReadingPosition]> {
	return Object.entries(marks).filter(([name]) => isMarkName(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
