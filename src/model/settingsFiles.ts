/**
 * Which workspace files hold settings a scan reads besides the code: example env files, docker-compose
 * files, deployment values, config files an app loads its models from, and the manifests and
 * TypeScript configs that decide how imports resolve. One definition for the scan, which reads them,
 * and the editor, which re-scans when one changes.
 */

/**
 * Example env files: `.env.example`, `.env.sample`, `.env.template`, `.env.local.example`,
 * `.env.development.example`, `example.env`, `env.example`, `.env.dist`, `.env.defaults`. Never `.env`,
 * `.env.local`, `.env.production`: those are real env files and hold secrets.
 */
export function isEnvExampleFile(baseName: string): boolean {
  const name = baseName.toLowerCase();
  return /^\.?env(\.[\w-]+)*\.(example|sample|template|tmpl|dist|defaults)$/.test(name) || /^(example|sample|template)\.env$/.test(name);
}

export function isDockerComposeFile(baseName: string): boolean {
  return /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/i.test(baseName);
}

/**
 * A deployment's values file: YAML under a Helm chart or deployment folder (`chart/env/prod.yaml`,
 * `helm/values.yaml`, `deploy/k8s/app.yaml`) or a Helm `values*.yaml`. Its env map is what a deployed app
 * reads from `process.env`, as docker-compose `environment:` is. `relativePath` is POSIX, from the scan root.
 */
export function isDeploymentValuesFile(relativePath: string): boolean {
  const parts = relativePath.toLowerCase().split('/');
  const base = parts[parts.length - 1];
  if (!/\.ya?ml$/.test(base) || isDockerComposeFile(base)) return false;
  return /^values([.-][\w-]+)?\.ya?ml$/.test(base) || parts.slice(0, -1).some((folder) => /^(charts?|helm|deploy|deployments?|k8s|kubernetes)$/.test(folder));
}

/** Config files an app commonly reads its models from (by base name). */
const CONFIG_FILE = /^((config|settings|llm|llms|models?|ai|agents?|providers?)(\.[\w-]+)?|[\w.-]*[.-](config|settings))\.(json|ya?ml|toml)$/i;
/** Tool configs that match the pattern but never hold an app's models. */
const TOOL_CONFIG = /^(tsconfig|jsconfig|package|package-lock|composer|renovate|biome|turbo|lerna|nx|vercel|netlify|firebase|app\.json|eslint|prettier|babel|jest|vitest|playwright|cypress|tailwind|postcss|next|nuxt|vite|webpack|rollup|svelte|astro|codegen|components)\b/i;

/** A config file an app may load its models from (`config.json`, `models.yaml`, `app.settings.toml`), not a tool's. */
export function isModelConfigFile(baseName: string): boolean {
  return CONFIG_FILE.test(baseName) && !TOOL_CONFIG.test(baseName);
}

/** `package.json`, `tsconfig.json`, `tsconfig.app.json`, `jsconfig.json`: they decide how the code's imports resolve. */
export function isModuleResolutionFile(baseName: string): boolean {
  return baseName === 'package.json' || /^(tsconfig|jsconfig)(\.[\w-]+)*\.json$/.test(baseName);
}

/** Any file whose change can change a scan's result without a source file changing (scan-root-relative POSIX path). */
export function isWorkspaceSettingsFile(relativePath: string): boolean {
  const baseName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return isEnvExampleFile(baseName) || isDockerComposeFile(baseName) || isDeploymentValuesFile(relativePath) || isModelConfigFile(baseName) || isModuleResolutionFile(baseName);
}
