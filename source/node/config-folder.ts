import os from 'node:os';
import path from 'node:path';

/**
 * The user's folder for folio's files, the one conf (env-paths) picks for `projectName: 'folio',
 * projectSuffix: ''`, read from `environment`: `$XDG_CONFIG_HOME/folio` or `~/.config/folio` on
 * Linux. The state file and `config.json` live there.
 */
export function userConfigDirectory(environment: NodeJS.ProcessEnv): string {
	const home = os.homedir();
	if (process.platform === 'darwin') {
		return path.join(home, 'Library', 'Preferences', 'folio');
	}

	if (process.platform === 'win32') {
		return path.join(environment.APPDATA || path.join(home, 'AppData', 'Roaming'), 'folio', 'Config');
	}

	return path.join(environment.XDG_CONFIG_HOME || path.join(home, '.config'), 'folio');
}
