import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An API error body: a code for programs, a sentence for people. */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string };
}

/** An HTTP error with a code; `app.onError` turns it into an ApiError body. */
export class ApiException extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message });
  }
}
