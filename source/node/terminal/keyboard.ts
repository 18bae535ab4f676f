import {openSync} from 'node:fs';
import tty from 'node:tty';
import {FolioError} from '../../core/errors.js';

/**
 * Where the reader's keys come from: stdin, or the terminal itself (`/dev/tty`) when stdin
 * carries the article (`cat notes.md | folio -`).
 */
export function openKeyboard(articleFromStdin: boolean): NodeJS.ReadStream {
	if (!articleFromStdin && process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		return new tty.ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		throw new FolioError('the reader needs a terminal for keys and none is available; use folio cat to print the article');
	}
}

/** Close a keyboard opened by `openKeyboard` (stdin stays open). */
export function closeKeyboard(input: NodeJS.ReadStream): void {
	if (input !== process.stdin) {
		input.destroy();
	}
}
