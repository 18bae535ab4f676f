import {get as emoji} from 'node-emoji';
import type {Token, Tokens} from 'marked';
import {hyperlink, hyperlinkable, linkDestination} from './hyperlink.js';
import {decodeEntities, inlineText} from './outline.js';
import type {Styles} from './styles.js';
import {sanitizeLine, sanitizeText, stripStyling} from '../text/sanitize.js';
import {trimStyled} from '../text/fit.js';

/** What marked hands a renderer as `this`. */
export type Parser = {parse(tokens: Token[]): string; parseInline(tokens: Token[]): string};

/** The state inline rendering shares with the block renderer. */
export type InlineState = {
	styles: Styles;
	/** Inside a link's text: images there show only their alt text, the link shows the target. */
	inLink: boolean;
	/** Labels of footnotes first referenced in the block being rendered, in order. */
	notes: string[];
	/**
	 * When only some sections are rendered (`cat --section`): the notes already listed. A note is
	 * then listed after the first block shown that cites it, wherever its first reference is.
	 */
	notesShown: Set<string> | undefined;
	/** Web and mail links become OSC 8 hyperlinks (`ansi` style only). */
	hyperlinks: boolean;
};

/** A tag of inline HTML: `<sup>`, `</sup>`, `<br/>`, `<img src=… alt=…>`. */
type Tag = {name: string; closing: boolean; attributes: string};

/** Tags that end a line of text when they open or close. */
const blockTags = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul']);
/** Tags whose text is styled or marked; every other tag is dropped and its text kept. */
const styledTags = new Set(['a', 'b', 'strong', 'em', 'i', 'cite', 'var', 'dfn', 'code', 'kbd', 'samp', 'tt', 's', 'del', 'strike', 'sup', 'sub', 'mark', 'u', 'ins']);

/**
 * Render inline tokens. Inline HTML arrives from marked as separate open and close tags, so they
 * are paired here: `2<sup>30</sup>` is `2^30`, `H<sub>2</sub>O` is `H_2O`, `<kbd>`, `<code>`,
 * `<em>`, `<strong>` are styled, `<br>` breaks the line, and unknown tags vanish, keeping their text.
 */
export function renderInline(parser: Parser, tokens: Token[], state: InlineState): string {
	const inLink = state.inLink;
	try {
		return pairTags(parser, tokens, state);
	} finally {
		// An `<a>` left open ends with the text it opened in.
		state.inLink = inLink;
	}
}

function pairTags(parser: Parser, tokens: Token[], state: InlineState): string {
	// Without inline HTML there is nothing to pair: the tokens render in one pass.
	if (!tokens.some(token => token.type === 'html')) {
		return parser.parseInline(tokens);
	}

	let out = '';
	const open: Array<{tag: Tag; start: number}> = [];
	for (const token of tokens) {
		if (token.type !== 'html') {
			out += parser.parseInline([token]);
			continue;
		}

		const tag = parseTag(token.text);
		if (!tag) {
			// A comment, a declaration, or text that only looked like a tag.
			if (!/^\s*<[!?]/.test(token.text)) {
				out += state.styles.text(cleanText(token.text));
			}

			continue;
		}

		if (tag.name === 'br' || (blockTags.has(tag.name) && (out !== '' && !out.endsWith('\n')))) {
			out += '\n';
		}

		if (tag.name === 'img') {
			out += renderImage(attribute(tag, 'alt'), attribute(tag, 'src'), state);
		} else if (!tag.closing && styledTags.has(tag.name) && !/\/\s*>$/.test(token.text)) {
			open.push({tag, start: out.length});
			state.inLink ||= tag.name === 'a';
		} else if (tag.closing) {
			const at = open.findLastIndex(element => element.tag.name === tag.name);
			if (at !== -1) {
				const element = open[at];
				open.length = at;
				const before = out.slice(0, element.start);
				out = before + styleElement(element.tag, out.slice(element.start), state, /\S$/.test(stripStyling(before.slice(-24))));
				state.inLink = open.some(outer => outer.tag.name === 'a');
			}
		}
	}

	return out;
}

/**
 * An element's text as the terminal shows it. `attached`: the element follows a word directly,
 * as an exponent or index does; a superscript sentence on its own is small print, shown as text.
 */
function styleElement(tag: Tag, inner: string, state: InlineState, attached: boolean): string {
	const {styles} = state;
	const plain = stripStyling(inner).trim();
	switch (tag.name) {
		case 'sup':
		case 'sub': {
			const mark = tag.name === 'sup' ? '^' : '_';
			if (!/\s/.test(plain)) {
				return plain === '' ? '' : mark + trimStyled(inner);
			}

			return attached ? `${mark}(${trimStyled(inner)})` : inner;
		}

		case 'a': {
			return renderLink(inner, attribute(tag, 'href'), state);
		}

		case 'b': case 'strong': case 'mark': {
			return styles.strong(inner);
		}

		case 'em': case 'i': case 'cite': case 'var': case 'dfn': {
			return styles.em(inner);
		}

		case 'code': case 'samp': case 'tt': {
			return styles.codespan(inner);
		}

		case 'kbd': {
			return styles.kbd(inner);
		}

		case 's': case 'del': case 'strike': {
			return styles.del(inner);
		}

		default: {
			return inner;
		}
	}
}

