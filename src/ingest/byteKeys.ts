/**
 * ByteKeys lives in src/model/byteKeys.ts. This re-export serves plainOrderLine.ts's type
 * import only, until that file's pending timestamp change lands; then import from the model.
 */
export type { ByteKeys } from '../model/byteKeys.js';
