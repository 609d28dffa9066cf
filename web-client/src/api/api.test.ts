import { describe, expect, it } from 'vitest';
import { FakeServer, MemoryStorage, json, problem, tokens } from '../testing/fakes.ts';
import { ApiClient, filenameFromDisposition } from './api-client.ts';
import { downloadReportCsv } from './feedback.ts';
import { ApiError, readProblem } from './problem.ts';
import { TokenStore } from './token-store.ts';

function setup(refreshToken: string | null = null) {
  const storage = new MemoryStorage();
  if (refreshToken !== null) storage.setItem('tukipiiri.refreshToken', refreshToken);
  let now = 1_000_000;
  const store = new TokenStore(storage, () => now);
  const server = new FakeServer();
  const api = new ApiClient(store, server.fetch);
  const lost: number[] = [];
  api.on('session-lost', () => lost.push(1));
  return { storage, store, server, api, lost, advance: (ms: number) => (now += ms) };
}

describe('token store', () => {
  it('keeps the access token in memory and the refresh token in storage', () => {
    const { storage, store } = setup();
    store.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    expect(store.accessToken).toBe('a');
    expect(storage.getItem('tukipiiri.refreshToken')).toBe('r');
    expect([...storage.values.values()]).not.toContain('a');
    store.clear();
    expect(store.accessToken).toBeNull();
    expect(store.refreshToken).toBeNull();
  });

  it('treats an access token as expired a little before it is', () => {
    const { store, advance } = setup();
    store.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 60 });
    advance(39_000);
    expect(store.accessToken).toBe('a');
    advance(2_000);
    expect(store.accessToken).toBeNull();
  });

  it('tells when the access token really expires, for connections that renew it in time', () => {
    const { store, advance } = setup();
    expect(store.accessTokenExpiresAt).toBeNull();
    store.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    expect(store.accessTokenExpiresAt).toBe(1_000_000 + 900_000);
    advance(5_000);
    store.save({ accessToken: 'b', refreshToken: 'r2', expiresIn: 900 });
    expect(store.accessTokenExpiresAt).toBe(1_005_000 + 900_000);
    store.clear();
    expect(store.accessTokenExpiresAt).toBeNull();
  });
});

describe('api client', () => {
  it('sends JSON with the bearer token', async () => {
    const { store, server, api } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    server.on('PUT /api/admin/users/7/roles', () => json(200, { id: 7 }));
    await api.put('/api/admin/users/7/roles', { roles: ['PARENT'] });
    const [request] = server.requests;
    expect(request?.headers['Authorization']).toBe('Bearer a1');
    expect(request?.headers['Content-Type']).toBe('application/json');
    expect(request?.body).toEqual({ roles: ['PARENT'] });
  });

  it('refreshes once on 401, stores the rotated refresh token and retries', async () => {
    const { store, server, api } = setup();
    store.save({ accessToken: 'old', refreshToken: 'r1', expiresIn: 900 });
    server
      .on('GET /api/me', () => problem(401, 'auth.unauthenticated'))
      .on('GET /api/me', (request) => json(200, { seen: request.headers['Authorization'] }))
      .on('POST /api/auth/refresh', (request) => {
        expect(request.body).toEqual({ refreshToken: 'r1' });
        return tokens('2');
      });
    expect(await api.get('/api/me')).toEqual({ seen: 'Bearer access-2' });
    expect(store.refreshToken).toBe('refresh-2');
    expect(server.count('POST /api/auth/refresh')).toBe(1);
  });

  it('shares one refresh between concurrent calls, since refresh tokens rotate', async () => {
    const { server, api } = setup('r1');
    server.on('POST /api/auth/refresh', () => tokens('2')).on('GET /api/me', () => json(200, {}));
    await Promise.all([api.get('/api/me'), api.get('/api/me'), api.get('/api/me')]);
    expect(server.count('POST /api/auth/refresh')).toBe(1);
  });

  it('gives up when the refresh is refused: clears tokens and reports the session lost', async () => {
    const { store, server, api, lost } = setup();
    store.save({ accessToken: 'old', refreshToken: 'r1', expiresIn: 900 });
    server
      .on('GET /api/me', () => problem(401, 'auth.unauthenticated'))
      .on('POST /api/auth/refresh', () => problem(401, 'auth.invalid_refresh_token'));
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    expect(lost).toHaveLength(1);
    expect(store.refreshToken).toBeNull();
    expect(server.count('GET /api/me')).toBe(1);
  });

  it('does not refresh for unauthenticated calls such as sign-in', async () => {
    const { server, api, lost } = setup('r1');
    server.on('POST /api/auth/login', () => problem(401, 'auth.invalid_credentials'));
    await expect(api.post('/api/auth/login', {}, { auth: false })).rejects.toMatchObject({
      code: 'auth.invalid_credentials',
    });
    expect(server.count('POST /api/auth/refresh')).toBe(0);
    expect(lost).toHaveLength(0);
  });

  it('reports a request that got no answer as a network error', async () => {
    const { api } = setup();
    await expect(api.post('/api/auth/guest', {}, { auth: false })).rejects.toMatchObject({ code: 'network' });
  });

  it('returns undefined for 204', async () => {
    const { server, api } = setup();
    server.on('POST /api/auth/logout', () => new Response(null, { status: 204 }));
    expect(await api.post('/api/auth/logout', { refreshToken: 'r' }, { auth: false })).toBeUndefined();
  });
});

