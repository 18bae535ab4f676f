import {createContext, useContext} from 'react';
import {darkTheme, type Theme} from '../../core/theme/theme.js';

/** The theme every component draws with; the App provides the one settings and flags chose. */
export const ThemeContext = createContext<Theme>(darkTheme);

/**
 * The current theme.
 *
 * @example
 * const theme = useTheme();
 * return <Text {...inkProps(theme.statusHint)}>{hint}</Text>;
 */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}
