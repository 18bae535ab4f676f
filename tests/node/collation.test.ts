import {execFileSync} from 'node:child_process';
import process from 'node:process';
import test from 'ava';
import {rootAsciiOrder} from '../../source/node/collation.js';

/** How a Node started with `env` sorts the printable ASCII characters. */
function icuOrder(env: Record<string, string>): string {
	const script = 'const c = Array.from({length: 95}, (_, i) => String.fromCharCode(32 + i)); process.stdout.write(c.toSorted(new Intl.Collator().compare).join(""))';
	return execFileSync(process.execPath, ['-e', script], {env: {PATH: process.env.PATH ?? '', ...env}, encoding: 'utf8'});
}

const root = icuOrder({LC_ALL: 'en_US.UTF-8'});

test('every environment taken as the root order makes ICU sort ASCII so', t => {
	const environments: Array<Record<string, string>> = [{}, {LANG: ''}, {LANG: 'C'}, {LANG: 'POSIX'}, {LANG: 'C.UTF-8'}, {LANG: 'en'}, {LANG: 'en_GB.UTF-8'}, {LC_ALL: 'C.utf8', LANG: 'en_IE.ISO-8859-1'}, {LC_MESSAGES: 'en_AU'}];
	for (const env of environments) {
		t.true(rootAsciiOrder(env), JSON.stringify(env));
		t.is(icuOrder(env), root, JSON.stringify(env));
	}
});

test('a locale that tailors the order, or one folio does not know, is left to ICU', t => {
	const environments: Array<Record<string, string>> = [{LANG: 'da_DK.UTF-8'}, {LANG: 'C', LC_MESSAGES: 'da_DK'}, {LC_ALL: 'da', LANG: 'en_US.UTF-8'}, {LANG: 'en_US_POSIX'}, {LANG: 'en_US.UTF-8@euro'}, {LANG: 'de_DE.UTF-8'}];
	for (const env of environments) {
		t.false(rootAsciiOrder(env), JSON.stringify(env));
	}

	// The test can tell: ICU does sort ASCII otherwise under the Danish ones.
	t.not(icuOrder({LANG: 'da_DK.UTF-8'}), root);
	t.not(icuOrder({LANG: 'C', LC_MESSAGES: 'da_DK'}), root);
	t.not(icuOrder({LC_ALL: 'da', LANG: 'en_US.UTF-8'}), root);
});
