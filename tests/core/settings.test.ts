import test from 'ava';
import {defaultSettings, parseSettingValue, validateSettings} from '../../source/core/settings/settings.js';

test('defaults: dark, 100 columns, icons on, automatic contents width and hyperlinks', t => {
	t.deepEqual(defaultSettings, {theme: 'dark', maxWidth: 100, icons: true, tocWidth: 'auto', hyperlinks: 'auto'});
	t.deepEqual(validateSettings(undefined), {settings: defaultSettings, problems: []});
});

test('a file\'s valid values override the defaults', t => {
	const {settings, problems} = validateSettings({theme: 'light', maxWidth: 72, icons: false, tocWidth: 30, hyperlinks: 'never'});
	t.deepEqual(settings, {theme: 'light', maxWidth: 72, icons: false, tocWidth: 30, hyperlinks: 'never'});
	t.deepEqual(problems, []);
});

test('each bad value keeps its default and says what is allowed; unknown keys are named', t => {
	const {settings, problems} = validateSettings({theme: 'purple', maxWidth: 5, icons: 'yes', tocWidth: 'wide', colour: 1});
	t.deepEqual(settings, defaultSettings);
	t.deepEqual(problems, [
		'Expected theme to be dark, light or mono, got "purple"; using dark',
		'Expected maxWidth to be a whole number from 20 to 1000, got 5; using 100',
		'Expected icons to be true or false, got "yes"; using true',
		'Expected tocWidth to be auto or a whole number from 12 to 80, got "wide"; using auto',
		'unknown setting "colour" ignored (settings are theme, maxWidth, icons, tocWidth, hyperlinks)',
	]);
	t.deepEqual(validateSettings([1]).problems, ['Expected the settings to be a JSON object of keys and values']);
	t.deepEqual(validateSettings({maxWidth: 80.5}).settings.maxWidth, 100);
});

test('values typed on the command line become the setting\'s type', t => {
	t.is(parseSettingValue('maxWidth', '80'), 80);
	t.is(parseSettingValue('icons', 'false'), false);
	t.is(parseSettingValue('tocWidth', 'auto'), 'auto');
	t.is(parseSettingValue('tocWidth', '24'), 24);
	t.is(parseSettingValue('theme', 'mono'), 'mono');
	t.throws(() => parseSettingValue('maxWidth', 'wide'), {message: 'Expected maxWidth to be a whole number from 20 to 1000, got "wide"'});
	t.throws(() => parseSettingValue('theme', 'true'), {message: 'Expected theme to be dark, light or mono, got "true"'});
	t.throws(() => parseSettingValue('maxWidth', '19'));
});
