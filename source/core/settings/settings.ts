import {themeNames, type ThemeName} from '../theme/theme.js';

/** What a user can set in `config.json` (`folio config set KEY VALUE`). */
export type Settings = {
	/** Colours of the reader, the library and `cat`. @default 'dark' */
	theme: ThemeName;
	/** The widest the article text is set, in columns; wider terminals centre it. @default 100 */
	maxWidth: number;
	/** Emoji before the header's facts and the contents title; off gives plain words. @default true */
	icons: boolean;
	/** Columns of the contents pane, or `auto` (28% of the terminal, 18 to 36). @default 'auto' */
	tocWidth: number | 'auto';
	/** Links as terminal hyperlinks (OSC 8): `auto` when the terminal is known to support them. @default 'auto' */
	hyperlinks: 'auto' | 'always' | 'never';
};

export type SettingKey = keyof Settings;

type Schema =
	| {type: 'string'; enum: readonly string[]}
	| {type: 'integer'; minimum: number; maximum: number}
	| {type: 'boolean'}
	| {anyOf: readonly Schema[]};

type Property = Schema & {default: unknown; description: string};

/**
 * The JSON schema of `config.json` (draft 2020-12 vocabulary, the subset conf's ajv would check).
 * `validateSettings` and `parseSettingValue` read it, so a new setting is one entry here.
 */
export const settingsSchema: Record<SettingKey, Property> = {
	theme: {type: 'string', enum: themeNames, default: 'dark', description: 'colours: dark, light or mono (no colour)'},
	maxWidth: {type: 'integer', minimum: 20, maximum: 1000, default: 100, description: 'widest the article text is set, in columns'},
	icons: {type: 'boolean', default: true, description: 'emoji in the article header; false shows words'},
	tocWidth: {anyOf: [{type: 'string', enum: ['auto']}, {type: 'integer', minimum: 12, maximum: 80}], default: 'auto', description: 'columns of the contents pane, or auto'},
	hyperlinks: {type: 'string', enum: ['auto', 'always', 'never'], default: 'auto', description: 'links as terminal hyperlinks: auto, always or never'},
};

export const settingKeys = Object.keys(settingsSchema) as SettingKey[];

export const defaultSettings: Settings = Object.fromEntries(settingKeys.map(key => [key, settingsSchema[key].default])) as Settings;

/** True for a key of `Settings`. */
export function isSettingKey(key: string): key is SettingKey {
	return Object.hasOwn(settingsSchema, key);
}

/** `theme, maxWidth, icons, tocWidth, hyperlinks`. */
export function allowedKeys(): string {
	return settingKeys.join(', ');
}

/** What a key accepts, in words: `dark, light or mono`, `a whole number from 20 to 1000`. */
export function allowedValues(key: SettingKey): string {
	return describe(settingsSchema[key]);
}

function describe(schema: Schema): string {
	if ('anyOf' in schema) {
		return schema.anyOf.map(describe).join(' or ');
	}

	switch (schema.type) {
		case 'string': {
			return schema.enum.length === 1 ? schema.enum[0] : `${schema.enum.slice(0, -1).join(', ')} or ${schema.enum.at(-1)}`;
		}

		case 'integer': {
			return `a whole number from ${schema.minimum} to ${schema.maximum}`;
		}

		case 'boolean': {
			return 'true or false';
		}
	}
}

function matches(schema: Schema, value: unknown): boolean {
	if ('anyOf' in schema) {
		return schema.anyOf.some(option => matches(option, value));
	}

	switch (schema.type) {
		case 'string': {
			return typeof value === 'string' && schema.enum.includes(value);
		}

		case 'integer': {
			return Number.isInteger(value) && (value as number) >= schema.minimum && (value as number) <= schema.maximum;
		}

		case 'boolean': {
			return typeof value === 'boolean';
		}
	}
}

/** `Expected theme to be dark, light or mono, got "purple"`. */
export function invalidValue(key: SettingKey, value: unknown): string {
	return `Expected ${key} to be ${allowedValues(key)}, got ${JSON.stringify(value) ?? String(value)}`;
}

/**
 * The settings in a parsed `config.json`, defaults for what it does not set, and one problem line
 * per key that is unknown or holds a value the schema does not allow (that key keeps its default).
 */
export function validateSettings(data: unknown): {settings: Settings; problems: string[]} {
	const settings: Settings = {...defaultSettings};
	if (data === undefined) {
		return {settings, problems: []};
	}

	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return {settings, problems: ['Expected the settings to be a JSON object of keys and values']};
	}

	const problems: string[] = [];
	for (const [key, value] of Object.entries(data)) {
		if (key === '__internal__') {
			continue;
		}

		if (!isSettingKey(key)) {
			problems.push(`unknown setting ${JSON.stringify(key)} ignored (settings are ${allowedKeys()})`);
		} else if (matches(settingsSchema[key], value)) {
			(settings as Record<string, unknown>)[key] = value;
		} else {
			problems.push(`${invalidValue(key, value)}; using ${formatSettingValue(defaultSettings[key])}`);
		}
	}

	return {settings, problems};
}

/**
 * A value typed on the command line (`folio config set maxWidth 80`) as the setting's type.
 * Throws a message listing what is allowed when it is not one.
 */
export function parseSettingValue(key: SettingKey, text: string): Settings[SettingKey] {
	const trimmed = text.trim();
	const candidates: unknown[] = [trimmed];
	if (/^-?\d+$/.test(trimmed)) {
		candidates.unshift(Number(trimmed));
	}

	if (trimmed === 'true' || trimmed === 'false') {
		candidates.unshift(trimmed === 'true');
	}

	const value = candidates.find(candidate => matches(settingsSchema[key], candidate));
	if (value === undefined) {
		throw new Error(invalidValue(key, text));
	}

	return value as Settings[SettingKey];
}

/** A value as `folio config` shows it. */
export function formatSettingValue(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}
