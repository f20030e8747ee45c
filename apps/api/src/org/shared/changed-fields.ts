/** Names of the fields a request body sets (present, even if null), sorted, for the audit log: names only, never values. */
export function changedFields(body: object): string[] {
  return Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
}
