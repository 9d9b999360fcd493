/**
 * The veerkracht configuration under the name callers outside domain/ use. The definitions
 * live in veerkracht-config.ts because the lint rule that keeps domain/ away from the app's
 * src/config.ts matches any `config.js` import, so code inside domain/ imports that file.
 */
export {
  DEFAULT_VEERKRACHT_CONFIG,
  parseVeerkrachtConfig,
  type VeerkrachtConfig,
} from './veerkracht-config.js';
