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
    files: ['lib/events/**/*.ts', 'lib/replay/**/*.ts', 'lib/charts/**/*.ts', 'lib/decks/**/*.ts', 'lib/timeline/**/*.ts', 'lib/screen/**/*.ts', 'lib/studio/**/*.ts', 'lib/cluster/haproxyConfig.ts', 'lib/cluster/haproxyProductionExample.ts', 'lib/cluster/leaseKeeperPolicy.ts', 'lib/cluster/roomHead.ts', 'lib/sortedSearch.ts'],
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
  {
    // Browser code keeps the validation library out of the page's first load: names and limits come from the
    // zod-free modules (eventTypes, deckLimits, protocolVersion); the schemas are for the server and types only.
    files: ['app/**/*.{ts,tsx}', 'lib/realtime/client/**/*.ts', 'lib/replay/**/*.ts', 'lib/charts/**/*.ts', 'lib/timeline/**/*.ts', 'lib/screen/**/*.ts', 'lib/queries/**/*.ts'],
    ignores: ['app/api/**', 'lib/replay/presentationSchema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Browser code: no zod (it would join the first load).', allowTypeImports: true }],
          patterns: [
            {
              group: ['**/events/schema', '**/decks/deckSchema', '**/realtime/protocol', '**/replay/presentationSchema'],
              message: 'Browser code: import names from eventTypes, deckLimits or protocolVersion; only types from the schemas.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
