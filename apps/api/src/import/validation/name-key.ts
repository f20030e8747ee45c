/**
 * How names are compared (references and duplicates): full-width forms folded (NFKC: （ → (,
 * full-width digits and letters), spaces ignored, case ignored. "四年级（1）班" = "四年级(1) 班".
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
