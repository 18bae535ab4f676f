import {splitFrontMatter, type FrontMatter} from './front-matter.js';
import {headingText, scanOutline, type Outline} from '../markdown/outline.js';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';

/** Reading speed used for `M min read`. */
export const wordsPerMinute = 230;

/** Columns between tab stops when tabs are expanded. */
export const tabWidth = 4;

/** Where an article came from. */
export type ArticleOrigin =
	| {kind: 'library'; id: string; path: string}
	| {kind: 'file'; id: string; path: string}
	| {kind: 'stdin'; id: '-'};

/** An article's front matter and counts: all that a library listing needs. */
export type ArticleInfo = {
	id: string;
	path?: string;
	title: string;
	date?: string;
	category?: string;
	tags: string[];
	summary?: string;
	words: number;
	minutes: number;
};

/** A parsed article: its details, its Markdown body and its outline. */
export type Article = ArticleInfo & {
	origin: ArticleOrigin;
	/** The body (front matter removed), normalised: LF line ends, tabs expanded, controls removed. */
	body: string;
	/** The body's lines, shared by the outline and the renderer. */
	lines: string[];
	outline: Outline;
	/** Problems found while reading that did not stop it, each one line. */
	warnings: string[];
};

/**
 * Normalise a file's text: BOM dropped, CRLF and CR to LF, tabs expanded, controls removed.
 */
export function normaliseSource(text: string): string {
	let source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	source = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
	if (source.includes('\t')) {
		source = expandTabs(source);
	}

	return sanitizeText(source);
}

/** Expand tabs to spaces at every `tabWidth` columns, touching only the lines that have one. */
export function expandTabs(text: string): string {
	return text.replace(/^[^\n\t]*\t[^\n]*/gm, line => {
		let out = '';
		for (const character of line) {
			out += character === '\t' ? ' '.repeat(tabWidth - (out.length % tabWidth)) : character;
		}

		return out;
	});
}

/**
 * Parse an article from its text.
 */
export function parseArticle(text: string, origin: ArticleOrigin): Article {
	const {frontMatter, body, warning} = splitFrontMatter(normaliseSource(text));
	const lines = body.split('\n');
	const outline = scanOutline(lines);
	const title = frontMatter.title ?? outline.sections.find(section => section.depth === 1)?.title ?? fileTitle(origin);
	return {...describe(frontMatter, body, title, origin, warning), origin, body, lines, outline};
}

/**
 * Read only what a listing needs: front matter, title and word count. No outline is built
 * unless the title has to come from the first heading.
 */
export function readArticleInfo(text: string, origin: ArticleOrigin): ArticleInfo & {warnings: string[]} {
	const {frontMatter, body, warning} = splitFrontMatter(normaliseSource(text));
	const title = frontMatter.title ?? firstHeading(body) ?? fileTitle(origin);
	return describe(frontMatter, body, title, origin, warning);
}

function describe(frontMatter: FrontMatter, body: string, title: string, origin: ArticleOrigin, warning: string | undefined): ArticleInfo & {warnings: string[]} {
	const words = countWords(body);
	return {
		date: frontMatter.date,
		category: frontMatter.category,
		tags: frontMatter.tags,
		summary: frontMatter.summary,
		id: origin.id,
		path: origin.kind === 'stdin' ? undefined : origin.path,
		title,
		words,
		minutes: readingMinutes(words),
		warnings: warning ? [warning] : [],
	};
}

function firstHeading(body: string): string | undefined {
	const quick = /^ {0,3}# +(.+?)(?: +#+)? *$/m.exec(body);
	if (quick && !/^ {0,3}(?:```|~~~)/m.test(body.slice(0, quick.index))) {
		return headingText(quick[1]) || undefined;
	}

	return scanOutline(body.split('\n')).sections.find(section => section.depth === 1)?.title;
}

function fileTitle(origin: ArticleOrigin): string {
	if (origin.kind === 'stdin') {
		return 'stdin';
	}

	const name = origin.path.split(/[\\/]/).pop() ?? origin.id;
	return sanitizeLine(name.replace(/\.(?:md|markdown)$/i, '')) || 'untitled';
}

/**
 * Words in a Markdown body: runs of non-space characters that hold a letter or digit (so a `-`
 * bullet or a `|` is not a word), and each CJK character counts as one. One pass over the
 * characters: it runs on every article a listing reads.
 */
export function countWords(body: string): number {
	let count = 0;
	let inWord = false;
	let hasLetter = false;
	for (let index = 0; index < body.length; index++) {
		const code = body.charCodeAt(index);
		if (code <= 32 || code === 0xA0 || code === 0x30_00) {
			count += inWord && hasLetter ? 1 : 0;
			inWord = false;
			hasLetter = false;
		} else if (isCjk(code)) {
			count += (inWord && hasLetter ? 1 : 0) + 1;
			inWord = false;
			hasLetter = false;
		} else {
			inWord = true;
			hasLetter ||= (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xC0 && code !== 0xD7 && code !== 0xF7 && (code < 0x20_00 || code > 0x2B_FF));
		}
	}

	return count + (inWord && hasLetter ? 1 : 0);
}

function isCjk(code: number): boolean {
	return (code >= 0x4E_00 && code <= 0x9F_FF) || (code >= 0x34_00 && code <= 0x4D_BF) || (code >= 0x30_40 && code <= 0x30_FF)
		|| (code >= 0xAC_00 && code <= 0xD7_AF) || (code >= 0x11_00 && code <= 0x11_FF) || (code >= 0x31_30 && code <= 0x31_8F);
}

/** Minutes to read `words` words at `wordsPerMinute`, at least 1. */
export function readingMinutes(words: number): number {
	// An article without words takes no time: `0 min read`, never `1 min`.
	return words === 0 ? 0 : Math.max(1, Math.ceil(words / wordsPerMinute));
}
