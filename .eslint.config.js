import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', '.bench/**', '.scratch/**']},
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true}],
			'no-console': 'off',
			'no-control-regex': 'error',
			eqeqeq: ['error', 'smart'],
			'prefer-const': 'error',
		},
	},
	{
		// The core is pure: no file system, environment or process, no Ink or React. What it needs
		// from the edge (a highlighter, a size limit, the clock) is passed in.
		files: ['source/core/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{group: ['node:*'], message: 'source/core is pure: do I/O in source/node and pass the result in.'},
					{group: ['ink', 'ink-*', 'react', 'react/*'], message: 'source/core has no UI: components live in source/ui.'},
					{group: ['**/node/**', '**/ui/**', '**/commands/**', '**/app.js', '**/cli.js'], message: 'Dependencies point one way: source/core imports only source/core.'},
				],
				paths: ['fs', 'path', 'os', 'child_process', 'process', 'conf'].map(name => ({name, message: 'source/core is pure: do I/O in source/node.'})),
			}],
			'no-restricted-globals': ['error',
				{name: 'process', message: 'source/core is pure: the environment and argv are passed in.'},
				{name: 'Buffer', message: 'source/core is pure: decode bytes in source/node.'},
				{name: 'require', message: 'source/core is pure: load modules in source/node.'},
			],
		},
	},
	{
		files: ['source/ui/**/*.{ts,tsx}', 'source/app.tsx'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
		},
	},
);
