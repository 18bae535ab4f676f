import {FolioError, UsageError} from '../core/errors.js';
import {
	allowedKeys, defaultSettings, formatSettingValue, isSettingKey, parseSettingValue, settingKeys, settingsSchema, type SettingKey,
} from '../core/settings/settings.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {stringWidth} from '../core/text/text-width.js';
import {loadSettings, resetSettings, storeSetting} from '../node/settings/settings-file.js';
import {warn, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';

export type ConfigOptions = {words: string[]; json: boolean};

const usage = 'folio config [list [--json] | get KEY | set KEY VALUE | reset [KEY]]';

/**
 * `folio config`: list, read and change the settings in `config.json`. A bad key or value is a
 * usage error whose one line says what is allowed; nothing is written then.
 */
export async function configCommand(context: CommandContext, options: ConfigOptions): Promise<number> {
	const [action = 'list', ...rest] = options.words;
	switch (action) {
		case 'list': {
			expectCount(rest, 0, 'list');
			return list(context, options.json);
		}

		case 'get': {
			expectCount(rest, 1, 'get KEY');
			const key = settingKey(rest[0]);
			const {settings} = loaded(context);
			return print(context, options.json ? JSON.stringify(settings[key]) : formatSettingValue(settings[key]));
		}

		case 'set': {
			expectCount(rest, 2, 'set KEY VALUE');
			const key = settingKey(rest[0]);
			let value;
			try {
				value = parseSettingValue(key, rest[1]);
			} catch (error) {
				throw new UsageError(sanitizeLine((error as Error).message));
			}

			await write(context, () => storeSetting(context.env, key, value));
			return print(context, `${key} = ${formatSettingValue(value)}`);
		}

		case 'reset': {
			if (rest.length > 1) {
				throw new UsageError(`Expected at most one KEY for folio config reset, got ${rest.length} (${usage})`);
			}

			const key = rest.length === 1 ? settingKey(rest[0]) : undefined;
			await write(context, () => resetSettings(context.env, key));
			return print(context, key ? `${key} = ${formatSettingValue(defaultSettings[key])} (default)` : 'every setting is back to its default');
		}

		default: {
			throw new UsageError(`Expected list, get, set or reset after folio config, got ${sanitizeLine(action)} (${usage})`);
		}
	}
}

async function list(context: CommandContext, json: boolean): Promise<number> {
	const {settings, stored, path} = loaded(context);
	if (json) {
		return print(context, JSON.stringify(settings, null, 2));
	}

	const keyWidth = Math.max(...settingKeys.map(key => key.length));
	const values = settingKeys.map(key => formatSettingValue(settings[key]));
	const valueWidth = Math.max(...values.map(value => stringWidth(value)));
	const lines = settingKeys.map((key, index) => {
		const origin = Object.hasOwn(stored, key) ? 'set' : 'default';
		return `${key.padEnd(keyWidth)}  ${values[index].padEnd(valueWidth)}  ${origin.padEnd(7)}  ${settingsSchema[key].description}`;
	});
	lines.push(`settings: ${sanitizeLine(path)}`);
	return print(context, lines.join('\n'));
}

function loaded(context: CommandContext) {
	const result = loadSettings(context.env);
	for (const warning of result.warnings) {
		warn(context, sanitizeLine(warning));
	}

	return result;
}

async function write(context: CommandContext, change: () => Promise<string[]>): Promise<void> {
	try {
		for (const warning of await change()) {
			warn(context, sanitizeLine(warning));
		}
	} catch (error) {
		const {code, message} = error as NodeJS.ErrnoException;
		throw new FolioError(`cannot save settings to ${sanitizeLine(loadSettings(context.env).path)} (${sanitizeLine(code ?? message)}); nothing was changed`);
	}
}

function settingKey(word: string): SettingKey {
	if (!isSettingKey(word)) {
		throw new UsageError(`unknown setting ${JSON.stringify(sanitizeLine(word))}: settings are ${allowedKeys()}`);
	}

	return word;
}

function expectCount(words: string[], count: number, shape: string): void {
	if (words.length !== count) {
		throw new UsageError(`Expected folio config ${shape}, got ${words.length === 0 ? 'nothing more' : sanitizeLine(words.join(' '))} (${usage})`);
	}
}

async function print(context: CommandContext, text: string): Promise<number> {
	const writer = new PipeWriter(context.stdout);
	await writer.text(text + '\n');
	await writer.end();
	return 0;
}
