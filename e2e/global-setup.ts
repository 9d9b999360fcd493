import fs from 'node:fs';
import { ARTEFACTS } from './browser.js';

/** Start every end-to-end run with an empty screenshot folder, so what is there is this run's. */
export default function setup() {
  fs.rmSync(ARTEFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTEFACTS, { recursive: true });
}
