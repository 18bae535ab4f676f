import type {Article} from './article.js';
import {FolioError} from '../errors.js';
import type {Section} from '../markdown/outline.js';
import {sanitizeLine} from '../text/sanitize.js';

/**
 * The index range [first, end) of a section and its sub-sections in the outline.
 */
export function sectionRange(sections: Section[], index: number): [number, number] {
	const {depth} = sections[index];
	let end = index + 1;
	while (end < sections.length && sections[end].depth > depth) {
		end++;
	}

	return [index, end];
}

/**
 * Find sections by slug, or by title ignoring case. Unknown names fail with one line listing
 * what exists.
 */
export function findSections(article: Article, names: string[]): number[] {
	const {sections} = article.outline;
	const found = names.map(name => {
		const wanted = name.trim().replace(/^#/, '');
		let index = sections.findIndex(section => section.slug === wanted);
		if (index === -1) {
			index = sections.findIndex(section => section.title.toLowerCase() === wanted.toLowerCase());
		}

		if (index === -1) {
			const known = sections.map(section => section.slug);
			const listing = known.length === 0 ? 'the article has no sections' : `sections: ${known.slice(0, 30).join(', ')}${known.length > 30 ? `, … (${known.length} in all; folio toc lists them)` : ''}`;
			throw new FolioError(`no section "${sanitizeLine(name)}" in ${sanitizeLine(article.id)}; ${listing}`);
		}

		return index;
	});
	return [...new Set(found)].sort((a, b) => a - b);
}
