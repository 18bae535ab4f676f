#!/usr/bin/env node
import process from 'node:process';
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import type {CommandContext} from './commands/context.js';
import {ExitCode, FolioError, UsageError} from './core/errors.js';
import {libraryDirectory} from './node/library/library.js';
import {withoutFetch} from './node/terminal/load-ink.js';
import {messageName, sanitizeLine} from './core/text/sanitize.js';
import {isThemeName} from './core/theme/theme.js';
import {allowedValues, settingsSchema} from './core/settings/settings.js';
import {unexpectedOption, usage} from './commands/usage.js';
import {maximumWidth, minimumWidth} from './core/text/width.js';

const options = {
	dir: {type: 'string'},
	profile: {type: 'string'},
	json: {type: 'boolean'},
	width: {type: 'string'},
	format: {type: 'string'},
	section: {type: 'string', multiple: true},
	color: {type: 'boolean'},
	'no-color': {type: 'boolean'},
	hyperlinks: {type: 'boolean'},
	'no-hyperlinks': {type: 'boolean'},
	theme: {type: 'string'},
	'max-width': {type: 'string'},
	yes: {type: 'boolean'},
	limit: {type: 'string'},
	all: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/**
 * argv → flags and words, with node's own parser (an argv library cost ~25 ms of every start):
 * unknown options and options missing their value are usage errors.
 */
function parseArguments(argv: string[]) {
	checkFlagValues(argv);
	try {
		const {values, positionals} = parseArgs({args: argv, options, allowPositionals: true, strict: true});
		if (values.theme !== undefined && !isThemeName(values.theme)) {
			throw new UsageError(`Expected --theme to be ${allowedValues('theme')}, got ${sanitizeLine(values.theme)}`);
		}

		return {input: positionals, given: Object.keys(values), flags: {...values, color: values['no-color'] ? false : values.color, hyperlinks: values['no-hyperlinks'] ? false : values.hyperlinks, width: parseWidth(values.width, '--width'), maxWidth: parseWidth(values['max-width'], '--max-width', (settingsSchema.maxWidth as {maximum: number}).maximum)}};
	} catch (error) {
		const {code, message} = error as {code?: string; message: string};
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
			const name = /'([^']+)'/.exec(message)?.[1] ?? message;
			throw new UsageError(`unknown option ${sanitizeLine(name)} (folio --help lists the options)`);
		}

		if (code?.startsWith('ERR_PARSE_ARGS')) {
			throw new UsageError(`${sanitizeLine(message.split('\n')[0])} (folio --help)`);
		}

		throw error;
	}
}

/** A width flag: a whole number in [minimumWidth, `maximum`], the same message for any other value. */
function parseWidth(value: string | undefined, name: string, maximum = maximumWidth): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	if (!/^\d+$/.test(value.trim()) || Number(value) < minimumWidth || Number(value) > maximum) {
		throw new UsageError(`Expected ${name} to be a whole number from ${minimumWidth} to ${maximum}, got ${messageName(value)}`);
	}

	return Number(value);
}


const commands = new Set(['list', 'toc', 'cat', 'marks', 'search', 'stats', 'reset', 'config']);

