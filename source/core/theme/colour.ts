import {monoTheme, themes, type Theme, type ThemeName} from './theme.js';

export type ColourInputs = {
	/** `--color` (true) or `--no-color` (false); undefined when neither was given. */
	flag?: boolean;
	/** The environment: `FORCE_COLOR`, `NO_COLOR` and `TERM` are read. */
	env: Readonly<Record<string, string | undefined>>;
	/** Whether the output is a terminal. */
	isTTY: boolean;
};

/**
 * Whether to colour, as chalk documents it: `FORCE_COLOR` overrides everything (`0`/`false` off,
 * `1`–`3`, `true` or empty on); then `--color`/`--no-color`; then `NO_COLOR` (any non-empty value)
 * turns colour off; otherwise colour on a terminal that is not `TERM=dumb`.
 */
export function colourEnabled({flag, env, isTTY}: ColourInputs): boolean {
	const force = env.FORCE_COLOR;
	if (force !== undefined) {
		return !(force === 'false' || force === '0');
	}

	if (flag !== undefined) {
		return flag;
	}

	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') {
		return false;
	}

	return isTTY && env.TERM !== 'dumb';
}

/** The theme to draw with: the chosen one, or `mono` when colour is off. */
export function chooseTheme(name: ThemeName, colour: boolean): Theme {
	return colour ? themes[name] : monoTheme;
}
