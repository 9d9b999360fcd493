// Entry of a ranking worker thread. A worker does not inherit the tsx loader the main thread
// registered (bin/buurtbalans.js), so it registers its own before loading the TypeScript task.
import { register } from 'tsx/esm/api';

register();
await import('./ranking-worker-task.ts');
