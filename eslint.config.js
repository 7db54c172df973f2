import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**'] },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The pure core never reads the wall clock or does I/O: time comes from an injected clock.
    files: ['lib/events/**/*.ts', 'lib/replay/**/*.ts', 'lib/charts/**/*.ts', 'lib/decks/**/*.ts', 'lib/timeline/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pure core: inject a clock instead of Date.now().' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Pure core: inject a clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure core: new Date() reads the wall clock.' },
        { selector: "CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate|requestAnimationFrame)$/]", message: 'Pure core: no timers.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'net', 'socket.io*'], message: 'Pure core: no I/O.' }] }],
    },
  },
];

export default config;
