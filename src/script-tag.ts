/**
 * The script-tag bundle's entry. Its default export becomes `var ConfiguratorEmbed` (rollup's
 * IIFE), and it is the page's existing `ConfiguratorEmbed` whenever there is one, so a second
 * copy, or another script's global of that name, is never replaced.
 */
import { startScriptTag } from './embed/auto-mount';
import * as api from './index';

// Read now: `document.currentScript` is this script only while it is being evaluated.
const script = typeof document === 'undefined' ? null : document.currentScript;

export default typeof window === 'undefined' ? api : startScriptTag(api, script);
