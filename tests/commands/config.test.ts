import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {outputLines, runFolio, stripSgr, temporaryFolder, type RunResult} from '../helpers/cli.js';
import {colourParameters, sgrParameters} from '../helpers/sgr.js';

/** A state folder; folio's HOME is inside it, so the settings are at `HOME/.config/folio/config.json` (XDG_CONFIG_HOME). */
function folders(t: ExecutionContext) {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const file = path.join(stateDir, 'home', '.config', 'folio', 'config.json');
	const folio = async (...args: string[]) => runFolio(t, args, {stateDir});
	return {stateDir, file, folio};
}

function usageError(t: ExecutionContext, result: RunResult): string {
	t.is(result.status, 2, result.stderr);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: [^\n]+\n$/);
	return result.stderr;
}

test('folio config lists every setting with its value and where it comes from', async t => {
	const {folio, file} = folders(t);
	const result = await folio('config');
	t.is(result.status, 0, result.stderr);
	const lines = outputLines(result.stdout);
	t.regex(lines[0], /^theme {7}dark {2}default {2}colours: /);
	t.deepEqual(lines.slice(0, 5).map(line => line.split(/\s+/)[0]), ['theme', 'maxWidth', 'icons', 'tocWidth', 'hyperlinks']);
	t.is(lines.at(-1), `settings: ${file}`);
	t.false(existsSync(file), 'listing creates no file');
});

test('set stores a value in $XDG_CONFIG_HOME/folio/config.json; get and list --json read it back', async t => {
	const {folio, file} = folders(t);
	t.is((await folio('config', 'set', 'theme', 'light')).stdout, 'theme = light\n');
	t.is((await folio('config', 'set', 'maxWidth', '72')).stdout, 'maxWidth = 72\n');
	t.is((await folio('config', 'set', 'icons', 'false')).stdout, 'icons = false\n');
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {theme: 'light', maxWidth: 72, icons: false});
	t.is((await folio('config', 'get', 'maxWidth')).stdout, '72\n');
	t.is((await folio('config', 'get', 'hyperlinks')).stdout, 'auto\n');
	const listed = JSON.parse((await folio('config', 'list', '--json')).stdout) as Record<string, unknown>;
	t.deepEqual(listed, {theme: 'light', maxWidth: 72, icons: false, tocWidth: 'auto', hyperlinks: 'auto'});
	t.regex((await folio('config')).stdout, /^maxWidth {4}72 {5}set {6}widest/m);
});

test('reset forgets one key or all of them', async t => {
	const {folio, file} = folders(t);
	await folio('config', 'set', 'theme', 'mono');
	await folio('config', 'set', 'tocWidth', '30');
	t.is((await folio('config', 'reset', 'theme')).stdout, 'theme = dark (default)\n');
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {tocWidth: 30});
	t.is((await folio('config', 'reset')).status, 0);
	t.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {});
});

test('a bad key or value is a usage error that lists what is allowed, and changes nothing', async t => {
	const {folio, file} = folders(t);
	await folio('config', 'set', 'theme', 'light');
	const before = readFileSync(file, 'utf8');
	t.is(usageError(t, await folio('config', 'set', 'colour', 'red')), 'folio: unknown setting "colour": settings are theme, maxWidth, icons, tocWidth, hyperlinks\n');
	t.is(usageError(t, await folio('config', 'set', 'theme', 'purple')), 'folio: Expected theme to be dark, light or mono, got "purple"\n');
	t.is(usageError(t, await folio('config', 'set', 'maxWidth', '10')), 'folio: Expected maxWidth to be a whole number from 20 to 1000, got "10"\n');
	t.is(usageError(t, await folio('config', 'get', 'nope')), 'folio: unknown setting "nope": settings are theme, maxWidth, icons, tocWidth, hyperlinks\n');
	t.regex(usageError(t, await folio('config', 'frob')), /^folio: Expected list, get, set or reset after folio config, got frob/);
	t.regex(usageError(t, await folio('config', 'set', 'theme')), /^folio: Expected folio config set KEY VALUE/);
	t.is(readFileSync(file, 'utf8'), before);
});

test('a config file that is not JSON is moved aside with one warning, and the defaults apply', async t => {
	const {folio, file} = folders(t);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, '{"theme": "light",');
	const result = await folio('config', 'get', 'theme');
	t.is(result.stdout, 'dark\n');
	const warnings = outputLines(result.stderr);
	t.is(warnings.length, 1, result.stderr);
	t.regex(warnings[0], /^folio: warning: settings at .*config\.json were not valid JSON; moved them to .*config\.json\.corrupt-\S+ and using the defaults$/);
	const aside = readdirSync(path.dirname(file)).filter(name => name.startsWith('config.json.corrupt-'));
	t.is(aside.length, 1);
	t.is(readFileSync(path.join(path.dirname(file), aside[0]), 'utf8'), '{"theme": "light",', 'the user\'s bytes are kept');
	t.false(existsSync(file));
	t.is((await folio('config', 'get', 'theme')).stderr, '', 'warned once');
});

test('a bad value in the file keeps its default with a warning naming what is allowed', async t => {
	const {folio, file} = folders(t);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, JSON.stringify({theme: 'purple', maxWidth: 90}));
	const result = await folio('config', 'list', '--json');
	t.like(JSON.parse(result.stdout), {theme: 'dark', maxWidth: 90});
	t.regex(result.stderr, /^folio: warning: .*config\.json: expected theme to be dark, light or mono, got "purple"; using dark\n$/);
});

test('flags override settings: --theme over the theme setting in cat', async t => {
	const {folio, stateDir} = folders(t);
	await folio('config', 'set', 'theme', 'mono');
	const mono = await runFolio(t, ['cat', 'guides/keys', '--color'], {stateDir});
	t.deepEqual(colourParameters(mono.stdout), [], 'the mono setting: no colour');
	t.true(sgrParameters(mono.stdout).includes('1'));
	const dark = await runFolio(t, ['cat', 'guides/keys', '--color', '--theme', 'dark'], {stateDir});
	t.true(colourParameters(dark.stdout).includes('33'), '--theme dark wins over the setting: its yellow code');
	t.is(stripSgr(dark.stdout), stripSgr(mono.stdout));
	t.is(usageError(t, await folio('cat', 'guides/keys', '--theme', 'neon')), 'folio: Expected --theme to be dark, light or mono, got neon\n');
});
