import GithubSlugger from 'github-slugger';
import {decodeHTMLStrict} from 'entities';
import {Lexer, type Token} from 'marked';
import {sanitizeLine} from '../text/sanitize.js';

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
};

export type Outline = {
	sections: Section[];
	/** The smallest heading depth (1 for an article with an H1), for indenting a TOC; 1 when there are none. */
	topDepth: number;
	blocks: Block[];
	/** Source lines that define reference links (`[name]: url`), shared by every block. */
	linkDefinitions: string[];
};

const fenceOpen = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const thematicBreak = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const containerStart = /^ {0,3}(?:>|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const indentedCode = /^(?: {4}|\t)/;
const linkDefinition = /^ {0,3}\[[^\]]+\]:/;

/**
 * Find the top-level headings of a Markdown body (its lines) in one pass, the way CommonMark
 * reads them: ATX and setext headings, none inside fenced or indented code or HTML comments.
 * This is much cheaper than lexing the whole document, so a long article can be split into
 * sections and rendered one section at a time.
 */
export function scanOutline(lines: string[]): Outline {
	const sections: Section[] = [];
	const linkDefinitions: string[] = [];
	const slugger = new GithubSlugger();
	let fence: {marker: string; length: number} | undefined;
	let inComment = false;
	let paragraph: {start: number; container: boolean} | undefined;

	const addHeading = (depth: number, rawTitle: string, line: number) => {
		const title = headingText(rawTitle);
		sections.push({depth, title, slug: slugger.slug(title), sourceLine: line});
	};

	for (const [index, line] of lines.entries()) {
		if (fence) {
			const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
			if (close && close[1][0] === fence.marker && close[1].length >= fence.length) {
				fence = undefined;
			}

			continue;
		}

		if (inComment) {
			if (line.includes('-->')) {
				inComment = false;
			}

			continue;
		}

		if (line.trim() === '') {
			paragraph = undefined;
			continue;
		}

		if (!paragraph && indentedCode.test(line)) {
			continue;
		}

		const open = fenceOpen.exec(line);
		if (open) {
			fence = {marker: open[1][0], length: open[1].length};
			paragraph = undefined;
			continue;
		}

		if (!paragraph && /^ {0,3}<!--/.test(line)) {
			inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
			continue;
		}

		const atx = atxHeading.exec(line);
		if (atx) {
			addHeading(atx[1].length, atx[2] ?? '', index);
			paragraph = undefined;
			continue;
		}

		const underline = setextUnderline.exec(line);
		if (underline && paragraph && !paragraph.container) {
			const text = lines.slice(paragraph.start, index).join(' ');
			addHeading(underline[1][0] === '=' ? 1 : 2, text, paragraph.start);
			paragraph = undefined;
			continue;
		}

		if (thematicBreak.test(line)) {
			paragraph = undefined;
			continue;
		}

		if (!paragraph && linkDefinition.test(line)) {
			linkDefinitions.push(line);
			continue;
		}

		const container = containerStart.test(line);
		if (!paragraph || container) {
			paragraph = {start: index, container: container || (paragraph?.container ?? false)};
		}
	}

	let topDepth = 6;
	for (const section of sections) {
		topDepth = Math.min(topDepth, section.depth);
	}

	return {sections, topDepth: sections.length > 0 ? topDepth : 1, blocks: toBlocks(sections, lines.length), linkDefinitions};
}

function toBlocks(sections: Section[], lineCount: number): Block[] {
	const blocks: Block[] = [];
	const firstHeading = sections[0]?.sourceLine ?? lineCount;
	if (firstHeading > 0) {
		blocks.push({section: -1, startLine: 0, endLine: firstHeading});
	}

	for (const [index, section] of sections.entries()) {
		blocks.push({section: index, startLine: section.sourceLine, endLine: sections[index + 1]?.sourceLine ?? lineCount});
	}

	return blocks;
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

function inlineText(tokens: Token[]): string {
	let text = '';
	for (const token of tokens) {
		if (token.type === 'html') {
			continue;
		}

		if ('tokens' in token && token.tokens && token.type !== 'image') {
			text += inlineText(token.tokens);
		} else if (token.type === 'br') {
			text += ' ';
		} else if ('text' in token && typeof token.text === 'string') {
			text += token.text;
		}
	}

	return text;
}

/**
 * Decode the HTML entities marked leaves escaped in token text, with the entities package.
 * Never to a control character: `&#27;` must not become a live ESC, so those become U+FFFD.
 */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) {
		return text;
	}

	// Strict: `&#x4e2d` without its `;` stays text, as CommonMark says.
	// eslint-disable-next-line no-control-regex
	return decodeHTMLStrict(text).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
}
