import {Chalk, type ChalkInstance} from 'chalk';

/** `ansi` styles the text with SGR colours; `plain` emits no escape sequence at all. */
export type RenderStyle = 'ansi' | 'plain';

const painters: Record<RenderStyle, ChalkInstance> = {
	// The 16 colours every terminal has; folio never asks the terminal what it supports.
	ansi: new Chalk({level: 1}),
	plain: new Chalk({level: 0}),
};

/**
 * The one way folio styles text: the renderer, the article header, search matches and code
 * colours all paint through here, so `plain` output cannot carry an escape sequence by accident
 * and no file writes SGR codes by hand.
 *
 * @example
 * const paint = painter(style);
 * paint.bold(title);
 */
export function painter(style: RenderStyle): ChalkInstance {
	return painters[style];
}
