import {UsageError} from '../core/errors.js';
import {parseSettingValue, type Settings} from '../core/settings/settings.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {chooseTheme, colourEnabled} from '../core/theme/colour.js';
import {isThemeName, type Theme} from '../core/theme/theme.js';
import {loadSettings} from '../node/settings/settings-file.js';
import {warn, type CommandContext} from './context.js';

/** The display flags of the command line; each overrides its setting. */
export type DisplayFlags = {
	/** --theme NAME */
	theme?: string;
	/** --max-width N */
	maxWidth?: number;
	/** --color (true) or --no-color (false) */
	color?: boolean;
};

/** How to draw: the settings with the flags applied, and the theme colour allows. */
export type Display = Omit<Settings, 'theme'> & {theme: Theme; /** Whether colour is on (FORCE_COLOR, --color, NO_COLOR, a terminal). */ colour: boolean};

/**
 * Flags over settings over defaults. `terminal` says the output is a terminal (the reader always
 * is); without colour (NO_COLOR, --no-color, FORCE_COLOR=0, a pipe) the theme is `mono`.
 * Settings problems are printed as warnings; a bad flag is a usage error.
 */
export function displayFor(context: CommandContext, flags: DisplayFlags, terminal: boolean): Display {
	const {settings, warnings} = loadSettings(context.env);
	for (const message of warnings) {
		warn(context, sanitizeLine(message));
	}

	let {maxWidth} = settings;
	if (flags.maxWidth !== undefined) {
		try {
			maxWidth = parseSettingValue('maxWidth', String(flags.maxWidth)) as number;
		} catch (error) {
			throw new UsageError((error as Error).message.replace(/^Expected maxWidth/, 'Expected --max-width'));
		}
	}

	const name = flags.theme !== undefined && isThemeName(flags.theme) ? flags.theme : settings.theme;
	const colour = colourEnabled({flag: flags.color, env: context.env, isTTY: terminal});
	return {...settings, maxWidth, theme: chooseTheme(name, colour), colour};
}

/** The `hyperlinks` setting as a flag: `always` and `never` decide, `auto` leaves it to the terminal. */
export function hyperlinksSetting(value: Settings['hyperlinks']): boolean | undefined {
	return value === 'auto' ? undefined : value === 'always';
}
