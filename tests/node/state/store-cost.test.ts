import test from 'ava';
import {measureStore} from '../../helpers/store-measure.js';
import {temporaryFolder} from '../../helpers/store-fixtures.js';

// How long each operation takes is for the bench (`npm run bench` prints these figures): a shared
// machine makes any time limit here flaky.
test('with 1,000 articles the file stays small', t => {
	const figures = measureStore(temporaryFolder(t));
	t.log(figures);
	t.is(figures.articles, 1000);
	t.true(figures.fileBytes < 400_000, `file is ${figures.fileBytes} bytes`);
});
