/** Platform version reported by health and node status (keep in step with package.json). */
export const PLATFORM_VERSION = '0.1.0';
