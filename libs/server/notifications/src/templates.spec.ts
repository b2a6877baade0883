import {
  escapeHtml,
  formatDate,
  InvalidNotification,
  renderNotification,
  renderTemplate,
  templateNames,
  type TemplateParams,
} from './templates';

const submitted: TemplateParams<'dossier-submitted'> = {
  dossierCode: 'HS-01-251128-000123',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  unitName: 'Phường Ba Đình',
  dueDate: '2025-12-02T09:00:00.000Z',
  receiptUrl: 'https://dichvucong.example.vn/dossiers/HS-01-251128-000123/receipt',
};

describe('notification templates', () => {
  describe('dossier-submitted', () => {
    it('tells a Vietnamese reader the code, procedure, unit and due date (dd/mm/yyyy)', () => {
      const message = renderTemplate('dossier-submitted', 'vi', submitted);
      expect(message.subject).toBe('Hồ sơ HS-01-251128-000123 đã được nộp thành công');
      expect(message.text).toContain('Kính gửi ông/bà,');
      expect(message.text).toContain('Mã hồ sơ: HS-01-251128-000123');
      expect(message.text).toContain('Thủ tục: Đăng ký khai sinh');
      expect(message.text).toContain('Cơ quan tiếp nhận: Phường Ba Đình');
      expect(message.text).toContain('Ngày hẹn trả kết quả (dự kiến): 02/12/2025');
      expect(message.text).toContain(`Xem và tải giấy biên nhận: ${submitted.receiptUrl}`);
      expect(message.html).toContain('<html lang="vi">');
      expect(message.html).toContain(
        '<th scope="row" style="text-align:left;padding:4px 16px 4px 0;vertical-align:top">Thủ tục</th>',
      );
      expect(message.html).toContain(`<a href="${submitted.receiptUrl}"`);
    });

    it('tells an English reader the same in English, with the procedure name in English', () => {
      const message = renderTemplate('dossier-submitted', 'en', submitted);
      expect(message.subject).toBe('Your application HS-01-251128-000123 has been submitted');
      expect(message.text).toContain('Procedure: Birth registration');
      expect(message.text).toContain('Handled by: Phường Ba Đình');
      expect(message.text).toContain('Expected result date: 2 December 2025');
      expect(message.text).not.toContain('Đăng ký khai sinh');
      expect(message.html).toContain('<html lang="en">');
      expect(message.html).toContain('<title>Your application HS-01-251128-000123 has been submitted</title>');
    });

    it('escapes every parameter in the HTML, never in the text body', () => {
      const hostile = {
        ...submitted,
        procedureName: { vi: '<script>alert("vi")</script>', en: '<b>en</b>' },
        unitName: 'Phường "Ba Đình" & <Hoàn Kiếm>',
        receiptUrl: 'https://dichvucong.example.vn/r?a=1&b="2"',
      };
      const vi = renderTemplate('dossier-submitted', 'vi', hostile);
      expect(vi.html).not.toContain('<script>');
      expect(vi.html).toContain('&lt;script&gt;alert(&quot;vi&quot;)&lt;/script&gt;');
      expect(vi.html).toContain('Phường &quot;Ba Đình&quot; &amp; &lt;Hoàn Kiếm&gt;');
      expect(vi.html).toContain('href="https://dichvucong.example.vn/r?a=1&amp;b=&quot;2&quot;"');
      expect(vi.text).toContain('Thủ tục: <script>alert("vi")</script>');
      expect(renderTemplate('dossier-submitted', 'en', hostile).html).toContain('&lt;b&gt;en&lt;/b&gt;');
    });

    it('refuses a receipt link that is not http(s), so no script can hide in it', () => {
      expect(() =>
        renderTemplate('dossier-submitted', 'vi', { ...submitted, receiptUrl: 'javascript:alert(1)' }),
      ).toThrow(InvalidNotification);
    });

    it('refuses a due date without a time zone, which would name the wrong day', () => {
      expect(() => renderTemplate('dossier-submitted', 'vi', { ...submitted, dueDate: '2025-12-02T09:00:00' })).toThrow(
        /parameter dueDate/,
      );
    });
  });

  describe('account-registered', () => {
    it('welcomes the person by name in Vietnamese and in English', () => {
      const vi = renderTemplate('account-registered', 'vi', { fullName: 'Nguyễn Văn An' });
      expect(vi.subject).toBe('Tài khoản Cổng Dịch vụ công của ông/bà đã được tạo');
      expect(vi.text).toContain('Kính gửi ông/bà Nguyễn Văn An,');
      expect(vi.text).toContain('Nếu ông/bà không đăng ký tài khoản này');
      const en = renderTemplate('account-registered', 'en', { fullName: 'Nguyễn Văn An' });
      expect(en.subject).toBe('Your Public Service Portal account has been created');
      expect(en.text).toContain('Dear Nguyễn Văn An,');
      expect(en.html).toContain('<html lang="en">');
    });

    it('escapes the name in the HTML', () => {
      const { html } = renderTemplate('account-registered', 'vi', { fullName: '<img src=x onerror=alert(1)>' });
      expect(html).toContain('Kính gửi ông/bà &lt;img src=x onerror=alert(1)&gt;,');
      expect(html).not.toContain('<img');
    });

    it('refuses a name that spans lines', () => {
      expect(() => renderTemplate('account-registered', 'en', { fullName: 'An\r\nBcc: x@example.vn' })).toThrow(
        'template account-registered: parameter fullName must be a single line',
      );
    });
  });

  it('renders every template in both languages with a subject, a text and a titled page', () => {
    const examples = {
      'dossier-submitted': submitted,
      'account-registered': { fullName: 'Trần Thị Bình' },
      'dossier-status-changed': {
        dossierCode: 'HS-01-251128-000123',
        procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
        change: 'received',
        dossierUrl: 'https://dichvucong.example.vn/dossiers/HS-01-251128-000123',
      },
    };
    for (const template of templateNames) {
      for (const language of ['vi', 'en'] as const) {
        const message = renderNotification(template, language, examples[template]);
        expect(message.subject.length).toBeGreaterThan(0);
        expect(message.text).toContain(language === 'vi' ? 'vui lòng không trả lời' : 'please do not reply');
        expect(message.html).toContain(`<title>${escapeHtml(message.subject)}</title>`);
        expect(message.html.match(/<h1[ >]/g)).toHaveLength(1);
      }
    }
  });

  it('refuses stored values it does not know', () => {
    expect(() => renderNotification('password-reset', 'vi', {})).toThrow(
      new InvalidNotification('unknown template password-reset'),
    );
    expect(() => renderNotification('account-registered', 'fr', { fullName: 'A' })).toThrow('unknown language fr');
    expect(() => renderNotification('account-registered', 'vi', {})).toThrow(/parameter fullName/);
  });
});

