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
