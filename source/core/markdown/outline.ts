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
			const tokens = document.inlineOf(index);
			const text = sanitizeLine(decodeEntities(inlineText(tokens)));
			// Badges and logos in a heading are not its title; the slug keeps their text, as it always has.
			const title = hasImage(tokens) ? sanitizeLine(decodeEntities(inlineText(tokens, false))).replace(/\s+/g, ' ').trim() || text : text;
			sections.push({depth: token.depth as number, title, slug: slugger.slug(text), sourceLine: document.tokenLines[index]});
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

/**
 * The text of inline tokens, depth first without recursion (a file can nest emphasis deeply);
 * images give their alt text, or nothing when `images` is false.
 */
export function inlineText(tokens: Token[], images = true): string {
	let text = '';
	const stack: Token[] = [...tokens].reverse();
	while (stack.length > 0) {
		const token = stack.pop()!;
		if (token.type === 'html' || token.type === 'checkbox' || token.type === 'footnoteRef' || (!images && token.type === 'image')) {
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

/** A heading as the search index needs it: no slug, no tokens. */
export type QuickSection = Pick<Section, 'depth' | 'title' | 'sourceLine'>;

// marked's ATX heading, on one line.
const atxLine = /^(#{1,6})(?=\s|$)(.*)$/;
// Lines whose block could hold or make a heading in a way a line scan cannot follow.
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;
const indentedHeading = /^ {1,3}#{1,6}(?:\s|$)/;
const htmlStart = /^ {0,3}</;
const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const definitionStart = /^ {0,3}\[[^\]\n]*\]:/;
const definitionWhole = /^ {0,3}\[[^\]\n\\]*\]:[ \t]*(?:<[^<>\n\\]*>|[^<\s\\]\S*)(?:[ \t]+(?:"[^"\n\\]*"|'[^'\n\\]*'|\([^()\n\\]*\)))?[ \t]*$/;
const titleStart = /^[ \t]*["'(]/;
// A `[` that a later line may close into a definition's label (labels run over lines).
const openLabel = /^ {0,3}\[[^\]]*$/;
// Blank as marked reads it: spaces and tabs only (a no-break space is text).
const blankLine = /^[ \t]*$/;

/**
 * The text of an ATX heading's content (after its `#`s) as marked takes it: trimmed, and a
 * closing run of `#` dropped when it stands apart. Counted, not matched: `/#+$/` backtracks
 * over every run of `#` in a long line.
 */
export function atxHeadingContent(content: string): string {
	const text = content.trim();
	let hashes = text.length;
	while (hashes > 0 && text[hashes - 1] === '#') {
		hashes--;
	}

	if (hashes === text.length) {
		return text;
	}

	return hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t' ? text.slice(0, hashes).trim() : text;
}

/**
 * The top-level headings of a Markdown body found by scanning its lines, when a scan can be
 * sure they are the ones marked finds (`buildOutline`): ATX headings at the start of a line,
 * outside fenced code, with plain text (no `[`, which a reference link or footnote could make
 * something else). Undefined when anything could make the scan wrong — a setext underline, an
 * HTML block, a heading indented by spaces, a fence inside a list item that a shallower line
 * may end, a link definition the scan cannot read whole — and the caller lexes the body
 * instead. For the search index, which reads thousands of files and only needs their headings'
 * text and lines (tests/core/outline.test.ts holds it to buildOutline on every Markdown file in
 * node_modules, every CommonMark spec example and generated documents of awkward lines).
 */
export function quickSections(lines: string[]): QuickSection[] | undefined {
	const sections: QuickSection[] = [];
	let open: {marker: string; indent: number} | undefined;
	let previousBlank = true;
	for (const [index, line] of lines.entries()) {
		const blank = blankLine.test(line);
		if (open) {
			// A fence inside a list item ends with the item, at a line indented less than the
			// fence (which marked may read as a new fence): where, only the lexer knows.
			if (open.indent > 0 && !blank && leadingSpaces(line) < open.indent) {
				return undefined;
			}

			const match = fence.exec(line);
			if (match && match[2][0] === open.marker[0] && match[2].length >= open.marker.length && /^ *$/.test(match[3])) {
				open = undefined;
			}

			previousBlank = false;
			continue;
		}

		if (htmlStart.test(line) || indentedHeading.test(line) || (!previousBlank && setextUnderline.test(line))) {
			return undefined;
		}

		// A definition's label and title may hold escapes and run over lines: only one read
		// whole on its line, with nothing that could continue it on the next, is followed.
		if ((line.includes(']:') && !definitionWhole.test(line)) || openLabel.test(line)) {
			return undefined;
		}

		if (titleStart.test(line) && index > 0 && definitionStart.test(lines[index - 1])) {
			return undefined;
		}

		const opening = fence.exec(line);
		if (opening && !(opening[2][0] === '`' && opening[3].includes('`'))) {
			open = {marker: opening[2], indent: opening[1].length};
		} else if (line.startsWith('#')) {
			const heading = atxLine.exec(line);
			if (heading) {
				const text = atxHeadingContent(heading[2]);
				if (text.includes('[') || /[\u2028\u2029]/.test(line)) {
					return undefined;
				}

				sections.push({depth: heading[1].length, title: headingText(text), sourceLine: index});
			}
		}

		previousBlank = blank;
	}

	return sections;
}

function leadingSpaces(line: string): number {
	let count = 0;
	while (line[count] === ' ') {
		count++;
	}

	return count;
}

/** Whether inline tokens hold an image, at any depth (a badge is an image inside a link). */
function hasImage(tokens: Token[]): boolean {
	const stack: Token[] = [...tokens];
	while (stack.length > 0) {
		const token = stack.pop()!;
		if (token.type === 'image') {
			return true;
		}

		if ('tokens' in token && token.tokens) {
			stack.push(...token.tokens);
		}
	}

	return false;
}