describe('downloads', () => {
  it('fetches a file with the token, after renewing it when needed, and keeps the suggested name', async () => {
    const { store, server, api } = setup('r1');
    server
      .on('POST /api/auth/refresh', () => tokens('two'))
      .on(
        'GET /api/feedback/reports/s1/csv',
        (request) =>
          new Response(`seen,${request.headers['Authorization']}\r\n`, {
            status: 200,
            headers: { 'Content-Type': 'text/csv;charset=UTF-8', 'Content-Disposition': 'attachment; filename="tukipiiri-report-s1.csv"' },
          }),
      );
    const file = await api.download('/api/feedback/reports/s1/csv');
    expect(file.filename).toBe('tukipiiri-report-s1.csv');
    expect(await file.blob.text()).toBe('seen,Bearer access-two\r\n');
    expect(server.requests.at(-1)?.headers['Accept']).toBe('*/*');
    expect(store.accessToken).toBe('access-two');
  });

  it('asks for the Finnish Excel spelling of a report by name, and for the plain CSV without one', async () => {
    const { store, server, api } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const csv = (body: string) => () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv;charset=UTF-8' } });
    server
      .on('GET /api/feedback/reports/s1/csv?format=excel-fi', csv('section;session\r\n'))
      .on('GET /api/feedback/reports/s1/csv', csv('section,session\r\n'));
    expect(await (await downloadReportCsv(api, 's1', 'excel-fi')).blob.text()).toBe('section;session\r\n');
    expect(await (await downloadReportCsv(api, 's1')).blob.text()).toBe('section,session\r\n');
  });

  it('rejects with the problem when the server refuses the file', async () => {
    const { store, server, api } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    server.on('GET /api/feedback/reports/s1/csv', () => problem(403, 'feedback.forbidden'));
    await expect(api.download('/api/feedback/reports/s1/csv')).rejects.toMatchObject({ code: 'feedback.forbidden', status: 403 });
  });

  it('reads the file name from Content-Disposition, never a path', () => {
    expect(filenameFromDisposition('attachment; filename="tukipiiri-my-data.json"')).toBe('tukipiiri-my-data.json');
    expect(filenameFromDisposition('attachment; filename=raportti.csv')).toBe('raportti.csv');
    expect(filenameFromDisposition(`attachment; filename="x.csv"; filename*=UTF-8''p%C3%A4iv%C3%A4.csv`)).toBe('päivä.csv');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
    expect(filenameFromDisposition('attachment; filename=".."')).toBeNull();
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe('problem details', () => {
  it('reads code, field errors and retry time', async () => {
    const parsed = await readProblem(
      problem(400, 'validation.failed', { errors: [{ field: 'username', code: 'size', message: 'x' }, { bad: 1 }] }),
    );
    expect(parsed).toMatchObject({ status: 400, code: 'validation.failed', errors: [{ field: 'username', code: 'size' }] });
    expect(parsed.errors).toHaveLength(1);
    expect((await readProblem(problem(429, 'auth.too_many_attempts', { retryAfterSeconds: 30 }))).retryAfterSeconds).toBe(30);
  });

  it('derives a code from the status when the body is not problem JSON', async () => {
    expect((await readProblem(new Response('<html>', { status: 502 }))).code).toBe('server.error');
    const limited = new Response('', { status: 429, headers: { 'Retry-After': '120' } });
    expect(await readProblem(limited)).toMatchObject({ code: 'auth.too_many_attempts', retryAfterSeconds: 120 });
  });

  it('is an Error carrying the problem', () => {
    const error = new ApiError({ status: 403, code: 'auth.forbidden' });
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(403);
  });
});
