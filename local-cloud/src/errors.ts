/**
 * Errors answered on the wire. CloudBase replies HTTP 200 with `{code, message, requestId}`;
 * the SDK turns `code` into `errCode` through its own table, so only codes that table knows
 * (or that the SDK checks by name, such as DATABASE_TRANSACTION_CONFLICT) are used here.
 */
export type CloudErrorCode =
  | 'SYS_ERR'
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'INVALID_ENV'
  | 'EXCEED_REQUEST_LIMIT'
  | 'DATABASE_REQUEST_FAILED'
  // a unique index (or _id) already holds the key: CloudBase's own code for it (error-code/DATABASE_DUPLICATE_WRITE)
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'STORAGE_REQUEST_FAIL'
  | 'STORAGE_FILE_NONEXIST'
  | 'FUNCTIONS_REQUEST_FAIL'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  | 'FUNCTION_NOT_FOUND';

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export const fail = (code: CloudErrorCode, message: string): never => {
  throw new CloudError(code, message);
};
