/**
 * `npm start`: builds the app when needed (see ensureBuild), then starts the server in this same process.
 */
import { ensureBuild } from './lib/ensureBuild';

if (!ensureBuild()) process.exit(1);
Object.assign(process.env, { NODE_ENV: 'production' });
await import('../server');
