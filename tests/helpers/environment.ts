/**
 * The environment a spawned folio runs in during tests: built from nothing, not copied from the
 * person running the tests, so nothing of theirs (a colour setting, a library, an editor, a cache,
 * a CI flag, a terminal size) reaches folio or its libraries (chalk, Ink, conf).
 *
 * @example
 * const env = isolatedEnvironment(home, {FOLIO_STATE_DIR: stateDir});
 * spawn(process.execPath, [cliPath, 'list'], {env});
 */
import {mkdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
 * The only variables passed through from the parent: where programs are (folio starts an editor
 * or a browser by name) and where temporary files go. Everything else is set here or left unset.
 */
const passedThrough = ['PATH', 'TMPDIR'] as const;

/**
 * A fresh environment whose home and XDG folders are inside `home` (created if missing), with a
 * UTF-8 locale. `extra` adds variables; `undefined` removes one.
 */
export function isolatedEnvironment(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {};
	for (const name of passedThrough) {
		if (process.env[name] !== undefined) {
			environment[name] = process.env[name];
		}
	}

	environment.PATH ??= '/usr/local/bin:/usr/bin:/bin';
	environment.TMPDIR ??= os.tmpdir();
	Object.assign(environment, {
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
		XDG_DATA_HOME: path.join(home, '.local', 'share'),
		XDG_STATE_HOME: path.join(home, '.local', 'state'),
		LANG: 'C.UTF-8',
	});
	mkdirSync(home, {recursive: true});
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete environment[name];
		} else {
			environment[name] = value;
		}
	}

	return environment;
}
