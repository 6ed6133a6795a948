/**
 * The views the navigation offers. Only views that exist are listed: Bandingkan, Pemeriksaan and
 * Ekspor join here as their issues land (one entry and a translation each).
 */
export const VIEWS = [
  { id: 'workbook', labelKey: 'nav.workbook' },
  { id: 'target', labelKey: 'nav.target' },
  { id: 'compare', labelKey: 'compare.nav.compare' },
  // After Bandingkan: once the revised path is compared with the original, the next question is
  // whether the programmes funded can deliver it; Pemeriksaan and Ekspor close the revision.
  { id: 'interventions', labelKey: 'interventions.nav' },
  { id: 'checks', labelKey: 'compare.nav.checks' },
  { id: 'history', labelKey: 'history.nav' },
  { id: 'export', labelKey: 'annex.nav' },
  // Last: the province reads a folder of other regions' workbooks and needs no open workbook.
  { id: 'province', labelKey: 'province.nav' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];
