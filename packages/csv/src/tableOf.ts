import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Row } from './toCsv';

/**
 * What an operation selects: response key (alias or field name) → the fields
 * selected under it, or null for a leaf. Fragments are expanded in place; when a
 * key is selected twice its selections merge, in order of first appearance.
 */
export type Shape = ReadonlyMap<string, Shape | null>;

export function shapeOf(operation: OperationDefinitionNode, document: DocumentNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const collect = (selectionSet: SelectionSetNode, into: Map<string, Shape | null>, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!selection.selectionSet) {
          if (!into.has(key)) into.set(key, null);
          continue;
        }
        const existing = into.get(key);
        const child = existing instanceof Map ? (existing as Map<string, Shape | null>) : new Map<string, Shape | null>();
        into.set(key, child);
        collect(selection.selectionSet, child, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, into, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle or an unknown fragment is the server's to report; here it only adds nothing.
        if (fragment && !seen.has(name)) collect(fragment.selectionSet, into, new Set([...seen, name]));
      }
    }
  };
  const root = new Map<string, Shape | null>();
  collect(operation.selectionSet, root, new Set());
  return root;
}

type Json = Record<string, unknown>;

/** The rows of a GraphQL answer and where they were found. */
export interface Table {
  /** Column names in order: the leading (context) columns, then each row's own. */
  columns: string[];
  rows: Row[];
  /** Keys leading to the row list, e.g. `['adminUnit', 'households', 'nodes']`; null when the whole answer is one row. */
  rowPath: string[] | null;
  /** The object holding the row list (a connection: its `pageInfo` and `totalCount`); null when there is no list. */
  connection: Json | null;
}

/** Fields of a connection that describe the paging, not a row: never columns. */
const PAGING_FIELDS = new Set(['pageInfo', 'totalCount']);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys of `value` in the operation's order (then any the shape does not name, in answer order). */
function keysOf(value: Json, shape: Shape | undefined): string[] {
  if (!shape) return Object.keys(value);
  return [...shape.keys(), ...Object.keys(value).filter((key) => !shape.has(key))];
}

/** A list of objects: an item is an object, or (empty) the operation selects fields under it. */
function isObjectList(value: unknown[], shape: Shape | null | undefined): boolean {
  return value.length === 0 ? shape instanceof Map : value.some(isObject);
}

/** Depth first, in document order: the first list of objects, and the keys leading to it. */
function findRowList(value: Json, shape: Shape | undefined, path: string[]): { path: string[]; list: unknown[] } | null {
  for (const key of keysOf(value, shape)) {
    const child = value[key];
    const childShape = shape?.get(key);
    if (Array.isArray(child)) {
      if (isObjectList(child, childShape)) return { path: [...path, key], list: child };
    } else if (isObject(child) && childShape !== null) {
      const found = findRowList(child, childShape, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Writes `value`'s fields into `row` under `prefix`: scalars as they are,
 * objects as dotted columns (`poverty.poor`), lists of scalars joined with "; ",
 * lists of objects as their number of items (`loans` → 3). An object that is
 * null still gets its selected columns (empty), so every row has the same ones.
 */
function flatten(value: Json, shape: Shape | undefined, prefix: string, row: Record<string, unknown>, skip: (key: string) => boolean = () => false): void {
  for (const key of keysOf(value, shape)) {
    if (skip(key)) continue;
    const child = value[key];
    const childShape = shape?.get(key);
    const column = prefix + key;
    if (Array.isArray(child)) {
      row[column] = isObjectList(child, childShape) ? child.length : child;
    } else if (isObject(child) && childShape !== null) {
      flatten(child, childShape, `${column}.`, row);
    } else if ((child === null || child === undefined) && childShape instanceof Map) {
      emptyColumns(childShape, `${column}.`, row);
    } else {
      row[column] = child;
    }
  }
}

function emptyColumns(shape: Shape, prefix: string, row: Record<string, unknown>): void {
  for (const [key, childShape] of shape) {
    if (childShape) emptyColumns(childShape, `${prefix}${key}.`, row);
    else row[prefix + key] = null;
  }
}

/**
 * The rows of a GraphQL `data` object, for a CSV file.
 *
 * 1. The row list is the first list of objects met walking the answer depth
 *    first in document order (`adminUnit.households.nodes`, `adminUnit.trend`);
 *    each item is a row. With no list at all the whole answer is one row.
 * 2. Inside a row, objects become dotted columns (`poverty.poor`,
 *    `household.code`), lists of scalars are joined with "; ", and lists of
 *    objects become their number of items (`loans` → 3).
 * 3. Everything beside the path to the row list (`adminUnit.code`,
 *    `adminUnit.name`) is flattened the same way and repeated at the start of
 *    every row, so that a row read alone still says what it is about — except a
 *    connection's `pageInfo` and `totalCount`, which describe the paging.
 * 4. Columns come in document order when `shape` (the operation's selections) is
 *    given, else in order of first appearance; rows lacking one leave it empty.
 *    With the shape, an empty list still yields its columns and the header.
 */
export function tableOf(data: Json, shape?: Shape): Table {
  const found = findRowList(data, shape, []);
  const leading: Record<string, unknown> = {};
  let connection: Json | null = null;
  if (found) {
    // Walk the path again, flattening each level's other fields as context.
    let level: Json = data;
    let levelShape = shape;
    let prefix = '';
    for (const [depth, key] of found.path.entries()) {
      const last = depth === found.path.length - 1;
      flatten(level, levelShape, prefix, leading, (other) => other === key || (last && PAGING_FIELDS.has(other)));
      if (last) break;
      levelShape = levelShape?.get(key) ?? undefined;
      level = level[key] as Json;
      prefix = `${prefix}${key}.`;
    }
    connection = level;
  }
  const items = found ? found.list : [data];
  const itemShape = found ? pathShape(shape, found.path) : shape;
  const rows: Row[] = items.map((item) => {
    const row: Record<string, unknown> = { ...leading };
    if (isObject(item)) flatten(item, itemShape, '', row);
    return row;
  });
  const columns = new Set(Object.keys(leading));
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  if (rows.length === 0 && itemShape) {
    // No rows: the header still names every column the operation selects.
    const header: Record<string, unknown> = {};
    emptyColumns(itemShape, '', header);
    for (const column of Object.keys(header)) columns.add(column);
  }
  return { columns: [...columns], rows, rowPath: found ? found.path : null, connection };
}

function pathShape(shape: Shape | undefined, path: string[]): Shape | undefined {
  let current = shape;
  for (const key of path) current = current?.get(key) ?? undefined;
  return current;
}
