import { Mailbox, summarise, type NewMessage } from './mailbox';

function aMessage(overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    from: 'Cổng Dịch vụ công <no-reply@dichvucong.local>',
    to: ['an@example.vn'],
    subject: 'Thư thử',
    date: '2025-11-28T03:00:00.000Z',
    text: 'Nội dung',
    html: null,
    messageId: null,
    headers: [],
    rawHeaders: [],
    attachments: [],
    ...overrides,
  };
}

describe('Mailbox', () => {
  it('lists the newest message first', () => {
    const mailbox = new Mailbox();
    mailbox.add(aMessage({ subject: 'first' }));
    mailbox.add(aMessage({ subject: 'second' }));
    expect(mailbox.list().map((m) => m.subject)).toEqual(['second', 'first']);
  });

  it('keeps only the newest messages up to its capacity', () => {
    const mailbox = new Mailbox(3);
    for (let i = 1; i <= 5; i++) mailbox.add(aMessage({ subject: `m${i}` }));
    expect(mailbox.list().map((m) => m.subject)).toEqual(['m5', 'm4', 'm3']);
  });

  it('filters by recipient address, ignoring case', () => {
    const mailbox = new Mailbox();
    mailbox.add(aMessage({ to: ['An@Example.vn'], subject: 'for An' }));
    mailbox.add(aMessage({ to: ['binh@example.vn'], subject: 'for Bình' }));
    expect(mailbox.list({ to: 'AN@example.VN' }).map((m) => m.subject)).toEqual(['for An']);
  });

  it('finds a message by id and forgets everything when cleared', () => {
    const mailbox = new Mailbox();
    const caught = mailbox.add(aMessage());
    expect(mailbox.get(caught.id)?.subject).toBe('Thư thử');
    mailbox.clear();
    expect(mailbox.get(caught.id)).toBeUndefined();
    expect(mailbox.size).toBe(0);
  });

  it('summarises a message for the JSON API without its raw headers', () => {
    const caught = new Mailbox().add(aMessage({ rawHeaders: ['Subject: x'] }));
    expect(Object.keys(summarise(caught)).sort()).toEqual(
      ['attachments', 'date', 'from', 'html', 'id', 'messageId', 'subject', 'text', 'to'].sort(),
    );
  });
});
