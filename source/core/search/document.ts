import type {SearchableArticle} from '../article/article.js';

/** What the index knows of an article: the fields it searches, each plain text. */
export type SearchDocument = {
	/** The article's key in the index: its path inside the library folder. */
	id: string;
	title: string;
	headings: string;
	tags: string;
	summary: string;
	/** Prose and code, without headings, HTML comments and tags, or link targets. */
	body: string;
};

/** The fields searched, and how much a match in each weighs against one in the body. */
export const fieldBoosts = {title: 4, headings: 2, tags: 2, summary: 1.5, body: 1} as const;

export const searchFields = Object.keys(fieldBoosts) as Array<keyof typeof fieldBoosts>;

/**
 * The text of an article that search looks at: front matter only as its title, tags and
 * summary (never its keys or other values), headings apart from the body so they can weigh
 * more, and a body of what a reader sees — no HTML comments, tags or link targets.
 */
export function searchDocument(id: string, article: SearchableArticle): SearchDocument {
	const headingLines = new Set(article.sections.map(section => section.sourceLine));
	const lines = article.lines.filter((_, index) => !headingLines.has(index));
	return {
		id,
		title: article.title,
		headings: article.sections.map(section => section.title).join('\n'),
		tags: article.tags.join(' '),
		summary: article.summary ?? '',
		body: readableText(lines.join('\n')),
	};
}

/** Markdown minus what a reader never sees as text: comments, HTML tags, link targets. */
export function readableText(markdown: string): string {
	return markdown
		.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
		.replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, ' ')
		.replace(/\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g, '] ')
		.replace(/<\/?(?![a-z][\w+.-]*:)[a-z][^<>]*>/gi, ' ');
}
