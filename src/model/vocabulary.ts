/**
 * Terms and constants the whole product shares, defined once. Imports nothing.
 */

/** The workspace usage file, at the scan root unless the user names another. */
export const USAGE_FILE_NAME = 'llm-usage.yml';
