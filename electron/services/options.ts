import type { HostKind } from '../../shared/domain.js';

/** What a host (Electron worker, browser host, tests) tells the services when it starts them. */
export interface ServiceOptions {
  /** Folder for the demo workbook and the recent-files list (see paths.ts). */
  dataDir: string;
  host: HostKind;
  appVersion: string;
  /**
   * Path of a better-sqlite3 native build to load instead of the default one. Electron passes its
   * own ABI build here; Node (tests, browser host) leaves it unset.
   */
  nativeBinding?: string;
}
