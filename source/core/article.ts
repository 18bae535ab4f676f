import {splitFrontMatter, type FrontMatter} from './front-matter.js';
import {headingText, scanOutline, type Outline} from './outline.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';

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

/** Expand tabs to spaces at every `tabWidth` columns, line by line. */
export function expandTabs(text: string): string {
	return text
		.split('\n')
		.map(line => {
			if (!line.includes('\t')) {
				return line;
			}

			let out = '';
			for (const character of line) {
				out += character === '\t' ? ' '.repeat(tabWidth - (out.length % tabWidth)) : character;
			}

			return out;
		})
		.join('\n');
}

/**
 * Parse an article from its text.
 */
export function parseArticle(text: string, origin: ArticleOrigin): Article {
	const {frontMatter, body, warning} = splitFrontMatter(normaliseSource(text));
	const outline = scanOutline(body);
	const title = frontMatter.title ?? outline.sections.find(section => section.depth === 1)?.title ?? fileTitle(origin);
	return {...describe(frontMatter, body, title, origin, warning), origin, body, lines: body.split('\n'), outline};
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

	return scanOutline(body).sections.find(section => section.depth === 1)?.title;
}

function fileTitle(origin: ArticleOrigin): string {
	if (origin.kind === 'stdin') {
		return 'stdin';
	}

	const name = origin.path.split(/[\\/]/).pop() ?? origin.id;
	return sanitizeLine(name.replace(/\.(?:md|markdown)$/i, '')) || 'untitled';
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]*[\p{L}\p{N}][^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]*/gu;

/**
 * Words in a Markdown body: whitespace-separated runs, and each CJK character counts as one.
 */
export function countWords(body: string): number {
	const pattern = cjk.test(body) ? wordPattern : /\S*[\p{L}\p{N}]\S*/gu;
	return body.match(pattern)?.length ?? 0;
}

/** Minutes to read `words` words at `wordsPerMinute`, at least 1. */
export function readingMinutes(words: number): number {
	return Math.max(1, Math.ceil(words / wordsPerMinute));
}
