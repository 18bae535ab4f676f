import {slug} from 'github-slugger';
import type {Section} from '../markdown/outline.js';
import {sanitizeLine} from '../text/sanitize.js';

/** Where a link leads, before anything is opened. */
export type LinkTarget =
	/** A section of the same article. */
	| {kind: 'anchor'; slug: string}
	/** Another Markdown article: `path` as written (percent-decoded, no query), `slug` its anchor. */
	| {kind: 'article'; path: string; slug?: string}
	/** A web page or a mail address, handed to the browser. */
	| {kind: 'external'; url: string}
	/** Any other scheme (`file:`, `javascript:`, ...): shown, never opened. */
	| {kind: 'unsupported'; href: string};

const scheme = /^([a-z][a-z\d+.-]*):/i;

/** Classify a link's destination. */
export function resolveLink(href: string): LinkTarget {
	const trimmed = href.trim();
	const named = scheme.exec(trimmed)?.[1]?.toLowerCase();
	if (named === 'http' || named === 'https' || named === 'mailto') {
		return {kind: 'external', url: trimmed};
	}

	// A Windows drive letter (`C:\notes.md`) is a path, not a scheme.
	if (named !== undefined && !/^[a-z]:[\\/]/i.test(trimmed)) {
		return {kind: 'unsupported', href: trimmed};
	}

	const hash = trimmed.indexOf('#');
	const pathPart = (hash === -1 ? trimmed : trimmed.slice(0, hash)).replace(/\?.*$/, '');
	const fragment = hash === -1 ? undefined : decode(trimmed.slice(hash + 1));
	if (pathPart === '') {
		return {kind: 'anchor', slug: fragment ?? ''};
	}

	return {kind: 'article', path: decode(pathPart), ...(fragment ? {slug: fragment} : {})};
}

/**
 * The library ids a link path from article `fromId` can mean, most likely first: a `.md` path is
 * relative to the linking article's folder (`/` starts at the library's top); a path without an
 * extension is that too, or else a library id. Undefined when the path leaves the library; empty
 * when it names no Markdown file (`image.png`).
 */
export function libraryCandidates(fromId: string, linkPath: string): string[] | undefined {
	const path = linkPath.replace(/\\/g, '/');
	const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
	if (extension !== undefined && extension !== 'md' && extension !== 'markdown') {
		return [];
	}

	const stem = extension === undefined ? path.replace(/\/+$/, '') : path.slice(0, -(extension.length + 1));
	const folder = fromId.split('/').slice(0, -1);
	const relative = normalise(stem.startsWith('/') ? [] : folder, stem);
	if (relative === undefined) {
		return undefined;
	}

	const candidates = [relative];
	if (extension === undefined && !stem.startsWith('/') && !stem.startsWith('.')) {
		const fromTop = normalise([], stem);
		if (fromTop !== undefined && fromTop !== relative) {
			candidates.push(fromTop);
		}
	}

	return candidates.filter(candidate => candidate !== '');
}

/** Join `path` onto `base` segments, resolving `.` and `..`; undefined when it climbs above the top. */
function normalise(base: string[], path: string): string | undefined {
	const segments = [...base];
	for (const segment of path.split('/')) {
		if (segment === '' || segment === '.') {
			continue;
		}

		if (segment === '..') {
			if (segments.length === 0) {
				return undefined;
			}

			segments.pop();
		} else {
			segments.push(segment);
		}
	}

	return segments.join('/');
}

/** Percent-decoded, never to a control character. */
function decode(text: string): string {
	try {
		return sanitizeLine(decodeURIComponent(text));
	} catch {
		return text;
	}
}

/**
 * The section an anchor names: its slug exactly, else the anchor read as a heading's text
 * (`#Reader Keys`), as GitHub would slug it. -1 when there is none.
 */
export function sectionForAnchor(sections: readonly Section[], anchor: string): number {
	const exact = sections.findIndex(section => section.slug === anchor);
	if (exact >= 0) {
		return exact;
	}

	const slugged = slug(anchor);
	return sections.findIndex(section => section.slug === slugged || section.slug === anchor.toLowerCase());
}
