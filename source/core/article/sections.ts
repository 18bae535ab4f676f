import type {Token} from 'marked';
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

/**
 * The ranges [first, end) of the named sections with their sub-sections, in document order,
 * each printed once: a section named twice, or inside another named one, is dropped.
 */
export function selectedRanges(sections: Section[], selected: number[]): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const index of [...new Set(selected)].sort((a, b) => a - b)) {
		const last = ranges.at(-1);
		if (!last || index >= last[1]) {
			ranges.push(sectionRange(sections, index));
		}
	}

	return ranges;
}

/**
 * The Markdown source of the chosen sections, followed by the reference definitions and
 * footnotes they use but that are written elsewhere, so every `[x][]` still resolves.
 */
export function sectionsMarkdown(article: Article, selected: number[]): string {
	const {sections, blocks, document} = article.outline;
	const ranges = selectedRanges(sections, selected);
	const text = ranges.map(([first, end]) => {
		const endLine = sections[end]?.sourceLine ?? article.lines.length;
		return article.lines.slice(sections[first].sourceLine, endLine).join('\n').trimEnd() + '\n';
	}).join('\n');

	const chosen = blocks.filter(block => ranges.some(([first, end]) => block.section >= first && block.section < end));
	const defined = new Set<string>();
	const used: string[] = [];
	for (const block of chosen) {
		for (const token of document.blockTokens(block.firstToken, block.endToken)) {
			if (token.type === 'def') {
				defined.add(token.tag as string);
			} else if (token.type === 'footnote') {
				defined.add(`^${token.label as string}`);
			}
		}

		walkTokens(document.blockTokens(block.firstToken, block.endToken), token => {
			const label = referenceLabel(token);
			if (label !== undefined && !used.includes(label)) {
				used.push(label);
			}
		});
	}

	const definitions = used.filter(label => !defined.has(label)).map(label => {
		if (label.startsWith('^')) {
			return document.footnotes.get(label.slice(1))?.raw.trimEnd();
		}

		return document.definitionSources.get(label) ?? definitionLine(label, document.links[label]);
	}).filter((line): line is string => line !== undefined);
	return definitions.length === 0 ? text : `${text}\n${definitions.join('\n')}\n`;
}

/** The normalised label a reference link, image or footnote reference points at, if it is one. */
function referenceLabel(token: Token): string | undefined {
	if (token.type === 'footnoteRef') {
		return `^${token.label as string}`;
	}

	if ((token.type !== 'link' && token.type !== 'image') || token.raw.endsWith(')') || token.raw.startsWith('<')) {
		return undefined;
	}

	const full = /\]\[([^\]]+)\]$/.exec(token.raw);
	const shortcut = /^!?\[([\s\S]*?)\](?:\[\])?$/.exec(token.raw);
	const label = full?.[1] ?? shortcut?.[1];
	return label === undefined ? undefined : label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A definition written anew from what marked read, when its source was nested in a container. */
function definitionLine(label: string, link: {href: string; title?: string | null} | undefined): string | undefined {
	if (!link) {
		return undefined;
	}

	const href = /[\s()<>]/.test(link.href) ? `<${link.href}>` : link.href;
	return `[${label}]: ${href}${link.title ? ` "${link.title.replace(/"/g, '\\"')}"` : ''}`;
}

/** Visit every token below these, depth first, without recursion. */
function walkTokens(tokens: Token[], visit: (token: Token) => void): void {
	const stack: unknown[] = [...tokens].reverse();
	while (stack.length > 0) {
		const current = stack.pop();
		if (Array.isArray(current)) {
			for (let index = current.length - 1; index >= 0; index--) {
				stack.push(current[index]);
			}

			continue;
		}

		const token = current as Token & Record<string, unknown>;
		visit(token);
		for (const key of ['rows', 'header', 'items', 'tokens']) {
			if (Array.isArray(token[key])) {
				stack.push(token[key]);
			}
		}
	}
}