async function main(): Promise<number> {
	const {input, given, flags} = parseArguments(process.argv.slice(2));
	if (flags.help) {
		return writeOutput(usage + '\n');
	}

	if (flags.version) {
		const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
		return writeOutput(`${version}\n`);
	}

	// The one place the environment is read: everything below gets it from the context.
	const {env} = process;
	const context: CommandContext = {
		stdout: process.stdout,
		stderr: process.stderr,
		env,
		libraryFolder: libraryDirectory(flags.dir, env),
		profile: flags.profile ?? (env.FOLIO_PROFILE || undefined),
	};
	const [first, ...rest] = input;
	const command = first !== undefined && commands.has(first) ? first : undefined;
	const argumentsLeft = command ? rest : input;
	// Without a command: an ARTICLE (read, or cat in a pipe), or the library (read, or list in a pipe).
	const wrongOption = unexpectedOption(command ?? (argumentsLeft.length > 0 ? 'article' : 'library'), given);
	if (wrongOption) {
		throw new UsageError(wrongOption);
	}

	const needArticle = (name: string): string => {
		if (argumentsLeft.length !== 1) {
			throw new UsageError(`Expected one ARTICLE for folio ${name}, got ${argumentsLeft.length} (folio --help)`);
		}

		return argumentsLeft[0];
	};

	switch (command) {
		case 'list': {
			noArguments(argumentsLeft, 'list');
			const {listCommand} = await import('./commands/list.js');
			return listCommand(context, {json: flags.json ?? false});
		}

		case 'toc': {
			const {tocCommand} = await import('./commands/toc.js');
			return tocCommand(context, {article: needArticle('toc'), json: flags.json ?? false, width: flags.width});
		}

		case 'cat': {
			const {catCommand} = await import('./commands/cat.js');
			return catCommand(context, {article: needArticle('cat'), sections: flags.section ?? [], format: flags.format, width: flags.width, color: flags.color, hyperlinks: flags.hyperlinks, theme: flags.theme});
		}

		case 'marks': {
			const {marksCommand} = await import('./commands/marks.js');
			return marksCommand(context, {article: needArticle('marks'), json: flags.json ?? false});
		}

		case 'search': {
			const {searchCommand} = await import('./commands/search.js');
			return searchCommand(context, {words: argumentsLeft, json: flags.json ?? false, limit: flags.limit, color: flags.color});
		}

		case 'stats': {
			noArguments(argumentsLeft, 'stats');
			const {statsCommand} = await import('./commands/stats.js');
			return statsCommand(context, {json: flags.json ?? false, all: flags.all ?? false});
		}

		case 'config': {
			const {configCommand} = await import('./commands/config.js');
			return configCommand(context, {words: argumentsLeft, json: flags.json ?? false});
		}

		case 'reset': {
			if (argumentsLeft.length > 1) {
				throw new UsageError(`Expected at most one ARTICLE for folio reset, got ${argumentsLeft.length}`);
			}

			const {resetCommand} = await import('./commands/reset.js');
			return resetCommand(context, {article: argumentsLeft[0], yes: flags.yes ?? false});
		}

		default: {
			if (argumentsLeft.length > 1) {
				throw new UsageError(`Expected one ARTICLE, got ${argumentsLeft.length}: ${argumentsLeft.map(value => sanitizeLine(value)).join(' ')} (folio --help)`);
			}

			const article = argumentsLeft[0];
			if (!process.stdout.isTTY) {
				// A pipe never gets the full-screen reader: behave like `cat` (or `list`).
				if (article === undefined) {
					const {listCommand} = await import('./commands/list.js');
					return listCommand(context, {json: flags.json ?? false});
				}

				const {catCommand} = await import('./commands/cat.js');
				return catCommand(context, {article, sections: flags.section ?? [], format: flags.format, width: flags.width, color: flags.color, hyperlinks: flags.hyperlinks, theme: flags.theme});
			}

			const {readCommand} = await withoutFetch(async () => import('./commands/read.js'));
			return readCommand(context, {article, theme: flags.theme, maxWidth: flags.maxWidth, color: flags.color, hyperlinks: flags.hyperlinks});
		}
	}
}

const valueFlags = ['dir', 'profile', 'width', 'format', 'section', 'limit', 'theme', 'max-width'];

/** Flags that take a value must be given one: `--width` alone or `--section=` is a mistake. */
function checkFlagValues(argv: string[]): void {
	for (const [index, token] of argv.entries()) {
		if (token === '--') {
			return;
		}

		const [name, value] = token.startsWith('--') ? token.slice(2).split(/=(.*)/s, 2) : [];
		if (name === undefined || !valueFlags.includes(name)) {
			continue;
		}

		const given = value ?? argv[index + 1];
		if (given === undefined || given === '' || (value === undefined && given.startsWith('--'))) {
			throw new UsageError(`--${name} needs a value (folio --help)`);
		}
	}
}

function noArguments(argumentsLeft: string[], name: string): void {
	if (argumentsLeft.length > 0) {
		throw new UsageError(`folio ${name} takes no ARTICLE, got ${sanitizeLine(argumentsLeft.join(' '))}`);
	}
}

/** Write text that is the whole output (help, version), as pipe-safe as every command's. */
async function writeOutput(text: string): Promise<number> {
	const {PipeWriter} = await import('./commands/output.js');
	const writer = new PipeWriter(process.stdout);
	await writer.text(text);
	await writer.end();
	return ExitCode.ok;
}

/** The one line for an error: sanitised (it may quote argv or a file), and never a stack unless FOLIO_DEBUG=1. */
function report(error: unknown): number {
	if (error instanceof FolioError) {
		writeError(`folio: ${messageLine(error.message)}\n`);
		return error.exitCode;
	}

	if (process.env.FOLIO_DEBUG === '1') {
		writeError(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
	} else {
		const message = error instanceof Error ? error.message : String(error);
		writeError(`folio: unexpected error: ${messageLine(message.split('\n')[0])} (FOLIO_DEBUG=1 shows details)\n`);
	}

	return ExitCode.failure;
}

function messageLine(message: string): string {
	const line = sanitizeLine(message.slice(0, 4000));
	return line.length > 1000 ? `${line.slice(0, 999)}…` : line;
}

/** stderr that fails (closed, full) must not change the exit status of what already happened. */
function writeError(text: string): void {
	try {
		process.stderr.write(text);
	} catch {
		// Nowhere left to say it.
	}
}

process.stderr.on('error', () => {
	// A closed or full stderr: warnings are lost, the run's result is not.
});
// A reader that stops early (`folio list | head -1`) is a normal end; PipeWriter stops writing.
// Other write errors are reported by PipeWriter as one line; here they only make the run fail.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code !== 'EPIPE') {
		process.exitCode = ExitCode.failure;
	}
});

try {
	process.exitCode = await main();
} catch (error) {
	process.exitCode = report(error);
}
