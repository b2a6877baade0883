/**
 * The texts of the notifications, in Vietnamese and English. Plain TypeScript:
 * no framework, no I/O, so every wording and every escape is unit-tested alone.
 */
import { languages, localizedTextSchema, VIETNAM_UTC_OFFSET_MS, type Language } from '@portal/contracts';
import { z } from 'zod';

/** A single-line value: nothing that could break a header or a line of the text body. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), { message: 'must be a single line' });

/** The parameters each template needs; checked when a notification is queued and again when it is sent. */
export const templateParamSchemas = {
  'dossier-submitted': z.object({
    dossierCode: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/, { message: 'must be a dossier code' }),
    procedureName: localizedTextSchema,
    unitName: line(200),
    /** An instant (with its offset) or a calendar date; shown as Vietnam's calendar day. */
    dueDate: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
    receiptUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  }),
  'account-registered': z.object({
    fullName: line(200),
  }),
  'dossier-status-changed': z.object({
    dossierCode: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/, { message: 'must be a dossier code' }),
    procedureName: localizedTextSchema,
    /** What happened: the workflow action that concerns the citizen. */
    change: z.enum([
      'received',
      'refused',
      'supplement_requested',
      'processed',
      'stopped',
      'payment_received',
      'payment_reminder',
      'cancelled_unpaid',
      'refunded',
      'result_ready',
      'paper_ready',
      'paper_posted',
    ]),
    /** The fee concerned, whole đồng (the payment notices). */
    amount: z.number().int().min(0).optional(),
    /** The office's words (a refusal, a supplement request); free text, escaped. */
    reason: z.string().trim().max(2000).optional(),
    dossierUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  }),
};

export type TemplateName = keyof typeof templateParamSchemas;
export type TemplateParams<T extends TemplateName> = z.infer<(typeof templateParamSchemas)[T]>;
export const templateNames = Object.keys(templateParamSchemas) as TemplateName[];

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** A notification that can never be sent as asked (unknown template, bad parameters); retrying does not help. */
export class InvalidNotification extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidNotification';
  }
}

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(templateParamSchemas, name);
}

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** Checks a template's parameters; throws InvalidNotification naming the first bad one. */
export function parseTemplateParams<T extends TemplateName>(template: T, params: unknown): TemplateParams<T> {
  const parsed = templateParamSchemas[template].safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidNotification(
      `template ${template}: parameter ${issue.path.join('.') || '(all)'} ${issue.message}`,
    );
  }
  return parsed.data as TemplateParams<T>;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The calendar day in Vietnam of an ISO date or instant: dd/mm/yyyy in
 * Vietnamese, "28 November 2025" in English (unambiguous to any reader).
 */
export function formatDate(iso: string, language: Language): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? Date.parse(`${iso}T00:00:00Z`)
    : Date.parse(iso) + VIETNAM_UTC_OFFSET_MS;
  if (Number.isNaN(instant)) throw new InvalidNotification(`not a date: ${iso}`);
  const day = new Date(instant);
  const dd = day.getUTCDate();
  const mm = day.getUTCMonth();
  const yyyy = day.getUTCFullYear();
  return language === 'vi'
    ? `${String(dd).padStart(2, '0')}/${String(mm + 1).padStart(2, '0')}/${yyyy}`
    : `${dd} ${englishMonths[mm]} ${yyyy}`;
}

const portalName: Record<Language, string> = {
  vi: 'Cổng Dịch vụ công',
  en: 'Public Service Portal (Cổng Dịch vụ công)',
};

const footer: Record<Language, string> = {
  vi: 'Đây là thư tự động của Cổng Dịch vụ công, vui lòng không trả lời thư này.',
  en: 'This is an automated message from the Public Service Portal; please do not reply to it.',
};

