import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ATTACHMENT_MAX_BYTES, type ApiError, type AttachmentSummary, type SessionResponse } from '@portal/contracts';
import { CatalogueSeeder } from '@portal/server/catalogue';
import {
  AttachmentNotAvailable,
  AttachmentsService,
  FileStore,
  linkAttachmentsToDossier,
} from '@portal/server/dossiers';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import { BrowserClient } from '@portal/testing';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 a small photo')]);
const html = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/auth/session")</script></body></html>');
const exe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode.'),
]);
const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.alloc(40)]);

type FieldsError = ApiError & { details: { fields: Array<{ field: string; message: string }> } };

describe('API: attachments (uploaded papers)', () => {
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = await mkdtemp(join(tmpdir(), 'portal-uploads-'));
    app = await createApp(loadConfig({ ...process.env, UPLOAD_DIR: uploadDir }));
    await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  /** A new citizen, signed in, with the browser that holds their session (without a CSRF token if asked). */
  const citizen = async (language: 'vi' | 'en' = 'vi', csrf = true) => {
    const setup = await new BrowserClient(base, { language }).start();
    const response = await setup.post('/auth/register', newCitizen());
    expect(response.status).toBe(201);
    const id = ((await response.json()) as SessionResponse).user?.id as string;
    if (csrf) return { browser: setup, id };
    const browser = new BrowserClient(base, { language, csrf: false });
    for (const [name, value] of setup.cookies) browser.cookies.set(name, value);
    return { browser, id };
  };
  const newCitizen = () => ({
    fullName: 'Trần Thị Bích',
    email: `bich.${randomUUID().slice(0, 8)}@example.vn`,
    password: 'matkhau123',
    passwordConfirmation: 'matkhau123',
  });

  const form = (fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    if (file) body.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    return body;
  };
  const upload = (
    browser: BrowserClient,
    bytes: Buffer,
    name: string,
    type?: string,
    paperCode = 'medical_birth_certificate',
  ) => browser.upload('/attachments', form({ paperCode }, { bytes, name, type }));

  const count = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM attachment`))[0].n as number;
  /** Every file under UPLOAD_DIR, kept or half-received, relative to it. */
  const filesOnDisk = async (): Promise<string[]> =>
    (await readdir(uploadDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(uploadDir, join(entry.parentPath, entry.name)))
      .sort();
  const snapshot = async () => ({ rows: await count(), files: await filesOnDisk() });
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('keeps a PDF and a PNG and gives each back byte for byte, with the type found in it', async () => {
    const { browser, id: ownerId } = await citizen();
    for (const [bytes, name, type] of [
      [pdf, 'Giấy chứng sinh.pdf', 'application/pdf'],
      [png, 'giấy kết hôn.png', 'image/png'],
    ] as const) {
      const response = await upload(browser, bytes, name, type);
      expect(response.status).toBe(201);
      const attachment = (await response.json()) as AttachmentSummary;
      expect(attachment).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        paperCode: 'medical_birth_certificate',
        fileName: name,
        mimeType: type,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        createdAt: expect.any(String),
      });

      const read = await browser.get(`/attachments/${attachment.id}`);
      expect(read.status).toBe(200);
      expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true);
      expect(read.headers.get('content-type')).toBe(type);
      expect(read.headers.get('content-length')).toBe(String(bytes.length));
      expect(read.headers.get('x-content-type-options')).toBe('nosniff');
      expect(read.headers.get('cache-control')).toBe('private, no-store');
      expect(read.headers.get('content-disposition')).toBe(
        `inline; filename="${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );

      const [row] = await dataSource.query(`SELECT owner_id, storage_key FROM attachment WHERE id = $1`, [
        attachment.id,
      ]);
      expect(row.owner_id).toBe(ownerId);
      const path = join(uploadDir, row.storage_key.slice(0, 2), row.storage_key.slice(2, 4), row.storage_key);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const [event] = await dataSource.query(`SELECT actor_id, action, details FROM audit_event WHERE target_id = $1`, [
        attachment.id,
      ]);
      expect(event).toEqual({
        actor_id: ownerId,
        action: 'attachment.uploaded',
        details: { paperCode: 'medical_birth_certificate', mimeType: type, sizeBytes: bytes.length },
      });
    }
  });

  it('stores files under random keys only, never under the name the citizen gave', async () => {
    const { browser } = await citizen();
    const response = await upload(browser, jpeg, 'Nguyễn Văn An - CCCD.jpg', 'image/jpeg');
    expect(response.status).toBe(201);
    for (const path of await filesOnDisk()) expect(path).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
  });

  it('goes by the content, not by the name or the declared type', async () => {
    const { browser } = await citizen();
    const response = await upload(browser, png, 'giay-chung-sinh.pdf', 'application/pdf');
    expect(response.status).toBe(201);
    expect((await response.json()) as AttachmentSummary).toMatchObject({
      mimeType: 'image/png',
      fileName: 'giay-chung-sinh.pdf.png',
    });
  });

  it.each([
    ['a web page', html],
    ['a Windows program', exe],
    ['a ZIP archive', zip],
  ])(
    'refuses %s named giay-chung-sinh.pdf and declared a PDF, in the caller’s language, leaving nothing',
    async (_n, bytes) => {
      for (const language of ['vi', 'en'] as const) {
        const { browser } = await citizen(language);
        const before = await snapshot();
        const response = await upload(browser, bytes, 'giay-chung-sinh.pdf', 'application/pdf');
        expect(response.status).toBe(400);
        const body = (await response.json()) as ApiError;
        expect(body.code).toBe('FILE_TYPE_NOT_ALLOWED');
        expect(body.message).toBe(
          language === 'vi'
            ? 'Tệp phải là PDF, JPG hoặc PNG. Tệp đã chọn không phải một trong các loại này, dù tên tệp có thể cho thấy khác.'
            : 'The file must be a PDF, JPG or PNG. The chosen file is none of these, whatever its name says.',
        );
        expect(await snapshot()).toEqual(before);
      }
    },
  );

  it('takes a file of exactly 10 MB and refuses one byte more with FILE_TOO_LARGE, leaving nothing', async () => {
    const { browser } = await citizen();
    const limit = Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES - pdf.length, 0x20)]);
    expect((await upload(browser, limit, 'scan.pdf', 'application/pdf')).status).toBe(201);

    const before = await snapshot();
    const response = await upload(browser, Buffer.concat([limit, Buffer.from(' ')]), 'scan.pdf', 'application/pdf');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiError;
    expect(body.code).toBe('FILE_TOO_LARGE');
    expect(body.message).toMatch(/^Tệp lớn hơn 10 MB\./);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an empty file with FILE_EMPTY, leaving nothing', async () => {
    const { browser } = await citizen('en');
    const before = await snapshot();
    const response = await upload(browser, Buffer.alloc(0), 'empty.pdf', 'application/pdf');
    expect(response.status).toBe(400);
    expect((await response.json()) as ApiError).toMatchObject({
      code: 'FILE_EMPTY',
      message: 'The chosen file is empty.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['no file', { paperCode: 'marriage_certificate' }, false, ['file']],
    ['no paper code', {}, true, ['paperCode']],
    ['a paper code that is not a code', { paperCode: 'Giấy khai sinh' }, true, ['paperCode']],
    ['a paper code that is too long', { paperCode: 'a'.repeat(65) }, true, ['paperCode']],
    ['nothing at all', {}, false, ['paperCode', 'file']],
  ])(
    'refuses an upload with %s: 400 with a message per field, and nothing kept',
    async (_n, fields, withFile, expected) => {
      const { browser } = await citizen();
      const before = await snapshot();
      const response = await browser.upload(
        '/attachments',
        form(fields, withFile ? { bytes: pdf, name: 'a.pdf', type: 'application/pdf' } : undefined),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as FieldsError;
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.details.fields.map((f) => f.field).sort()).toEqual([...expected].sort());
      for (const problem of body.details.fields) expect(problem.message).toMatch(/\S/);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('says which field is missing when the body is JSON instead of a form', async () => {
    const { browser } = await citizen('en');
    const response = await browser.post('/attachments', { paperCode: 'marriage_certificate' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as FieldsError).details.fields).toEqual([
      { field: 'file', code: 'fileRequired', message: 'Choose a file to upload.' },
    ]);
  });

  it.each([
    [
      'two files',
      () => {
        const body = form({ paperCode: 'authorisation' }, { bytes: pdf, name: 'a.pdf' });
        body.append('file', new Blob([pdf]), 'b.pdf');
        return body;
      },
    ],
    [
      'a file in another field',
      () => {
        const body = form({ paperCode: 'authorisation' });
        body.append('document', new Blob([pdf]), 'a.pdf');
        return body;
      },
    ],
  ])('refuses %s with UPLOAD_MALFORMED, leaving nothing', async (_n, build) => {
    const { browser } = await citizen();
    const before = await snapshot();
    const response = await browser.upload('/attachments', build());
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiError).code).toBe('UPLOAD_MALFORMED');
    expect(await snapshot()).toEqual(before);
  });

  it('answers someone who is not signed in with 401, and writes nothing', async () => {
    const { browser: owner } = await citizen();
    const { id } = (await (await upload(owner, pdf, 'a.pdf')).json()) as AttachmentSummary;
    const stranger = await new BrowserClient(base).start();
    const before = await snapshot();
    for (const response of [
      await upload(stranger, pdf, 'a.pdf', 'application/pdf'),
      await stranger.get(`/attachments/${id}`),
      await stranger.delete(`/attachments/${id}`),
    ]) {
      expect(response.status).toBe(401);
      expect((await response.json()) as ApiError).toMatchObject({
        code: 'SIGN_IN_REQUIRED',
        message: 'Vui lòng đăng nhập để tiếp tục.',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('hides one citizen’s attachment from another: 404 on read and delete, as for an id that does not exist', async () => {
    const { browser: owner } = await citizen();
    const { id } = (await (await upload(owner, png, 'a.png')).json()) as AttachmentSummary;
    const { browser: other } = await citizen();

    const missing = await other.get(`/attachments/${randomUUID()}`);
    expect(missing.status).toBe(404);
    const missingBody = (await missing.json()) as ApiError;
    for (const response of [await other.get(`/attachments/${id}`), await other.delete(`/attachments/${id}`)]) {
      expect(response.status).toBe(404);
      const body = (await response.json()) as ApiError;
      expect({ code: body.code, message: body.message }).toEqual({
        code: missingBody.code,
        message: missingBody.message,
      });
    }
    expect((await owner.get(`/attachments/${id}`)).status).toBe(200);
  });

  it.each([
    ['a word', 'not-a-uuid'],
    ['an SQL injection', "1' OR '1'='1"],
    ['a UUID with more after it', `${randomUUID()}x`],
    ['a very long id', 'x'.repeat(300)],
  ])('answers a malformed id (%s) with 404, never 500', async (_n, id) => {
    const { browser } = await citizen();
    for (const response of [
      await browser.get(`/attachments/${encodeURIComponent(id)}`),
      await browser.delete(`/attachments/${encodeURIComponent(id)}`),
    ]) {
      expect(response.status).toBe(404);
      expect(((await response.json()) as ApiError).code).toBe('ATTACHMENT_NOT_FOUND');
    }
  });

  it('answers an id with a control character in it with 400 BAD_PATH, before any lookup', async () => {
    const { browser } = await citizen();
    for (const response of [await browser.get('/attachments/%00'), await browser.delete('/attachments/%00')]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as ApiError).code).toBe('BAD_PATH');
    }
  });

  it('deletes the owner’s attachment, its row and its file, and audits it', async () => {
    const { browser, id: ownerId } = await citizen();
    const before = await snapshot();
    const { id } = (await (await upload(browser, pdf, 'a.pdf')).json()) as AttachmentSummary;
    expect((await filesOnDisk()).length).toBe(before.files.length + 1);

    const response = await browser.delete(`/attachments/${id}`);
    expect(response.status).toBe(204);
    expect(await snapshot()).toEqual(before);
    const events = await dataSource.query(
      `SELECT actor_id, action, details FROM audit_event WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual(['attachment.uploaded', 'attachment.deleted']);
    expect(events[1]).toMatchObject({ actor_id: ownerId, details: { paperCode: 'medical_birth_certificate' } });
    expect((await browser.get(`/attachments/${id}`)).status).toBe(404);
    expect((await browser.delete(`/attachments/${id}`)).status).toBe(404);
  });

  it('refuses a state-changing request without the CSRF token with 403, and writes nothing', async () => {
    const { browser: owner } = await citizen();
    const { id } = (await (await upload(owner, pdf, 'a.pdf')).json()) as AttachmentSummary;
    const { browser } = await citizen('vi', false);
    const before = await snapshot();
    const response = await upload(browser, pdf, 'a.pdf', 'application/pdf');
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiError).code).toBe('CSRF_REJECTED');
    owner.cookies.delete('XSRF-TOKEN');
    expect((await owner.delete(`/attachments/${id}`)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  describe('once part of a dossier', () => {
    const newDossier = async (applicantId: string) =>
      (
        await dataSource.query(
          `INSERT INTO dossier (code, procedure_code, applicant_id, unit_code, channel, status)
           VALUES ($1, '1.001193', $2, '00004', 'online', 'new') RETURNING id`,
          [`HS-T-${randomUUID().slice(0, 12)}`, applicantId],
        )
      )[0].id as string;

    it('links only the owner’s own free uploads, all or none', async () => {
      const { browser, id: ownerId } = await citizen();
      const { browser: otherBrowser } = await citizen();
      const mine = (await (await upload(browser, pdf, 'a.pdf')).json()) as AttachmentSummary;
      const mineToo = (await (
        await upload(browser, png, 'b.png', 'image/png', 'marriage_certificate')
      ).json()) as AttachmentSummary;
      const theirs = (await (await upload(otherBrowser, pdf, 'c.pdf')).json()) as AttachmentSummary;
      const dossierId = await newDossier(ownerId);
      const link = (attachmentIds: string[]) =>
        dataSource.transaction((manager) => linkAttachmentsToDossier(manager, { ownerId, dossierId, attachmentIds }));

      await expect(link([mine.id, theirs.id])).rejects.toBeInstanceOf(AttachmentNotAvailable);
      await expect(link([mine.id, 'not-a-uuid'])).rejects.toMatchObject({ details: { attachmentIds: ['not-a-uuid'] } });
      expect(
        await dataSource.query(`SELECT count(*)::int AS n FROM attachment WHERE dossier_id = $1`, [dossierId]),
      ).toEqual([{ n: 0 }]);

      const linked = await link([mine.id, mineToo.id, mine.id.toUpperCase()]);
      expect(linked.map((a) => a.id).sort()).toEqual([mine.id, mineToo.id].sort());
      expect(linked.find((a) => a.id === mine.id)).toEqual(mine);
      await expect(link([mine.id])).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_AVAILABLE' });
      expect(await link([])).toEqual([]);
    });

    it('cannot be deleted any more (409), and stays readable by its owner', async () => {
      const { browser, id: ownerId } = await citizen('en');
      const { id } = (await (await upload(browser, pdf, 'a.pdf')).json()) as AttachmentSummary;
      const dossierId = await newDossier(ownerId);
      await dataSource.transaction((manager) =>
        linkAttachmentsToDossier(manager, { ownerId, dossierId, attachmentIds: [id] }),
      );
      const before = await snapshot();
      const response = await browser.delete(`/attachments/${id}`);
      expect(response.status).toBe(409);
      expect((await response.json()) as ApiError).toMatchObject({
        code: 'ATTACHMENT_IN_USE',
        message: 'This file cannot be deleted: it was submitted with an application.',
      });
      expect(await snapshot()).toEqual(before);
      expect((await browser.get(`/attachments/${id}`)).status).toBe(200);
    });
  });

  it('removes the file again when the row cannot be written', async () => {
    const store = app.get(FileStore);
    const received = await store.receive(Readable.from([png]), ATTACHMENT_MAX_BYTES);
    const before = await count();
    // No such user: the foreign key refuses the row after the checks have passed.
    await expect(
      app
        .get(AttachmentsService)
        .upload(
          randomUUID(),
          { paperCode: 'authorisation' },
          { ...received, originalname: 'a.png', mimetype: 'image/png' },
        ),
    ).rejects.toThrow(/foreign key/);
    expect(await count()).toBe(before);
    const leftovers = await filesOnDisk();
    expect(leftovers).not.toContain(relative(uploadDir, received.tempPath));
    const keys = new Set(
      (await dataSource.query(`SELECT storage_key FROM attachment`)).map((r: { storage_key: string }) => r.storage_key),
    );
    for (const path of leftovers) expect(keys.has(path.split('/').pop() as string)).toBe(true);
  });
});