/**
 * A link as terminal text: its text and its target in brackets, or only the text when the target
 * adds nothing (an anchor in the article, an autolink whose text is the target). Every link is
 * drawn here.
 */
export function renderLink(content: string, href: string, state: InlineState): string {
	const {styles} = state;
	const text = trimStyled(content);
	const url = linkDestination(href);
	if (state.hyperlinks && url !== undefined && hyperlinkable(url)) {
		// The terminal shows the address on hover: printing it after the text would repeat it.
		return hyperlink(url, styles.link(text === '' ? url : text));
	}

	const target = sanitizeLine(href);
	const shown = stripStyling(text).trim();
	if (target === '' || target.startsWith('#') || shown === target || `mailto:${shown}` === target) {
		return styles.link(text === '' ? target : text);
	}

	return `${styles.link(text)} (${styles.href(target)})`;
}

/** An image as terminal text: `🖼 alt (src)`; inside a link only `🖼 alt`, the link shows where it goes. */
export function renderImage(alt: string, src: string, state: InlineState): string {
	const text = sanitizeLine(alt);
	const target = sanitizeLine(src).replace(/^data:.*/s, 'data:…');
	const picture = state.styles.image(text === '' ? '🖼' : `🖼 ${text}`);
	if (state.inLink || target === '') {
		return picture;
	}

	return `${picture} (${state.styles.href(target)})`;
}

/** The renderers marked calls for inline tokens. */
export function inlineRenderers(state: InlineState) {
	const {styles} = state;
	return {
		text(this: {parser: Parser}, token: Tokens.Text | Tokens.Escape) {
			if ('tokens' in token && token.tokens) {
				return renderInline(this.parser, token.tokens, state);
			}

			// Soft line breaks inside a paragraph are spaces: lines are wrapped to the width later.
			return styles.text(withEmoji(cleanText(token.text)));
		},
		codespan(token: Tokens.Codespan) {
			// Code is literal: `&ouml;` inside backticks stays `&ouml;`.
			return styles.codespan(sanitizeText(token.text).replace(/\n/g, ' '));
		},
		strong(this: {parser: Parser}, token: Tokens.Strong) {
			return styles.strong(renderInline(this.parser, token.tokens, state));
		},
		em(this: {parser: Parser}, token: Tokens.Em) {
			return styles.em(renderInline(this.parser, token.tokens, state));
		},
		del(this: {parser: Parser}, token: Tokens.Del) {
			return styles.del(renderInline(this.parser, token.tokens, state));
		},
		br() {
			return '\n';
		},
		checkbox() {
			// The list item draws the box as its marker.
			return '';
		},
		link(this: {parser: Parser}, token: Tokens.Link) {
			const outer = state.inLink;
			state.inLink = true;
			try {
				return renderLink(renderInline(this.parser, token.tokens, state), token.href, state);
			} finally {
				state.inLink = outer;
			}
		},
		image(token: Tokens.Image) {
			const alt = token.tokens ? inlineText(token.tokens) : token.text;
			return renderImage(decodeEntities(alt), token.href, state);
		},
		html(this: {parser: Parser}, token: Tokens.HTML | Tokens.Tag) {
			return renderInline(this.parser, [token], state);
		},
	};
}

/** A footnote reference: `[1]`, numbered in the order references appear. */
export function renderFootnoteReference(token: {id: string; label: string; index: number}, state: InlineState): string {
	const first = state.notesShown ? !state.notesShown.has(token.label) : token.index === 0;
	if (first && !state.notes.includes(token.label)) {
		state.notes.push(token.label);
		state.notesShown?.add(token.label);
	}

	return state.styles.footnote(`[${token.id}]`);
}

function cleanText(text: string): string {
	return sanitizeText(decodeEntities(text)).replace(/\n/g, ' ');
}

const shortcode = /:[\w+-]+:/g;

/** `:tada:` as 🎉, for the shortcodes node-emoji knows. */
function withEmoji(text: string): string {
	if (!text.includes(':') || !shortcode.test(text)) {
		return text;
	}

	shortcode.lastIndex = 0;
	return text.replace(shortcode, code => emoji(code) ?? code);
}

function parseTag(html: string): Tag | undefined {
	const match = /^<(\/?)([a-zA-Z][\w-]*)([^>]*)>$/.exec(html.trim());
	return match ? {closing: match[1] === '/', name: match[2].toLowerCase(), attributes: match[3]} : undefined;
}

function attribute(tag: Tag, name: string): string {
	const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(tag.attributes);
	return decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? '');
}