/** A plain, accessible e-mail page: language set, a title, one heading, readable sizes. */
function layout(language: Language, subject: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#ffffff">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(subject)}" lang="${language}" style="max-width:600px">
<p style="margin:0 0 8px;font-weight:bold;color:#a50e0e">${escapeHtml(portalName[language])}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(subject)}</h1>
${body}
<p style="margin:24px 0 0;font-size:14px;color:#4a4a4a">${escapeHtml(footer[language])}</p>
</div>
</body>
</html>
`;
}

/** Facts as a two-column table whose row headers name each fact. */
function factsTable(facts: Array<[string, string]>): string {
  const rows = facts
    .map(
      ([name, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(name)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  return `<table style="border-collapse:collapse;margin:0 0 16px">\n${rows}\n</table>`;
}

function factsText(facts: Array<[string, string]>): string {
  return facts.map(([name, value]) => `${name}: ${value}`).join('\n');
}

type Renderer<T extends TemplateName> = (params: TemplateParams<T>) => RenderedMessage;

const dossierSubmitted: Record<Language, Renderer<'dossier-submitted'>> = {
  vi: (p) => {
    const subject = `Hồ sơ ${p.dossierCode} đã được nộp thành công`;
    const facts: Array<[string, string]> = [
      ['Mã hồ sơ', p.dossierCode],
      ['Thủ tục', p.procedureName.vi],
      ['Cơ quan tiếp nhận', p.unitName],
      ['Ngày hẹn trả kết quả (dự kiến)', formatDate(p.dueDate, 'vi')],
    ];
    const intro = 'Cổng Dịch vụ công xác nhận hồ sơ của ông/bà đã được nộp thành công.';
    const follow = 'Ông/bà dùng mã hồ sơ để tra cứu tình trạng giải quyết trên Cổng Dịch vụ công.';
    return {
      subject,
      text: [
        'Kính gửi ông/bà,',
        '',
        intro,
        '',
        factsText(facts),
        '',
        `Xem và tải giấy biên nhận: ${p.receiptUrl}`,
        '',
        follow,
        footer.vi,
        '',
      ].join('\n'),
      html: layout(
        'vi',
        subject,
        `<p style="margin:0 0 16px">Kính gửi ông/bà,</p>
<p style="margin:0 0 16px">${escapeHtml(intro)}</p>
${factsTable(facts)}
<p style="margin:0 0 16px"><a href="${escapeHtml(p.receiptUrl)}" style="color:#0b4f9c">Xem và tải giấy biên nhận hồ sơ ${escapeHtml(p.dossierCode)}</a></p>
<p style="margin:0">${escapeHtml(follow)}</p>`,
      ),
    };
  },
  en: (p) => {
    const subject = `Your application ${p.dossierCode} has been submitted`;
    const facts: Array<[string, string]> = [
      ['Application code', p.dossierCode],
      ['Procedure', p.procedureName.en],
      ['Handled by', p.unitName],
      ['Expected result date', formatDate(p.dueDate, 'en')],
    ];
    const intro = 'The Public Service Portal confirms that your application has been submitted.';
    const follow = 'Use the application code to follow its progress on the Public Service Portal.';
    return {
      subject,
      text: [
        'Dear applicant,',
        '',
        intro,
        '',
        factsText(facts),
        '',
        `View and download your receipt: ${p.receiptUrl}`,
        '',
        follow,
        footer.en,
        '',
      ].join('\n'),
      html: layout(
        'en',
        subject,
        `<p style="margin:0 0 16px">Dear applicant,</p>
<p style="margin:0 0 16px">${escapeHtml(intro)}</p>
${factsTable(facts)}
<p style="margin:0 0 16px"><a href="${escapeHtml(p.receiptUrl)}" style="color:#0b4f9c">View and download the receipt for application ${escapeHtml(p.dossierCode)}</a></p>
<p style="margin:0">${escapeHtml(follow)}</p>`,
      ),
    };
  },
};

const accountRegistered: Record<Language, Renderer<'account-registered'>> = {
  vi: (p) => {
    const subject = 'Tài khoản Cổng Dịch vụ công của ông/bà đã được tạo';
    const body = [
      'Tài khoản của ông/bà trên Cổng Dịch vụ công đã được tạo thành công.',
      'Từ nay ông/bà có thể đăng nhập để nộp hồ sơ trực tuyến và theo dõi kết quả giải quyết.',
    ];
    const notYou = 'Nếu ông/bà không đăng ký tài khoản này, vui lòng bỏ qua thư này.';
    return {
      subject,
      text: [`Kính gửi ông/bà ${p.fullName},`, '', ...body, '', notYou, footer.vi, ''].join('\n'),
      html: layout(
        'vi',
        subject,
        `<p style="margin:0 0 16px">Kính gửi ông/bà ${escapeHtml(p.fullName)},</p>
${body.map((sentence) => `<p style="margin:0 0 16px">${escapeHtml(sentence)}</p>`).join('\n')}
<p style="margin:0">${escapeHtml(notYou)}</p>`,
      ),
    };
  },
  en: (p) => {
    const subject = 'Your Public Service Portal account has been created';
    const body = [
      'Your account on the Public Service Portal has been created.',
      'You can now sign in to submit applications online and follow their progress.',
    ];
    const notYou = 'If you did not register this account, please ignore this e-mail.';
    return {
      subject,
      text: [`Dear ${p.fullName},`, '', ...body, '', notYou, footer.en, ''].join('\n'),
      html: layout(
        'en',
        subject,
        `<p style="margin:0 0 16px">Dear ${escapeHtml(p.fullName)},</p>
