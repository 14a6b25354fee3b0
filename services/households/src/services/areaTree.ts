/**
 * SQL for "every unit at or under a root, at any time". Edges are the parent links
 * of every version plus the crosswalk (a successor contains what it took over), so
 * an abolished district still reaches its communes and a merged province reaches
 * the communes of the provinces it absorbed. UNION (not UNION ALL) stops cycles.
 * `$1` is the array of root codes; the CTE yields (root, code) pairs.
 */
export const AREA_TREE_CTE = `
  WITH RECURSIVE edges(parent, child) AS (
    SELECT parent_code, code FROM admin_units WHERE parent_code IS NOT NULL
    UNION
    SELECT to_code, from_code FROM admin_unit_successions
  ), tree(root, code) AS (
    SELECT root, root FROM unnest($1::text[]) AS root
    UNION
    SELECT tree.root, edges.child FROM tree JOIN edges ON edges.parent = tree.code
  ), communes(root, code) AS (
    SELECT DISTINCT tree.root, tree.code FROM tree
    WHERE EXISTS (SELECT 1 FROM admin_units u WHERE u.code = tree.code AND u.level = 'COMMUNE')
  )`;

/**
 * SQL for "is a root in a poor district": walking up from each root through
 * parents (any version) and predecessors (a 2025 commune inherits the district of
 * the communes it took over). `$1` is the array of root codes; yields (root, poor).
 */
export const IN_POOR_DISTRICT_SQL = `
  WITH RECURSIVE up_edges(child, parent) AS (
    SELECT code, parent_code FROM admin_units WHERE parent_code IS NOT NULL
    UNION
    SELECT to_code, from_code FROM admin_unit_successions
  ), up(root, code) AS (
    SELECT root, root FROM unnest($1::text[]) AS root
    UNION
    SELECT up.root, up_edges.parent FROM up JOIN up_edges ON up_edges.child = up.code
  )
  SELECT up.root, bool_or(u.poor_district) AS poor
  FROM up JOIN admin_units u ON u.code = up.code
  GROUP BY up.root`;
