/**
 * The demo's worked example of the 2021 revision, as the renderer recognises it: the name the
 * demo builder stores (electron/workbook/demo.ts, resources/demo/perubahan-2021-contoh.json; a
 * unit test holds the two equal). The renderer may not import the demo builder's data.
 */
export const EXAMPLE_SCENARIO_NAME = 'Perubahan 2021 (contoh)';

/** The stored name of a planner's own scenario made from the next-steps card: unique in the workbook. */
export function ownScenarioName(existing: readonly string[], base = 'Perubahan 2021'): string {
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}
