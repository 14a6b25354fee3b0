/**
 * The fields in which a repeated request differs from the record its idempotency
 * key already produced; none means the request is a retry of the same one.
 */
export function differingFields<T extends object>(stored: T, requested: T, fields: ReadonlyArray<keyof T & string>): string[] {
  return fields.filter((field) => stored[field] !== requested[field]);
}
