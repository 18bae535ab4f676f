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
);
