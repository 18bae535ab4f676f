import GithubSlugger from 'github-slugger';
import {decodeHTMLStrict} from 'entities';
import {Lexer, type Token} from 'marked';
import {sanitizeLine} from '../text/sanitize.js';
import {MarkdownDocument} from './document.js';

/** One heading of an article. */
export type Section = {
	/** Heading level, 1–6. */
	depth: number;
	/** The heading as plain text: no Markdown, no controls. */
	title: string;
	/** GitHub-compatible unique slug: `usage`, `usage-1`, ... */
	slug: string;
	/** 0-based line of the heading in the article body (after front matter). */
	sourceLine: number;
};

/** A run of body lines: the preamble before the first heading, or one heading and its text. */
export type Block = {
	/** Index into the outline, or -1 for the preamble. */
	section: number;
	startLine: number;
	endLine: number;
	/** The block's top-level tokens in the document: [firstToken, endToken). */
	firstToken: number;
	endToken: number;
};

export type Outline = {
	sections: Section[];
	/** The smallest heading depth (1 for an article with an H1), for indenting a TOC; 1 when there are none. */
	topDepth: number;
	blocks: Block[];
	/** The body lexed by marked: the tokens every block renders from, and the reference definitions. */
	document: MarkdownDocument;
};

/**
 * The outline of a Markdown body (its lines), read from marked's own top-level block tokens: the
 * headings marked finds are the sections, and each block is a heading and what follows it up to
 * the next one. The renderer draws the same tokens, so outline and text always agree.
 */
export function buildOutline(lines: string[]): Outline {
	const document = new MarkdownDocument(lines.join('\n'));
	const sections: Section[] = [];
	const headingTokens: number[] = [];
	const slugger = new GithubSlugger();
	for (const [index, token] of document.tokens.entries()) {
		if (token.type === 'heading') {
			const title = sanitizeLine(decodeEntities(inlineText(document.inlineOf(index))));
			sections.push({depth: token.depth as number, title, slug: slugger.slug(title), sourceLine: document.tokenLines[index]});
			headingTokens.push(index);
		}
	}

	let topDepth = 6;
	for (const section of sections) {
		topDepth = Math.min(topDepth, section.depth);
	}

	const blocks: Block[] = [];
	const firstHeading = headingTokens[0] ?? document.tokens.length;
	if (firstHeading > 0) {
		blocks.push({section: -1, startLine: 0, endLine: sections[0]?.sourceLine ?? lines.length, firstToken: 0, endToken: firstHeading});
	}

	for (const [index, section] of sections.entries()) {
		blocks.push({
			section: index,
			startLine: section.sourceLine,
			endLine: sections[index + 1]?.sourceLine ?? lines.length,
			firstToken: headingTokens[index],
			endToken: headingTokens[index + 1] ?? document.tokens.length,
		});
	}

	return {sections, topDepth: sections.length > 0 ? topDepth : 1, blocks, document};
}

/**
 * The plain text of a heading's inline Markdown, read by marked's own inline lexer: emphasis,
 * code marks, links and HTML tags removed, entities decoded, controls stripped.
 */
export function headingText(markdown: string): string {
	if (!/[\\`*_~[\]<>!&:]/.test(markdown)) {
		return sanitizeLine(markdown);
	}

	return sanitizeLine(decodeEntities(inlineText(Lexer.lexInline(markdown))));
}

/** The text of inline tokens, depth first without recursion (a file can nest emphasis deeply). */
export function inlineText(tokens: Token[]): string {
	let text = '';
	const stack: Token[] = [...tokens].reverse();
	while (stack.length > 0) {
		const token = stack.pop()!;
		if (token.type === 'html' || token.type === 'checkbox' || token.type === 'footnoteRef') {
			continue;
		}

		if ('tokens' in token && token.tokens && token.type !== 'image') {
			for (let index = token.tokens.length - 1; index >= 0; index--) {
				stack.push(token.tokens[index]);
			}
		} else if (token.type === 'br') {
			text += ' ';
		} else if ('text' in token && typeof token.text === 'string') {
			text += token.text;
		}
	}

	return text;
}

const tooLongReference = /&#(?:\d{8,}|[xX][\da-fA-F]{7,});/;
const tooLongReferences = /(&#(?:\d{8,}|[xX][\da-fA-F]{7,});)/;

/**
 * Decode the HTML entities marked leaves escaped in token text, with the entities package.
 * Never to a control character: `&#27;` must not become a live ESC, so those become U+FFFD.
 */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) {
		return text;
	}

	// Strict: `&#x4e2d` without its `;` stays text, as CommonMark says; so do numeric references
	// longer than CommonMark allows (7 decimal or 6 hex digits), which are never characters.
	const decoded = tooLongReference.test(text)
		? text.split(tooLongReferences).map((part, index) => (index % 2 === 1 ? part : decodeHTMLStrict(part))).join('')
		: decodeHTMLStrict(text);
	// eslint-disable-next-line no-control-regex
	return decoded.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
}
