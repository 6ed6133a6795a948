import { build } from 'esbuild';

/**
 * Bundles a child-process script for plain Node beside the app's own bundles, so the native
 * module (and any other `external`) resolves from the project's node_modules.
 */
export async function bundleChild(entry: string, outfile: string, external: string[]): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}
