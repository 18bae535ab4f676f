import type {ReaderDocument, RenderTarget} from './reader-document.js';

/** A place in the text that survives a new width or an edited file: what is saved to resume at. */
export type ReadingPosition = {
	/** Slug of the section at the top of the screen; undefined before the first heading. */
	slug?: string;
	/** 0–1: how far into that section. */
	fraction: number;
	/** 0–100: how far through the article. */
	percent: number;
};

/**
 * The section whose heading is at or above `line`, or -1 before the first heading. A binary
 * search: section starts only grow, and sections not rendered yet (-1) come last, or, in the
 * end of a document, first (before `firstSection`).
 */
export function sectionAt(document: ReaderDocument, line: number): number {
	let low = document.firstSection;
	let high = document.sectionCount - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const start = document.sectionStart(middle);
		if (start >= 0 && start <= line) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}

	return found;
}

/**
 * The section being read: the one under the top line, except at the very end of the article,
 * where the last heading on screen is (a short last section could never reach the top line).
 */
export function currentSection(document: ReaderDocument, offset: number, height: number): number {
	const atBottom = document.complete && offset >= document.lineCount - height;
	return sectionAt(document, atBottom ? document.lineCount - 1 : offset);
}

/** Reading progress when `offset` is the top line and `height` lines are visible. */
export function progressPercent(document: ReaderDocument, offset: number, height: number): number {
	const above = document.linesAbove;
	const total = above + document.estimatedLineCount;
	if (total <= height) {
		return 100;
	}

	return Math.min(100, Math.round(((above + offset + height) / total) * 100));
}

/** Describe where the top line is as a place in the text. */
export function placeAt(document: ReaderDocument, offset: number, height: number): ReadingPosition {
	const section = sectionAt(document, offset);
	const start = section >= 0 ? document.sectionStart(section) : 0;
	const end = section >= 0 ? document.sectionEnd(section) : (document.sectionCount > 0 ? Math.max(0, document.sectionStart(0)) : document.lineCount);
	const length = Math.max(1, end - start);
	return {
		slug: section >= 0 ? document.article.outline.sections[section].slug : undefined,
		fraction: Math.min(1, Math.max(0, (offset - start) / length)),
		percent: progressPercent(document, offset, height),
	};
}

/**
 * The top line for a saved place: the same point within the same section, found by slug;
 * by percentage when the section is gone. When the part of the document that decides it is not
 * rendered yet, says what must be rendered first.
 */
export function offsetFor(document: ReaderDocument, place: ReadingPosition, height: number): number | {needs: RenderTarget} {
	const sections = document.article.outline.sections;
	const index = place.slug === undefined ? -1 : sections.findIndex(section => section.slug === place.slug);
	if (index >= 0) {
		// The next section's start is where this one ends.
		const until = {section: Math.min(index + 1, sections.length - 1)};
		if (!document.isRendered(until)) {
			return {needs: until};
		}

		const start = document.sectionStart(index);
		const end = document.sectionEnd(index);
		return clampOffset(document, Math.round(start + place.fraction * (end - start)), height);
	}

	if (place.slug === undefined && place.percent < 100) {
		const until = document.sectionCount > 0 ? {section: 0} : 'all';
		if (!document.isRendered(until)) {
			return {needs: until};
		}

		const limit = document.sectionCount > 0 ? document.sectionStart(0) : document.lineCount;
		return clampOffset(document, Math.round(place.fraction * limit), height);
	}

	if (!document.complete) {
		return {needs: 'all'};
	}

	const target = Math.round((place.percent / 100) * document.lineCount) - height;
	return clampOffset(document, target, height);
}

/**
 * `read` with the sections whose end is on screen added (the same set when none is new). Only
 * sections that end on screen can become read, so the search starts at the one under the top line.
 */
export function sectionsReadOnScreen(document: ReaderDocument, offset: number, height: number, read: ReadonlySet<string>): ReadonlySet<string> {
	const sections = document.article.outline.sections;
	let added: Set<string> | undefined;
	for (let index = Math.max(0, sectionAt(document, offset)); index < sections.length; index++) {
		const start = document.sectionStart(index);
		if (start < 0 || start >= offset + height) {
			break;
		}

		const end = document.sectionEnd(index);
		const slug = sections[index].slug;
		if (end <= offset + height && (end > offset || start >= offset) && !read.has(slug)) {
			added ??= new Set(read);
			added.add(slug);
		}
	}

	return added ?? read;
}

/** Keep an offset between the top and the last full screen. */
export function clampOffset(document: ReaderDocument, offset: number, height: number): number {
	const maximum = document.complete ? Math.max(0, document.lineCount - height) : Number.MAX_SAFE_INTEGER;
	return Math.max(0, Math.min(offset, maximum));
}