describe('formatDate', () => {
  it('writes the day in Vietnam as dd/mm/yyyy for Vietnamese readers', () => {
    expect(formatDate('2025-03-05T02:00:00Z', 'vi')).toBe('05/03/2025');
    expect(formatDate('2025-03-05', 'vi')).toBe('05/03/2025');
  });

  it("takes the calendar day in Vietnam (UTC+7), not in UTC or the server's zone", () => {
    // 17:30 UTC on 31 December is already 00:30 on 1 January in Hà Nội.
    expect(formatDate('2025-12-31T17:30:00Z', 'vi')).toBe('01/01/2026');
    expect(formatDate('2026-01-01T00:30:00+07:00', 'vi')).toBe('01/01/2026');
    expect(formatDate('2025-12-31T16:59:59Z', 'vi')).toBe('31/12/2025');
  });

  it('spells the month out for English readers', () => {
    expect(formatDate('2025-12-31T17:30:00Z', 'en')).toBe('1 January 2026');
  });
});

describe('dossier-status-changed', () => {
  const params = {
    dossierCode: 'HS-01-261125-000007',
    procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    change: 'supplement_requested' as const,
    reason: 'Giấy chứng sinh bị mờ <b>',
    dossierUrl: 'http://localhost:3000/dossiers/HS-01-261125-000007',
  };

  it('tells the citizen what the office needs, in both languages, escaping the office’s words', () => {
    const vi = renderTemplate('dossier-status-changed', 'vi', params);
    expect(vi.subject).toBe('Hồ sơ HS-01-261125-000007 cần bổ sung giấy tờ');
    expect(vi.text).toContain('Lý do: Giấy chứng sinh bị mờ <b>');
    expect(vi.html).toContain('Giấy chứng sinh bị mờ &lt;b&gt;');
    expect(renderTemplate('dossier-status-changed', 'en', params).subject).toBe(
      'More papers are needed for application HS-01-261125-000007',
    );
  });
});
