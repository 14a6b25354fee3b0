/** Keeps the last three digits of a national ID number (số định danh) and hides the rest. */
export function maskNationalId(nationalId: string): string {
  const visible = 3;
  if (nationalId.length <= visible) return '*'.repeat(nationalId.length);
  return '*'.repeat(nationalId.length - visible) + nationalId.slice(-visible);
}
