/**
 * The contract's method names without its schemas: the sandboxed preload checks names against
 * this list, and importing contract.ts there would bundle zod into the preload (~700 KB).
 * contract.ts fails to compile when the two lists differ.
 */
export const METHOD_NAMES = [
  'app.info',
  'workbook.current',
  'workbook.values',
  'workbook.open',
  'workbook.create',
  'workbook.saveAs',
  'workbook.saveBack',
  'workbook.close',
  'workbook.openDemo',
  'recent.list',
  'scenario.create',
  'scenario.update',
  'scenario.delete',
  'scenario.setStatus',
  'scenario.targets',
  'targets.set',
  'justification.set',
  'history.state',
  'history.undo',
  'history.redo',
  'checks.run',
  'feasibility.get',
  'references.list',
  'references.save',
  'references.delete',
  'changelog.list',
  'history.list',
  'settings.update',
  'indicators.update',
  'values.set',
  'programmes.list',
  'programmes.save',
  'programmes.delete',
  'interventions.get',
  'province.read',
  'province.export',
  'province.exportBytes',
  'province.reviewBytes',
  'reviews.list',
  'reviews.respond',
  'population.get',
  'capaian.list',
  'capaian.set',
  'methodBreaks.list',
  'methodBreaks.save',
  'methodBreaks.delete',
  'profile.get',
  'profile.set',
  'annex.signer.get',
  'annex.signer.set',
  'annex.export',
  'annex.exportBytes',
  'import.template',
  'import.preview',
  'import.apply',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}
