import type {Writable} from 'node:stream';
import {UsageError} from '../core/errors.js';
import type {RenderStyle} from '../core/markdown/render.js';
import {maximumWidth, minimumWidth} from '../core/text/width.js';
import {colourEnabled} from '../core/theme/colour.js';

/** What every command gets from the CLI: its streams, environment and the global options. */
export type CommandContext = {
	stdout: Writable & {isTTY?: boolean; columns?: number};
	stderr: Writable;
	env: NodeJS.ProcessEnv;
	/** The library folder, resolved from --dir, FOLIO_DIR or the bundled articles. */
	libraryFolder: string;
	/** --profile or FOLIO_PROFILE. */
	profile?: string;
};

/** Print one warning line on stderr. */
export function warn(context: CommandContext, message: string): void {
	context.stderr.write(`folio: warning: ${message}\n`);
}

/**
 * The width to render at: --width when given, else the terminal's columns, else 80.
 */
export function outputWidth(context: CommandContext, flag: number | undefined): number {
	if (flag !== undefined) {
		if (!Number.isInteger(flag) || flag < minimumWidth) {
			throw new UsageError(`Expected --width to be a whole number from ${minimumWidth} to ${maximumWidth}, got ${String(flag)}`);
		}

		return flag;
	}

	const columns = context.stdout.isTTY ? context.stdout.columns : undefined;
	return columns && columns >= minimumWidth ? columns : 80;
}

/**
 * Styled or plain, as chalk decides colour (`colourEnabled`): FORCE_COLOR, then --color or
 * --no-color, then NO_COLOR, then whether stdout is a terminal.
 */
export function outputStyle(context: CommandContext, color: boolean | undefined): RenderStyle {
	return colourEnabled({flag: color, env: context.env, isTTY: context.stdout.isTTY === true}) ? 'ansi' : 'plain';
}
