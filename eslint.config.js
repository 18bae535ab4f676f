import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', '.bench/**']},
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
			'no-console': 'off',
			eqeqeq: ['error', 'smart'],
			'prefer-const': 'error',
		},
	},
);
