import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {sanitizeLine} from '../../core/text/sanitize.js';

/** How the editor is started: a shell command line, and the arguments it is given. */
export type EditorInvocation = {commandLine: string; args: string[]};

/**
 * The editor to run on `file` at `line` (1-based): `$VISUAL`, else `$EDITOR`, else `vi`, given
 * `+LINE FILE` as vi, vim, nano, emacs and less take it, or its own syntax (`code --goto
 * file:line`) for the editors the open-editor package knows.
 */
export async function editorFor(file: string, line: number, env: NodeJS.ProcessEnv): Promise<EditorInvocation> {
	const commandLine = (env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi');
	const name = path.basename(commandLine.split(/\s+/)[0]);
	const {getEditorInfo} = await import('open-editor');
	const info = getEditorInfo([{file, line, column: 1}], {editor: name, wait: true});
	// Editors it knows only by name get the file alone, and terminal editors `+call ...`: both take `+LINE`.
	const ownSyntax = info.arguments.length > 1 && !info.isTerminalEditor && !info.arguments[0].startsWith('+');
	return {commandLine, args: ownSyntax ? info.arguments : [`+${Math.max(1, line)}`, file]};
}

/**
 * Run the editor in the foreground, on this terminal, until it exits. Returns one line for the
 * status line.
 */
export function runEditor({commandLine, args}: EditorInvocation, env: NodeJS.ProcessEnv): {ok: boolean; message: string} {
	// Through the shell, like git runs $EDITOR: `code --wait` works, and the file name is "$@".
	const result = spawnSync('/bin/sh', ['-c', `${commandLine} "$@"`, 'sh', ...args], {stdio: 'inherit', env});
	if (result.error) {
		return {ok: false, message: `cannot run ${sanitizeLine(commandLine)}: ${sanitizeLine(result.error.message)}`};
	}

	if (result.status === 127) {
		return {ok: false, message: `editor not found: ${sanitizeLine(commandLine)} (set VISUAL or EDITOR)`};
	}

	return {ok: result.status === 0, message: result.status === 0 ? `edited with ${sanitizeLine(commandLine.split(/\s+/)[0])}` : `${sanitizeLine(commandLine)} exited with status ${result.status ?? result.signal}`};
}
