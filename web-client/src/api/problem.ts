/** One rejected field of a request, as the server reports it. */
export type FieldProblem = {
  field: string;
  code: string;
  message?: string;
};

/** An RFC 9457 problem detail with the service's stable `code`. */
export type Problem = {
  status: number;
  code: string;
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
  /** Who is handling an escalation someone else has taken (`moderation.escalation_taken`). */
  takenByName?: string;
  /** The series whose house rules a session room follows (`series.house_rules_of_series`). */
  seriesId?: string;
};

/** Client-side code for a request that never got an answer. */
export const NETWORK_ERROR_CODE = 'network';

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  static network(): ApiError {
    return new ApiError({ status: 0, code: NETWORK_ERROR_CODE });
  }
}

function codeForStatus(status: number): string {
  if (status >= 500) return 'server.error';
  if (status === 401) return 'auth.unauthenticated';
  if (status === 403) return 'auth.forbidden';
  if (status === 413) return 'request.too_large';
  if (status === 429) return 'auth.too_many_attempts';
  if (status === 400) return 'request.malformed';
  return 'unknown';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblems(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems: FieldProblem[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item['field'] === 'string' && typeof item['code'] === 'string') {
      const problem: FieldProblem = { field: item['field'], code: item['code'] };
      if (typeof item['message'] === 'string') problem.message = item['message'];
      problems.push(problem);
    }
  }
  return problems;
}

/** Builds a Problem from any error response, tolerating bodies that are not problem JSON. */
export async function readProblem(response: Response): Promise<Problem> {
  let body: unknown = null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  const problem: Problem = { status: response.status, code: codeForStatus(response.status) };
  if (isRecord(body)) {
    if (typeof body['code'] === 'string' && body['code'] !== '') problem.code = body['code'];
    if (typeof body['type'] === 'string') problem.type = body['type'];
    if (typeof body['title'] === 'string') problem.title = body['title'];
    if (typeof body['detail'] === 'string') problem.detail = body['detail'];
    const errors = fieldProblems(body['errors']);
    if (errors) problem.errors = errors;
    if (typeof body['retryAfterSeconds'] === 'number') problem.retryAfterSeconds = body['retryAfterSeconds'];
    if (typeof body['takenByName'] === 'string' && body['takenByName'] !== '') problem.takenByName = body['takenByName'];
    if (typeof body['seriesId'] === 'string' && body['seriesId'] !== '') problem.seriesId = body['seriesId'];
  }
  if (problem.retryAfterSeconds === undefined) {
    const header = Number(response.headers.get('Retry-After'));
    if (Number.isFinite(header) && header > 0) problem.retryAfterSeconds = header;
  }
  return problem;
}

/** What went wrong, from anything a request rejected with: the server's problem, or "unknown" for anything else. */
export function problemOf(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, code: 'unknown' };
}
