import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {loadSettings, resetSettings, storeSetting} from '../../../source/node/settings/settings-file.js';
import {temporaryFolder} from '../../helpers/store-fixtures.js';

function environment(t: {teardown(fn: () => void): void}) {
	const folder = temporaryFolder(t);
	return {env: {FOLIO_CONFIG_DIR: folder}, file: path.join(folder, 'config.json')};
}

test('conf checks every write against the settings schema: a value it does not allow is refused and nothing is written', async t => {
	const {env, file} = environment(t);
	await storeSetting(env, 'maxWidth', 80);
	// Past parseSettingValue, straight to conf: its ajv validator is the last word.
	await t.throwsAsync(storeSetting(env, 'maxWidth', 5 as never), {message: /^Config schema violation: `maxWidth` must be >= 20/});
	await t.throwsAsync(storeSetting(env, 'theme', 'neon' as never), {message: /^Config schema violation: `theme` must be equal to one of the allowed values/});
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {maxWidth: 80});
});

test('only what the user set is stored: conf writes no defaults, and reset of every key leaves an empty object', async t => {
	const {env, file} = environment(t);
	await storeSetting(env, 'icons', false);
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {icons: false});
	await storeSetting(env, 'theme', 'dark');
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {icons: false}, 'setting the default stores nothing');
	await resetSettings(env);
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {});
	t.is(loadSettings(env).settings.icons, true);
});

test('a file holding a value the schema refuses is written back without it, keeping the valid keys', async t => {
	const {env, file} = environment(t);
	writeFileSync(file, JSON.stringify({maxWidth: 5, icons: false}));
	const warnings = await storeSetting(env, 'theme', 'light');
	t.is(warnings.length, 1);
	t.regex(warnings[0], /maxWidth to be a whole number from 20 to 1000, got 5/);
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {icons: false, theme: 'light'});
});
