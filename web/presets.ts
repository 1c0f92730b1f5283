/**
 * The shipped scenarios (scenarios/*.json), bundled as text so the page can
 * show them in the preset picker and the editor exactly as written.
 */

/** One shipped scenario file. */
export interface Preset {
  /** File name, e.g. `nct06764329-hair-count.json`; unique. */
  file: string;
  /** The scenario's `title`, or the file name when the file has none. */
  title: string;
  /** The scenario's `description` ('' when it has none). */
  description: string;
  /** The file's text, as shipped. */
  text: string;
}

/**
 * Presets from a map of path → file text, sorted by file name. Files that are
 * not valid scenarios are listed too (under their file name): the editor then
 * shows what is wrong with them.
 */
export function presetsFrom(files: Record<string, string>): Preset[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
      const field = (key: string) => {
        const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
        return typeof value === 'string' ? value.trim() : '';
      };
      return { file, title: field('title') || file, description: field('description'), text };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every shipped scenario (not the JSON Schema). */
export const PRESETS: readonly Preset[] = presetsFrom(
  import.meta.glob<string>(['../scenarios/*.json', '!../scenarios/*.schema.json'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
