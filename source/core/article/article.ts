import {splitFrontMatter, type FrontMatter} from './front-matter.js';
import {guardMarkdown} from './input-guard.js';
import {atxHeadingContent, buildOutline, headingText, quickSections, type Outline, type QuickSection} from '../markdown/outline.js';
import {decodeTabEntities, sanitizeLine, sanitizeText} from '../text/sanitize.js';

/** Reading speed used for `M min read`. */
export const wordsPerMinute = 230;

/** Columns between tab stops when tabs are expanded. */
export const tabWidth = 4;

/** Where an article came from. */
export type ArticleOrigin =
	| {kind: 'library'; id: string; path: string}
	| {kind: 'file'; id: string; path: string}
	| {kind: 'stdin'; id: '-'};

/**
 * What an article says about itself: front matter and counts, all that a listing needs. The one
 * name for an article's description, from the library scan to `list --json` and the library screen.
 */
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
	/** Problems found while reading that did not stop it, each one line. */
	warnings: string[];
};

/** A parsed article: its details, its Markdown body and its outline. */
export type Article = ArticleInfo & {
	origin: ArticleOrigin;
	/** The body (front matter removed), normalised: LF line ends, tabs expanded, controls removed. */
	body: string;
	/** The body's lines, shared by the outline and the renderer. */
	lines: string[];
	outline: Outline;
};

/**
 * Normalise a file's text: BOM dropped, CRLF and CR to LF, tabs expanded, controls removed.
 */
export function normaliseSource(text: string): string {
	let source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	source = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
	source = decodeTabEntities(source);
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
	const {frontMatter, body, warnings} = readBody(text);
	const lines = body.split('\n');
	const outline = buildOutline(lines);
	const title = frontMatter.title ?? firstTitle(outline.sections) ?? fileTitle(origin);
	const info = describe(frontMatter, body, title, origin, warnings);
	return {...info, origin, body, lines, outline};
}

/** A file's text as every reader of articles takes it: normalised, front matter apart, the body guarded. */
function readBody(text: string): {frontMatter: FrontMatter; body: string; warnings: string[]} {
	const {frontMatter, body: source, warning} = splitFrontMatter(normaliseSource(text));
	const guarded = guardMarkdown(source);
	return {frontMatter, body: guarded.text, warnings: [...(warning ? [warning] : []), ...guarded.warnings]};
}

/** The title a body gives an article without one in its front matter: its first top-level heading. */
function firstTitle(sections: Array<Pick<QuickSection, 'depth' | 'title'>>): string | undefined {
	// A heading with no text (an image without alt text) gives no title: the file name does.
	return sections.find(section => section.depth === 1)?.title || undefined;
}

/**
 * Read only what a listing needs: front matter, title and word count. No outline is built
 * unless the title has to come from the first heading.
 */
export function readArticleInfo(text: string, origin: ArticleOrigin): ArticleInfo {
	const {frontMatter, body, warnings} = readBody(text);
	const title = frontMatter.title ?? firstHeading(body) ?? fileTitle(origin);
	return describe(frontMatter, body, title, origin, warnings);
}

/** What the search index reads of an article: its front matter fields, its body's lines and its headings. */
export type SearchableArticle = {title: string; tags: string[]; summary?: string; lines: string[]; sections: QuickSection[]};

/**
 * Read an article for the search index: as `parseArticle` reads it, but the headings found by a
 * scan of the lines where the scan can be sure (`quickSections`), by marked otherwise; no word
 * count. Indexing a library reads every file, and lexing a whole file is most of the cost.
 */
export function readSearchable(text: string, origin: ArticleOrigin): SearchableArticle {
	const {frontMatter, body} = readBody(text);
	const lines = body.split('\n');
	const sections = quickSections(lines) ?? buildOutline(lines).sections;
	const title = frontMatter.title ?? firstTitle(sections) ?? fileTitle(origin);
	return {title, tags: frontMatter.tags, summary: frontMatter.summary, lines, sections};
}

function describe(frontMatter: FrontMatter, body: string, title: string, origin: ArticleOrigin, warnings: string[]): ArticleInfo {
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
		warnings,
	};
}

function firstHeading(body: string): string | undefined {
	// The quick path: a `# ` line with nothing before it that could hide it (code, HTML, a quote).
	const quick = /^ {0,3}# +(\S[^\n]*)$/m.exec(body);
	// A heading with a link or image in it needs the whole outline: its reference definitions may be anywhere.
	if (quick && !quick[1].includes('[') && !/^ {0,3}(?:```|~~~|<|>|[-*+] |\d{1,9}[.)] )|^ {4}/m.test(body.slice(0, quick.index))) {
		return headingText(atxHeadingContent(quick[1])) || undefined;
	}

	return firstTitle(buildOutline(body.split('\n')).sections);
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

/** Minutes to read `words` words at `wordsPerMinute`: at least 1 for any text, 0 for none. */
export function readingMinutes(words: number): number {
	return words === 0 ? 0 : Math.max(1, Math.ceil(words / wordsPerMinute));
}