${body.map((sentence) => `<p style="margin:0 0 16px">${escapeHtml(sentence)}</p>`).join('\n')}
<p style="margin:0">${escapeHtml(notYou)}</p>`,
      ),
    };
  },
};

const statusTexts: Record<
  TemplateParams<'dossier-status-changed'>['change'],
  Record<Language, { subject: (code: string) => string; body: string }>
> = {
  received: {
    vi: {
      subject: (c) => `Hồ sơ ${c} đã được tiếp nhận`,
      body: 'Cơ quan giải quyết đã tiếp nhận hồ sơ của ông/bà và đang xử lý.',
    },
    en: {
      subject: (c) => `Your application ${c} has been received`,
      body: 'The office has received your application and is processing it.',
    },
  },
  refused: {
    vi: {
      subject: (c) => `Hồ sơ ${c} không được tiếp nhận`,
      body: 'Cơ quan giải quyết không tiếp nhận hồ sơ của ông/bà.',
    },
    en: {
      subject: (c) => `Your application ${c} was not accepted`,
      body: 'The office did not accept your application.',
    },
  },
  supplement_requested: {
    vi: {
      subject: (c) => `Hồ sơ ${c} cần bổ sung giấy tờ`,
      body: 'Cơ quan giải quyết đề nghị ông/bà bổ sung giấy tờ. Vui lòng đăng nhập Cổng Dịch vụ công để gửi bổ sung.',
    },
    en: {
      subject: (c) => `More papers are needed for application ${c}`,
      body: 'The office asks you for more papers. Please sign in to the Public Service Portal to send them.',
    },
  },
  processed: {
    vi: { subject: (c) => `Hồ sơ ${c} đã có kết quả`, body: 'Hồ sơ của ông/bà đã được giải quyết xong.' },
    en: { subject: (c) => `Your application ${c} has been decided`, body: 'Your application has been decided.' },
  },
  stopped: {
    vi: { subject: (c) => `Hồ sơ ${c} đã dừng xử lý`, body: 'Cơ quan giải quyết đã dừng xử lý hồ sơ của ông/bà.' },
    en: {
      subject: (c) => `Processing of application ${c} has stopped`,
      body: 'The office has stopped processing your application.',
    },
  },
  payment_received: {
    vi: {
      subject: (c) => `Đã nhận lệ phí của hồ sơ ${c}`,
      body: 'Cổng Dịch vụ công đã nhận khoản lệ phí ông/bà thanh toán trực tuyến. Hồ sơ đã được chuyển đến cơ quan giải quyết. Biên lai điện tử có chữ ký số được đính kèm thư này và có trên trang hồ sơ.',
    },
    en: {
      subject: (c) => `The fee for application ${c} has been received`,
      body: 'The Public Service Portal has received the fee you paid online. Your application has gone to the office. The digitally signed electronic receipt is attached to this e-mail and on the application page.',
    },
  },
  payment_reminder: {
    vi: {
      subject: (c) => `Hồ sơ ${c} đang chờ nộp lệ phí`,
      body: 'Hồ sơ của ông/bà chỉ được chuyển đến cơ quan giải quyết sau khi nộp lệ phí. Vui lòng thanh toán trực tuyến; quá thời hạn, hồ sơ sẽ bị hủy.',
    },
    en: {
      subject: (c) => `Application ${c} is waiting for its fee`,
      body: 'Your application goes to the office only once its fee is paid. Please pay online; if it is not paid in time, the application will be withdrawn.',
    },
  },
  cancelled_unpaid: {
    vi: {
      subject: (c) => `Hồ sơ ${c} đã bị hủy do chưa nộp lệ phí`,
      body: 'Hồ sơ của ông/bà đã quá thời hạn nộp lệ phí nên đã bị hủy. Ông/bà có thể nộp hồ sơ mới.',
    },
    en: {
      subject: (c) => `Application ${c} was withdrawn: its fee was not paid`,
      body: 'The fee for your application was not paid in time, so the application was withdrawn. You can apply again.',
    },
  },
  result_ready: {
    vi: {
      subject: (c) => `Kết quả điện tử của hồ sơ ${c} đã sẵn sàng`,
      body: 'Kết quả giải quyết hồ sơ của ông/bà đã được ký số. Ông/bà tải bản điện tử tại trang hồ sơ; bản điện tử có giá trị pháp lý như bản giấy và được kiểm tra bằng mã QR trên văn bản.',
    },
    en: {
      subject: (c) => `The electronic result of application ${c} is ready`,
      body: 'The result of your application has been digitally signed. Download it from the application page; the electronic document has the same legal value as paper and can be checked with the QR code on it.',
    },
  },
  paper_ready: {
    vi: {
      subject: (c) => `Bản giấy kết quả hồ sơ ${c} đã sẵn sàng để nhận`,
      body: 'Các bản sao giấy kết quả mà ông/bà đăng ký đã được in. Mời ông/bà đến bộ phận một cửa của Ủy ban nhân dân phường/xã nơi nộp hồ sơ để nhận, mang theo giấy tờ tùy thân.',
    },
    en: {
      subject: (c) => `The paper copies of application ${c} are ready to collect`,
      body: 'The paper copies of the result you ordered have been printed. Please collect them at the one-stop desk of the ward where you applied, with your identity document.',
    },
  },
  paper_posted: {
    vi: {
      subject: (c) => `Bản giấy kết quả hồ sơ ${c} đã được gửi qua bưu chính`,
      body: 'Các bản giấy kết quả của hồ sơ đã được gửi qua dịch vụ bưu chính đến địa chỉ ông/bà đăng ký.',
    },
    en: {
      subject: (c) => `The paper copies of application ${c} have been posted`,
      body: 'The paper copies of the result have been posted to the address you gave.',
    },
  },
  refunded: {
    vi: {
      subject: (c) => `Đã hoàn lại lệ phí của hồ sơ ${c}`,
      body: 'Hồ sơ của ông/bà không được giải quyết tiếp nên lệ phí đã thanh toán được hoàn lại vào tài khoản đã dùng để thanh toán.',
    },
    en: {
      subject: (c) => `The fee for application ${c} has been refunded`,
      body: 'Your application will not be processed further, so the fee you paid has been refunded to the account you paid from.',
    },
  },
};

/** 49000 → "49.000 ₫", in either language (the currency's own grouping). */
const dong = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+$)/g, '.')} ₫`;

