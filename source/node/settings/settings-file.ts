import {existsSync, readFileSync, renameSync} from 'node:fs';
import path from 'node:path';
import {defaultSettings, settingsSchema, validateSettings, type SettingKey, type Settings} from '../../core/settings/settings.js';
import {writeFileDurably} from '../durable-write.js';
import {userConfigDirectory} from '../config-folder.js';

/*
 * `config.json`: read by hand on every start (a readFileSync and the same schema check,
 * `validateSettings` in core/settings: importing conf and ajv costs `cat` ~40 ms), written
 * through conf by `folio config set/reset`: DurableConf (every byte checked, fsync, rename; the
 * folder created) given `settingsSchema` as conf's `schema`, so ajv checks every write and conf
 * knows each default (`conf.reset`). Only what the user set is stored, so a later folio's better
 * default reaches them.
 */

export type LoadedSettings = {
	settings: Settings;
	/** The file read (it may not exist). */
	path: string;
	/** One line per problem: a file moved aside, an unknown key, a value that was ignored. */
	warnings: string[];
	/** What the file itself sets, validated: the keys a user changed. */
	stored: Partial<Settings>;
};

/** `$XDG_CONFIG_HOME/folio/config.json` (or `FOLIO_CONFIG_DIR/config.json`). */
export function settingsPath(env: NodeJS.ProcessEnv): string {
	return path.join(path.resolve(env.FOLIO_CONFIG_DIR || userConfigDirectory(env)), 'config.json');
}

/**
 * The settings: defaults, overridden by the file. A file that is not JSON is moved aside to
 * `config.json.corrupt-TIME` with one warning; a key with a bad value keeps its default, with one
 * warning naming what is allowed. Never throws.
 */
export function loadSettings(env: NodeJS.ProcessEnv): LoadedSettings {
	const file = settingsPath(env);
	const warnings: string[] = [];
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (error instanceof SyntaxError) {
			warnings.push(moveAside(file));
		} else if (code !== 'ENOENT' && code !== 'ENOTDIR') {
			warnings.push(`cannot read settings at ${file} (${code ?? String(error)}); using the defaults`);
		}
	}

	const {settings, problems} = validateSettings(data);
	for (const problem of problems) {
		warnings.push(`${file}: ${lowerFirst(problem)}`);
	}

	const stored: Partial<Settings> = {};
	for (const key of Object.keys(settings) as SettingKey[]) {
		if (isObject(data) && Object.hasOwn(data, key) && settings[key] === data[key]) {
			(stored as Record<string, unknown>)[key] = settings[key];
		}
	}

	return {settings, path: file, warnings, stored};
}

/**
 * Set one key in the file (a valid value: `parseSettingValue` checked it), keeping the others.
 * Returns the warnings of reading the file first.
 */
export async function storeSetting<K extends SettingKey>(env: NodeJS.ProcessEnv, key: K, value: Settings[K]): Promise<string[]> {
	const {conf, warnings} = await openConf(env);
	if (value === defaultSettings[key]) {
		// The default is what an unset key means: store nothing, so a new default reaches the user.
		conf.delete(key);
	} else {
		conf.set(key, value);
	}

	return warnings;
}

/** Forget one key, or every key (the file then holds `{}`). */
export async function resetSettings(env: NodeJS.ProcessEnv, key?: SettingKey): Promise<string[]> {
	const {conf, warnings} = await openConf(env);
	if (key === undefined) {
		// Not conf.clear(), which writes every default from the schema into the file.
		conf.store = {};
	} else {
		conf.delete(key);
	}

	return warnings;
}

async function openConf(env: NodeJS.ProcessEnv) {
	const file = settingsPath(env);
	// Read it our way first: a file that is not JSON is moved aside rather than overwritten.
	const {warnings, stored} = loadSettings(env);
	const {DurableConf} = await import('../durable-conf.js');
	const open = () => new DurableConf<Record<string, unknown>>({
		cwd: path.dirname(file),
		configName: path.basename(file, '.json'),
		schema: settingsSchema as never,
		// conf's ajv would write every default into the file; only what the user set is kept.
		ajvOptions: {useDefaults: false},
		accessPropertiesByDotNotation: false,
		clearInvalidConfig: false,
		configFileMode: 0o600,
		serialize: value => JSON.stringify(value, null, '\t') + '\n',
	});
	try {
		return {conf: open(), warnings};
	} catch (error) {
		if (!(error as Error).message.startsWith('Config schema violation')) {
			throw error;
		}

		// A value the schema does not allow was warned about and ignored: keep the valid ones.
		writeFileDurably(file, JSON.stringify(stored, null, '\t') + '\n', {mode: 0o600});
		return {conf: open(), warnings};
	}
}

function moveAside(file: string): string {
	const stamp = new Date().toISOString().replaceAll(':', '-');
	let aside = `${file}.corrupt-${stamp}`;
	for (let suffix = 1; existsSync(aside); suffix++) {
		aside = `${file}.corrupt-${stamp}~${suffix}`;
	}

	try {
		renameSync(file, aside);
	} catch (error) {
		return `settings at ${file} are not valid JSON and could not be moved aside (${(error as NodeJS.ErrnoException).code ?? String(error)}); using the defaults`;
	}

	return `settings at ${file} were not valid JSON; moved them to ${aside} and using the defaults`;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
