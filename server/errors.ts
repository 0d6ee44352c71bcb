/**
 * Every error the API answers with: `{ error: { code, message } }`. The code is stable (the client translates
 * it into Dutch and English); the message is plain English for developers and logs.
 */
export type ErrorCode =
  | 'invalid_body'
  | 'body_too_large'
  | 'not_found'
  | 'unauthorised'
  | 'forbidden'
  | 'outside_area'
  | 'already_voted'
  | 'already_agreed'
  | 'code_used'
  | 'plan_closed'
  | 'rate_limited'
  | 'internal';

const statusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500> = {
  invalid_body: 400,
  body_too_large: 413,
  not_found: 404,
  unauthorised: 401,
  forbidden: 403,
  outside_area: 422,
  already_voted: 409,
  already_agreed: 409,
  code_used: 409,
  plan_closed: 403,
  rate_limited: 429,
  internal: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status() {
    return statusOf[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}
