/**
 * GraphQL answers as CSV files that open in Excel with Vietnamese text intact:
 * `tableOf` finds the rows in an answer and flattens them into columns,
 * `toCsv` / `csvHeader` + `csvRows` write them (UTF-8 with BOM, RFC 4180, CRLF),
 * and `exportPages` follows `pageInfo` through every page of a list, up to
 * {@link MAX_EXPORT_ROWS} rows. Used by the gateway's /export.csv and `pnpm export`.
 */
export { BOM, csvField, csvHeader, csvRows, formatCell, toCsv, type Row } from './toCsv';
export { shapeOf, tableOf, type Shape, type Table } from './tableOf';
export {
  describeError,
  ExportError,
  exportOperation,
  exportPages,
  GraphQLResultError,
  MAX_EXPORT_ROWS,
  type ExportPage,
  type ExportPagesOptions,
  type GraphQLErrorLike,
  type GraphQLResult,
  type RunOperation,
} from './exportPages';
