/** The page's pauses: typing is applied, checked and run again only after the person stops for a moment. */

/** Pause after the last keystroke in the JSON view before the form and messages follow. */
export const JSON_DELAY_MS = 250;
/** Pause after the last keystroke in a form field before the messages follow. */
export const CHECK_DELAY_MS = 150;
/** Pause after the last change before the scenario is run again. */
export const RERUN_DELAY_MS = 600;
/** Pause after a preset is picked (arrow keys move through the list) before it runs. */
export const PRESET_DELAY_MS = 200;
/** Pause before the share link follows the scenario. */
export const LINK_DELAY_MS = 150;
