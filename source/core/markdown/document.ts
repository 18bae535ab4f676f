import {Lexer, Marked, type Links, type Token, type TokenizerExtension} from 'marked';
import markedFootnote from 'marked-footnote';
import {limitNesting} from './nesting.js';

/** A footnote definition (`[^label]: text`) as marked-footnote reads it. */
export type Footnote = {type: 'footnote'; raw: string; label: string; refs: Array<{id: string}>; content: Token[]};

type InlineWork = {src: string; tokens: Token[]};

/**
 * A Markdown body lexed once by marked into top-level block tokens — the one grammar the outline
 * and the renderer share. Inline text is lexed lazily, in document order, as blocks are needed,
 * so the first screen of a long article costs one block pass and the inline work of what it shows.
 */
export class MarkdownDocument {
	/** The top-level block tokens, in order. */
	readonly tokens: Token[];
	/** 0-based source line where each top-level token starts. */
	readonly tokenLines: number[];
	/** Every reference definition in the document, by normalised label. */
	readonly links: Links;
	/** Footnote definitions by label. */
	readonly footnotes = new Map<string, Footnote>();
	/** Source of each top-level definition, by normalised label (first wins, as in marked). */
	readonly definitionSources = new Map<string, string>();
	private readonly lexer: Lexer;
	private readonly queue: InlineWork[];
	private readonly done: boolean[];
	private notesNumbered = false;
	private readonly noteWork = new Map<string, [number, number]>();
	/** For each top-level token, the queue index where its inline work starts. */
	private readonly tokenWork: number[];

	constructor(body: string) {
		const footnotes = markedFootnote({refMarkers: true});
		const noteRanges: Array<[Footnote, number, number]> = [];
		// The lexer is made after its extensions, which need to see its queue.
		const made: {lexer?: Lexer} = {};
		// Note which stretch of inline work each footnote's content produced, so a note can be
		// lexed when its first reference is rendered, wherever its definition is.
		const extensions = footnotes.extensions!.map(extension => {
			if (extension.name !== 'footnote' || !('tokenizer' in extension)) {
				return extension;
			}

			const tokenizer = extension.tokenizer as TokenizerExtension['tokenizer'];
			return {...extension, tokenizer(this: unknown, source: string, tokens: Token[]) {
				const start = made.lexer!.inlineQueue.length;
				const token = tokenizer.call(this as never, source, tokens) as Footnote | undefined;
				if (token) {
					noteRanges.push([token, start, made.lexer!.inlineQueue.length]);
				}

				return token;
			}} as TokenizerExtension;
		});
		const marked = new Marked({gfm: true, async: false, extensions} as never);
		const lexer = new Lexer(marked.defaults);
		made.lexer = lexer;
		const all = lexer.blockTokens(limitNesting(body), lexer.tokens);
		// marked-footnote keeps its list of notes as the first token; its reference tokenizer reads it there.
		this.tokens = all[0]?.type === 'footnotes' ? all.slice(1) : all.slice();
		this.lexer = lexer;
		this.links = lexer.tokens.links;
		this.queue = lexer.inlineQueue;
		this.done = this.queue.map(() => false);
		for (const [note, start, end] of noteRanges) {
			if (!this.footnotes.has(note.label)) {
				this.footnotes.set(note.label, note);
				this.noteWork.set(note.label, [start, end]);
			}
		}

		this.tokenLines = [];
		// A blank line before the first block is added to the raw text of the token before it,
		// which here is marked-footnote's list.
		let line = all[0]?.type === 'footnotes' ? countNewlines(all[0].raw) : 0;
		for (const token of this.tokens) {
			this.tokenLines.push(line);
			line += countNewlines(token.raw);
			if (token.type === 'def' && !this.definitionSources.has(token.tag)) {
				this.definitionSources.set(token.tag, token.raw.trim());
			}
		}

		this.tokenWork = this.workStarts();
	}

	/**
	 * Tokens [first, end) with their inline text lexed. Only their own inline work is lexed: the
	 * one thing inline lexing carries from one text to the next is footnote numbering (a note is
	 * numbered by its first reference), and every text that can hold a reference is lexed first,
	 * in document order, so notes are numbered in the order a reader meets them whatever renders first.
	 */
	blockTokens(first: number, end: number): Token[] {
		this.numberNotes();
		const endWork = this.tokenWork[end] ?? this.queue.length;
		for (let index = this.tokenWork[first] ?? endWork; index < endWork; index++) {
			this.lexInline(index);
		}

		return this.tokens.slice(first, end);
	}

	/** Lex, in document order, the inline texts that may reference a footnote (once). */
	private numberNotes(): void {
		if (this.notesNumbered) {
			return;
		}

		this.notesNumbered = true;
		if (this.footnotes.size === 0) {
			return;
		}

		for (const [index, work] of this.queue.entries()) {
			if (work.src.includes('[^')) {
				this.lexInline(index);
			}
		}
	}

	/** A footnote's content, its inline text lexed. */
	noteContent(label: string): Token[] {
		const note = this.footnotes.get(label);
		const work = this.noteWork.get(label);
		if (work) {
			for (let index = work[0]; index < work[1]; index++) {
				this.lexInline(index);
			}
		}

		return note?.content ?? [];
	}

	/** The inline tokens of one top-level token that has them (a heading), lexed now. */
	inlineOf(index: number): Token[] {
		const token = this.tokens[index];
		const work = this.tokenWork[index];
		if (token && 'tokens' in token && token.tokens && this.queue[work]?.tokens === token.tokens) {
			this.lexInline(work);
		}

		return token && 'tokens' in token && token.tokens ? token.tokens : [];
	}

	private lexInline(index: number): void {
		if (this.done[index]) {
			return;
		}

		this.done[index] = true;
		const work = this.queue[index];
		this.lexer.state.inRawBlock = false;
		this.lexer.inlineTokens(work.src, work.tokens);
	}

	/**
	 * Where each top-level token's inline work starts in the queue: the work of a token is pushed
	 * while it is lexed, so the first queued token array found inside a top-level token marks it.
	 */
	private workStarts(): number[] {
		const position = new Map<Token[], number>();
		for (const [index, work] of this.queue.entries()) {
			position.set(work.tokens, index);
		}

		const starts: number[] = [];
		let next = this.queue.length;
		for (let index = this.tokens.length - 1; index >= 0; index--) {
			const found = firstQueued(this.tokens[index], position);
			if (found !== undefined) {
				next = found;
			}

			starts[index] = next;
		}

		return starts;
	}
}

/** The smallest queue position among a token's inline token arrays (iteratively: no recursion a file can deepen). */
function firstQueued(token: Token, position: Map<Token[], number>): number | undefined {
	let best: number | undefined;
	const stack: unknown[] = [token];
	while (stack.length > 0) {
		const current = stack.pop() as Record<string, unknown>;
		if (Array.isArray(current)) {
			for (const child of current as unknown[]) {
				if (child && typeof child === 'object') {
					stack.push(child);
				}
			}

			continue;
		}

		for (const key of ['tokens', 'items', 'header', 'rows']) {
			const value = current[key];
			if (Array.isArray(value)) {
				const found = position.get(value as Token[]);
				if (found !== undefined && (best === undefined || found < best)) {
					best = found;
				}

				for (const child of value) {
					if (child && typeof child === 'object') {
						stack.push(child);
					}
				}
			}
		}
	}

	return best;
}

function countNewlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
		count++;
	}

	return count;
}