function statusChangedIn(language: Language): Renderer<'dossier-status-changed'> {
  return (p) => {
    const texts = statusTexts[p.change][language];
    const subject = texts.subject(p.dossierCode);
    const facts: Array<[string, string]> =
      language === 'vi'
        ? [
            ['Mã hồ sơ', p.dossierCode],
            ['Thủ tục', p.procedureName.vi],
            ...(p.amount !== undefined ? [['Số tiền', dong(p.amount)] as [string, string]] : []),
            ...(p.reason ? [['Lý do', p.reason] as [string, string]] : []),
          ]
        : [
            ['Application code', p.dossierCode],
            ['Procedure', p.procedureName.en],
            ...(p.amount !== undefined ? [['Amount', dong(p.amount)] as [string, string]] : []),
            ...(p.reason ? [['Reason', p.reason] as [string, string]] : []),
          ];
    const greeting = language === 'vi' ? 'Kính gửi ông/bà,' : 'Dear applicant,';
    const link = language === 'vi' ? 'Xem hồ sơ' : 'View the application';
    return {
      subject,
      text: [greeting, '', texts.body, '', factsText(facts), '', `${link}: ${p.dossierUrl}`, footer[language], ''].join(
        '\n',
      ),
      html: layout(
        language,
        subject,
        `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>
<p style="margin:0 0 16px">${escapeHtml(texts.body)}</p>
${factsTable(facts)}
<p style="margin:0"><a href="${escapeHtml(p.dossierUrl)}" style="color:#0b4f9c">${escapeHtml(link)} ${escapeHtml(p.dossierCode)}</a></p>`,
      ),
    };
  };
}

const renderers: { [T in TemplateName]: Record<Language, Renderer<T>> } = {
  'dossier-submitted': dossierSubmitted,
  'account-registered': accountRegistered,
  'dossier-status-changed': { vi: statusChangedIn('vi'), en: statusChangedIn('en') },
};

/** Subject, text and HTML of a template in a language; the parameters are checked first. */
export function renderTemplate<T extends TemplateName>(
  template: T,
  language: Language,
  params: TemplateParams<T>,
): RenderedMessage {
  const checked = parseTemplateParams(template, params);
  return renderers[template][language](checked);
}

/** As renderTemplate, for values read back from storage; throws InvalidNotification for anything unknown. */
export function renderNotification(template: string, language: string, params: unknown): RenderedMessage {
  if (!isTemplateName(template)) throw new InvalidNotification(`unknown template ${template}`);
  if (!isLanguage(language)) throw new InvalidNotification(`unknown language ${language}`);
  return renderTemplate(template, language, params as TemplateParams<typeof template>);
}
