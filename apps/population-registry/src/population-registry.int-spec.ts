/**
 * The population registry stand-in over HTTP, as the portal will call it: the token, personal ID numbers
 * for births (their rules, idempotency by dossier code, conflicts), lookups, deaths, each fault, and the
 * state through a stop and start and through a SIGKILL of its process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clearRegistryFaults,
  personalIdPrefix,
  registryCalls,
  setRegistryFault,
  startPopulationRegistry,
  type PopulationRegistry,
} from './registry';

const TOKEN = 'registry-token-for-tests';
const CONTROL = 'registry-control-token';

let codes = 0;
const newCode = (label = 'KS') => `HS-01-${label}-${Date.now().toString(36)}-${++codes}`;

async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function client(url: string, token = TOKEN) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(new URL(path, url), {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    call,
    birth: (body: unknown) => call('POST', '/api/v1/births', body),
    death: (body: unknown) => call('POST', '/api/v1/deaths', body),
    citizen: (id: string) => call('GET', `/api/v1/citizens/${id}`),
  };
}

const child = (overrides: Record<string, unknown> = {}) => ({
  dossierCode: newCode(),
  fullName: 'Nguyễn Minh Anh',
  sex: 'female',
  dateOfBirth: '2026-10-15',
  provinceCode: '01',
  placeOfBirth: 'Bệnh viện Phụ sản Hà Nội',
  motherPersonalId: '001195012345',
  fatherPersonalId: '001092054321',
  ...overrides,
});

describe('population registry stand-in', () => {
  let registry: PopulationRegistry;
  let api: ReturnType<typeof client>;
  const logs: string[] = [];

  beforeAll(async () => {
    registry = await startPopulationRegistry({ token: TOKEN, controlToken: CONTROL, log: (l) => logs.push(l) });
    api = client(registry.url);
  });
  afterAll(async () => {
    await registry.stop();
    rmSync(registry.dataDir, { recursive: true, force: true });
  });
  afterEach(() => clearRegistryFaults(registry.url, CONTROL));

  describe('the token', () => {
    it('is needed by every API route, not by /health', async () => {
      expect((await client(registry.url, '').call('GET', '/health')).status).toBe(200);
      for (const token of ['', 'wrong-token-of-some-length', `${TOKEN}x`]) {
        const anonymous = client(registry.url, token);
        for (const answer of [
          await anonymous.birth(child()),
          await anonymous.citizen('001040001234'),
          await anonymous.death({ dossierCode: newCode('KT'), fullName: 'X', dateOfDeath: '2026-11-01' }),
        ]) {
          expect(answer.status).toBe(401);
          expect(answer.headers.get('www-authenticate')).toBe('Bearer');
          expect(answer.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
        }
      }
      expect(
        (await client(registry.url).call('GET', '/api/v1/citizens/001040001234', undefined, { Authorization: TOKEN }))
          .status,
      ).toBe(401);
    });

    it('the control API needs its own token when it has one', async () => {
      expect((await client(registry.url, '').call('GET', '/_control/calls')).status).toBe(401);
      expect((await client(registry.url, TOKEN).call('PUT', '/_control/faults', { mode: 'down' })).status).toBe(401);
      expect((await client(registry.url, CONTROL).call('GET', '/_control/faults')).body).toEqual({ fault: null });
    });

    it('is required of the service itself', async () => {
      await expect(startPopulationRegistry({ token: 'short' })).rejects.toThrow('a token of at least 16 characters');
    });
  });

  describe('births', () => {
    it('gives a 12-digit number: province, century and sex, year, then six random digits', async () => {
      const request = child();
      const answer = await api.birth(request);
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        personalId: expect.stringMatching(/^\d{12}$/),
        dossierCode: request.dossierCode,
        fullName: 'Nguyễn Minh Anh',
        sex: 'female',
        dateOfBirth: '2026-10-15',
        assignedAt: expect.any(String),
      });
      expect(answer.body.personalId.slice(0, 6)).toBe('001326');
      expect(answer.body.personalId.slice(0, 6)).toBe(personalIdPrefix('01', 'female', '2026-10-15'));

      const boy = await api.birth(child({ fullName: 'Trần Gia Bảo', sex: 'male', provinceCode: '79' }));
      expect(boy.body.personalId).toMatch(/^079226\d{6}$/);

      // The child is a citizen now.
      expect((await api.citizen(answer.body.personalId)).body).toEqual({
        personalId: answer.body.personalId,
        fullName: 'Nguyễn Minh Anh',
        sex: 'female',
        dateOfBirth: '2026-10-15',
        status: 'alive',
      });
    });

    it('answers the same dossier again with the same person and number', async () => {
      const request = child();
      const first = await api.birth(request);
      const again = await api.birth(request);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      // Spelled with combining marks and spaces around: the same name.
      const decomposed = await api.birth({ ...request, fullName: `  ${request.fullName.normalize('NFD')} ` });
      expect(decomposed.status).toBe(200);
      expect(decomposed.body.personalId).toBe(first.body.personalId);
    });

    it('refuses the same dossier with other facts, and never changes the number', async () => {
      const request = child();
      const first = await api.birth(request);
      for (const change of [
        { fullName: 'Nguyễn Minh Châu' },
        { sex: 'male' },
        { dateOfBirth: '2026-10-14' },
        { provinceCode: '79' },
      ]) {
        const answer = await api.birth({ ...request, ...change });
        expect(answer.status).toBe(409);
        expect(answer.body).toMatchObject({ code: 'DOSSIER_CONFLICT' });
        expect(answer.body.message).toContain(Object.keys(change)[0]);
      }
      expect((await api.birth(request)).body.personalId).toBe(first.body.personalId);
    });

    it('never gives a number twice, even to 60 births of one block at once', async () => {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => api.birth(child({ fullName: `Lê Văn Con ${i}`, sex: 'male' }))),
      );
      const numbers = answers.map((a) => a.body.personalId as string);
      expect(answers.every((a) => a.status === 201)).toBe(true);
      expect(numbers.every((n) => n.startsWith('001226'))).toBe(true);
      expect(new Set(numbers).size).toBe(60);
    });

    it('names every field that is wrong', async () => {
      const answer = await api.birth({
        dossierCode: 'not a code!',
        fullName: '  ',
        sex: 'other',
        dateOfBirth: '2026-02-30',
        provinceCode: '1',
        motherPersonalId: '12345',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        fields: {
          dossierCode: expect.any(String),
          fullName: expect.any(String),
          sex: expect.any(String),
          dateOfBirth: expect.any(String),
          provinceCode: expect.any(String),
          motherPersonalId: expect.any(String),
        },
      });
      expect((await api.birth(child({ dateOfBirth: '2999-01-01' }))).body.fields).toEqual({
        dateOfBirth: 'dateOfBirth is in the future',
      });
      expect((await api.birth(child({ dateOfBirth: '1850-01-01' }))).body.fields).toEqual({
        dateOfBirth: 'dateOfBirth is before 1900',
      });
      expect((await api.call('POST', '/api/v1/births', '{"dossierCode":')).body.code).toBe('MALFORMED_BODY');
      expect((await api.call('POST', '/api/v1/births', '[1]')).status).toBe(400);
      expect((await api.call('GET', '/api/v1/births')).status).toBe(405);
    });
  });

  describe('citizens', () => {
    it('finds the demonstration people', async () => {
      expect((await api.citizen('001040001234')).body).toEqual({
        personalId: '001040001234',
        fullName: 'Nguyễn Văn Bảy',
        sex: 'male',
        dateOfBirth: '1940-03-02',
        status: 'alive',
      });
      const others = {
        '001070005678': ['Nguyễn Văn Tám', 'male', '1970-05-05'],
        '001195012345': ['Trần Thị Mai', 'female', '1995-04-12'],
        '001092054321': ['Nguyễn Văn Hùng', 'male', '1992-09-03'],
        '001194033333': ['Đỗ Thị Hạnh', 'female', '1994-02-20'],
      };
      for (const [id, [fullName, sex, dateOfBirth]] of Object.entries(others)) {
        expect((await api.citizen(id)).body).toMatchObject({ fullName, sex, dateOfBirth, status: 'alive' });
      }
    });

    it('answers 404 for a number it does not hold and 400 for what is no number', async () => {
      expect(await api.citizen('001099999999')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await api.citizen('0010')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect((await api.call('GET', '/api/v1/nothing')).status).toBe(404);
    });
  });

  describe('deaths', () => {
    it('marks the person deceased, once per dossier', async () => {
      const born = await api.birth(child({ fullName: 'Phan Văn Thọ', sex: 'male', dateOfBirth: '2026-01-02' }));
      const id = born.body.personalId as string;
      const request = {
        dossierCode: newCode('KT'),
        personalId: id,
        fullName: 'Phan Văn Thọ',
        dateOfDeath: '2026-03-04',
      };
      const first = await api.death(request);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ dossierCode: request.dossierCode, personalId: id, recordedAt: expect.any(String) });
      expect((await api.citizen(id)).body).toMatchObject({ status: 'deceased', dateOfDeath: '2026-03-04' });

      const again = await api.death(request);
      expect(again).toMatchObject({ status: 200, body: first.body });
      expect(await api.death({ ...request, dateOfDeath: '2026-03-05' })).toMatchObject({
        status: 409,
        body: { code: 'DOSSIER_CONFLICT' },
      });
      // Another dossier for the same death.
      expect(await api.death({ ...request, dossierCode: newCode('KT') })).toMatchObject({
        status: 409,
        body: { code: 'ALREADY_DECEASED' },
      });
      // The seeded person recorded deceased before the portal's time.
      expect(
        await api.death({
          dossierCode: newCode('KT'),
          personalId: '001038007777',
          fullName: 'Phạm Văn Lộc',
          dateOfDeath: '2025-12-20',
        }),
      ).toMatchObject({ status: 409, body: { code: 'ALREADY_DECEASED' } });
    });

    it('answers 404 for an unknown number, and records a death without one', async () => {
      expect(
        await api.death({
          dossierCode: newCode('KT'),
          personalId: '001099999999',
          fullName: 'Ai Đó',
          dateOfDeath: '2026-01-01',
        }),
      ).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      const request = {
        dossierCode: newCode('KT'),
        fullName: 'Hoàng Thị Lan',
        dateOfBirth: '1931-01-01',
        dateOfDeath: '2026-11-01',
      };
      const answer = await api.death(request);
      expect(answer).toMatchObject({ status: 201, body: { dossierCode: request.dossierCode, personalId: null } });
      expect(await api.death(request)).toMatchObject({ status: 200, body: answer.body });
    });

    it('checks the dates against the person', async () => {
      const born = await api.birth(child({ dateOfBirth: '2026-05-05' }));
      const base = { dossierCode: newCode('KT'), personalId: born.body.personalId, fullName: 'Nguyễn Minh Anh' };
      expect((await api.death({ ...base, dateOfDeath: '2026-05-04' })).body.fields).toEqual({
        dateOfDeath: 'dateOfDeath is before the citizen’s date of birth',
      });
      expect(await api.death({ ...base, dateOfBirth: '2026-05-06', dateOfDeath: '2026-06-01' })).toMatchObject({
        status: 409,
        body: { code: 'PERSON_MISMATCH' },
      });
      expect((await api.death({ ...base, dateOfDeath: 'yesterday' })).body.fields).toEqual({
        dateOfDeath: 'dateOfDeath must be a date written YYYY-MM-DD',
      });
      expect((await api.citizen(born.body.personalId)).body.status).toBe('alive');
    });
  });

  describe('faults', () => {
    it('fail: the next n calls answer 503, then normal; the calls show each try', async () => {
      await client(registry.url, CONTROL).call('DELETE', '/_control/calls');
      await setRegistryFault(registry.url, { mode: 'fail', times: 2 }, CONTROL);
      const request = child();
      const tries = [await api.birth(request), await api.birth(request), await api.birth(request)];
      expect(tries.map((t) => t.status)).toEqual([503, 503, 201]);
      expect(tries[0].body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
      expect(tries[0].headers.get('retry-after')).toBe('1');
      const calls = await registryCalls(registry.url, CONTROL);
      expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
        ['POST', '/api/v1/births', 503],
        ['POST', '/api/v1/births', 503],
        ['POST', '/api/v1/births', 201],
      ]);
      expect(calls[0]).toEqual({
        method: 'POST',
        path: '/api/v1/births',
        status: 503,
        at: expect.any(String),
        durationMs: expect.any(Number),
      });

      await setRegistryFault(registry.url, { mode: 'fail' }, CONTROL);
      expect((await api.citizen('001040001234')).status).toBe(503);
      expect((await api.citizen('001040001234')).status).toBe(200);
    });

    it('down: every call 503 until cleared; /health and the control API still answer', async () => {
      await setRegistryFault(registry.url, { mode: 'down' }, CONTROL);
      for (let i = 0; i < 4; i++) expect((await api.citizen('001040001234')).status).toBe(503);
      expect((await client(registry.url, '').call('GET', '/health')).status).toBe(200);
      expect((await client(registry.url, CONTROL).call('GET', '/_control/faults')).body).toEqual({
        fault: { mode: 'down' },
      });
      await clearRegistryFaults(registry.url, CONTROL);
      expect((await api.citizen('001040001234')).status).toBe(200);
    });

    it('slow: every call answered late', async () => {
      await setRegistryFault(registry.url, { mode: 'slow', delayMs: 300 }, CONTROL);
      for (let i = 0; i < 2; i++) {
        const started = Date.now();
        expect((await api.citizen('001040001234')).status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      }
      await clearRegistryFaults(registry.url, CONTROL);
      const started = Date.now();
      await api.citizen('001040001234');
      expect(Date.now() - started).toBeLessThan(250);
    });

    it('refuses a fault it does not know', async () => {
      await expect(setRegistryFault(registry.url, { mode: 'off' } as never, CONTROL)).rejects.toThrow('HTTP 400');
      await expect(setRegistryFault(registry.url, { mode: 'fail', times: 0 }, CONTROL)).rejects.toThrow(
        'times must be',
      );
    });
  });

  it('logs and lists calls without personal data', async () => {
    const born = await api.birth(child({ fullName: 'Vương Thị Riêng Tư' }));
    await api.citizen(born.body.personalId);
    const text = JSON.stringify(await registryCalls(registry.url, CONTROL)) + logs.join('\n');
    expect(text).toContain('GET /api/v1/citizens/:personalId 200');
    for (const secret of [born.body.personalId, 'Vương', '001040001234', 'Bảy', '2026-10-15', TOKEN]) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps people, births, deaths and numbers through a stop and a start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'population-registry-restart-'));
    try {
      const first = await startPopulationRegistry({ token: TOKEN, dataDir });
      const before = client(first.url);
      const request = child();
      const born = await before.birth(request);
      const deathRequest = {
        dossierCode: newCode('KT'),
        personalId: '001070005678',
        fullName: 'Nguyễn Văn Tám',
        dateOfDeath: '2026-11-20',
      };
      const died = await before.death(deathRequest);
      await first.stop();
      expect(readdirSync(dataDir).sort()).toEqual([
        'births.json',
        'deaths.json',
        'issued.json',
        'meta.json',
        'people.json',
      ]);

      const second = await startPopulationRegistry({ token: TOKEN, dataDir });
      const after = client(second.url);
      try {
        expect(await after.birth(request)).toMatchObject({ status: 200, body: born.body });
        expect(await after.death(deathRequest)).toMatchObject({ status: 200, body: died.body });
        expect((await after.citizen('001070005678')).body).toMatchObject({
          status: 'deceased',
          dateOfDeath: '2026-11-20',
        });
        expect((await after.citizen(born.body.personalId)).body).toMatchObject({ fullName: request.fullName });
        // Not seeded twice: the deceased stays deceased.
        expect((await after.death({ ...deathRequest, dossierCode: newCode('KT') })).status).toBe(409);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('finishes at the next start what a crash between two files left half done', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'population-registry-repair-'));
    try {
      const request = child({ fullName: 'Lý Thị Nửa', dateOfBirth: '2026-02-02' });
      const first = await startPopulationRegistry({ token: TOKEN, dataDir });
      const born = await client(first.url).birth(request);
      await first.stop();
      const peopleAlive = readFileSync(join(dataDir, 'people.json'));

      const second = await startPopulationRegistry({ token: TOKEN, dataDir });
      const deathRequest = {
        dossierCode: newCode('KT'),
        personalId: born.body.personalId,
        fullName: 'Lý Thị Nửa',
        dateOfDeath: '2026-03-03',
      };
      const died = await client(second.url).death(deathRequest);
      await second.stop();
      // As if killed after the death's file and before the person's, and after a person before the birth's.
      writeFileSync(join(dataDir, 'people.json'), peopleAlive);
      rmSync(join(dataDir, 'births.json'));

      const third = await startPopulationRegistry({ token: TOKEN, dataDir });
      const after = client(third.url);
      try {
        expect(await after.birth(request)).toMatchObject({ status: 200, body: born.body });
        expect((await after.citizen(born.body.personalId)).body).toMatchObject({
          status: 'deceased',
          dateOfDeath: '2026-03-03',
        });
        expect(await after.death(deathRequest)).toMatchObject({ status: 200, body: died.body });
      } finally {
        await third.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('loses nothing when its process is killed with SIGKILL and started again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'population-registry-kill-'));
    const env = {
      ...process.env,
      POPULATION_REGISTRY_PORT: '0',
      POPULATION_REGISTRY_TOKEN: TOKEN,
      POPULATION_REGISTRY_DATA_DIR: dataDir,
      POPULATION_REGISTRY_FAULT: 'fail:1',
    };
    const children: ChildProcess[] = [];
    const start = async (): Promise<{ child: ChildProcess; url: string; output: () => string }> => {
      const proc = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(proc);
      let output = '';
      proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await waitFor(
        'the registry process',
        () => proc.exitCode === null && /listening: (http:\S+)/.exec(output)?.[1],
        20_000,
      );
      return { child: proc, url, output: () => output };
    };
    try {
      const first = await start();
      const before = client(first.url);
      const request = child({ fullName: 'Đinh Công Tráng' });
      // POPULATION_REGISTRY_FAULT: the first call fails.
      expect((await before.birth(request)).status).toBe(503);
      const born = await before.birth(request);
      expect(born.status).toBe(201);
      const killed = once(first.child, 'exit');
      first.child.kill('SIGKILL');
      await killed;

      const second = await start();
      const after = client(second.url);
      expect((await after.birth(request)).status).toBe(503); // the fault again, from the environment
      expect(await after.birth(request)).toMatchObject({ status: 200, body: born.body });
      expect((await after.citizen(born.body.personalId)).body).toMatchObject({ fullName: 'Đinh Công Tráng' });
      expect(first.output() + second.output()).not.toMatch(new RegExp(`Đinh|${born.body.personalId}|${TOKEN}`));

      const exited = once(second.child, 'exit');
      second.child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
