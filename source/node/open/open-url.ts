import {spawn} from 'node:child_process';
import {sanitizeLine} from '../../core/text/sanitize.js';

// C0, DEL, C1 and the bidi controls: a URL holding one is never handed to anything.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** What happened when a URL was handed to the browser, as one line for the status line. */
export type OpenResult = {ok: boolean; message: string};

/**
 * Open a web or mail address the way the user asked: `$BROWSER` when set (the first of its
 * `:`-separated commands, `%s` standing for the URL, else the URL appended), else the system's
 * opener through the `open` package. Only http, https and mailto are ever opened.
 */
export async function openUrl(url: string, env: NodeJS.ProcessEnv): Promise<OpenResult> {
	if (unsafe.test(url) || !/^(?:https?:\/\/|mailto:)/i.test(url) || !URL.canParse(url)) {
		return {ok: false, message: `not opened: ${sanitizeLine(url)}`};
	}

	const browser = env.BROWSER?.split(':').find(command => command.trim() !== '');
	try {
		if (browser) {
			await launch(browser.includes('%s') ? browser.replaceAll('%s', '"$1"') : `${browser} "$1"`, url, env);
			return {ok: true, message: `opened ${url} with ${sanitizeLine(browser.trim().split(/\s+/)[0])}`};
		}

		const {default: open} = await import('open');
		const child = await open(url);
		await new Promise<void>((resolve, reject) => {
			child.once('error', reject);
			child.once('spawn', resolve);
			if (child.pid !== undefined) {
				resolve();
			}
		});
		return {ok: true, message: `opened ${url}`};
	} catch (error) {
		return {ok: false, message: `cannot open ${url}: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`};
	}
}

/**
 * Run a command line from the environment through the shell with the URL as `$1`, so nothing
 * in the URL is ever read as shell syntax. Detached: the browser outlives the reader.
 */
function launch(commandLine: string, url: string, env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('/bin/sh', ['-c', commandLine, 'sh', url], {env, stdio: 'ignore', detached: true});
		child.once('error', reject);
		child.once('spawn', () => {
			child.unref();
			resolve();
		});
	});
}
