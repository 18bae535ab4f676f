import test from 'ava';
import {measureStore} from '../../helpers/store-measure.js';
import {temporaryFolder} from '../../helpers/store-fixtures.js';

// Times are logged, not asserted (speed is checked by npm run bench); the size is a property.
test('with 10,000 articles the file stays under 4 MB and every operation works', t => {
	const figures = measureStore(temporaryFolder(t), 5);
	t.log(figures);
	t.is(figures.articles, 10_000);
	t.true(figures.fileBytes < 4_000_000, `file is ${figures.fileBytes} bytes`);
});
