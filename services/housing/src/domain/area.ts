/**
 * Floor area per member, m² with 2 decimals, computed on hundredths of a square
 * metre so 25.125 never drifts; null without an area or members.
 */
export function areaPerPerson(floorAreaM2: number | null, members: number | null): number | null {
  if (floorAreaM2 === null || members === null || members <= 0) return null;
  return Math.round(Math.round(floorAreaM2 * 100) / members) / 100;
}
