import { t } from '../i18n/t';

/** One entry of a problem's `errors`: the field (`name`, `schedule.days`, `days[1]`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The RFC 9457 problem the API answers for every error (docs/api.md, "Errors"). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/**
 * A request that did not succeed: the server's problem (status, title, detail, field errors, request id), or a
 * network failure (status 0). {@link ApiError.message} is a sentence for the user.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: readonly FieldError[];

  constructor(status: number, problem: Problem = {}) {
    super(describe(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title ?? '';
    this.detail = problem.detail;
    this.type = problem.type;
    this.requestId = problem.requestId;
    this.errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldError) : [];
  }

  /** The network failed or the server could not be reached (no HTTP answer). */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** The message(s) for one field, joined; undefined when the field has none. */
  fieldMessage(field: string): string | undefined {
    const messages = this.errors.filter((e) => e.field === field).map((e) => e.message);
    return messages.length === 0 ? undefined : messages.join('; ');
  }
}

function isFieldError(e: unknown): e is FieldError {
  return typeof e === 'object' && e !== null && typeof (e as FieldError).field === 'string'
    && typeof (e as FieldError).message === 'string';
}

function describe(status: number, problem: Problem): string {
  if (status === 0) return t('errors.network');
  if (status >= 500) {
    return problem.requestId ? t('errors.server', { requestId: problem.requestId }) : t('errors.serverNoId');
  }
  if (problem.detail) return problem.detail;
  return t('errors.unexpected', { status, title: problem.title ?? '' }).trim();
}

/** Any thrown value as an ApiError (a TypeError from fetch is a network failure). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0);
}

/**
 * Splits an error for a form: the messages of the fields the form shows go next to them, everything else into one
 * sentence above the form. When all field errors are shown at their fields, the problem's detail (which repeats
 * them) is left out.
 */
export function formErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): { fields: Partial<Record<F, string>>; general: string | undefined } {
  if (!error) return { fields: {}, general: undefined };
  const e = toApiError(error);
  const byField: Partial<Record<F, string>> = {};
  for (const f of fields) {
    const m = e.fieldMessage(f);
    if (m !== undefined) byField[f] = m;
  }
  const others = e.errors.filter((x) => !(fields as readonly string[]).includes(x.field));
  let general: string | undefined;
  if (others.length > 0) {
    general = others.map((x) => `${x.field}: ${x.message}`).join('; ');
  } else if (e.errors.length === 0) {
    general = e.message;
  }
  return { fields: byField, general };
}
