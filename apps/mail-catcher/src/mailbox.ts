import { randomUUID } from 'node:crypto';

/** How many messages the catcher keeps; older ones are dropped first. */
export const MAILBOX_CAPACITY = 500;

/** One caught e-mail, decoded. */
export interface CaughtMessage {
  id: string;
  /** The From header as written, e.g. `Cổng Dịch vụ công <no-reply@dichvucong.local>`; else the envelope sender. */
  from: string;
  /** The envelope recipients (RCPT TO), lower-cased, so Bcc recipients are listed too. */
  to: string[];
  subject: string;
  /** When the catcher received the message (ISO 8601). */
  date: string;
  text: string;
  /** The HTML body, or null when the message has none. */
  html: string | null;
  messageId: string | null;
  /** The decoded headers worth showing (From, To, Cc, Date, Subject, …), in that order. */
  headers: Array<{ name: string; value: string }>;
  /** The raw header lines as received. */
  rawHeaders: string[];
  /** The files it carries: name, type, size and SHA-256 of the bytes (the bytes are not kept). */
  attachments: CaughtAttachment[];
}

export interface CaughtAttachment {
  fileName: string | null;
  contentType: string;
  size: number;
  sha256: string;
}

export type NewMessage = Omit<CaughtMessage, 'id'>;

/** What the JSON API returns for a message. */
export interface MessageSummary {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string | null;
  messageId: string | null;
  attachments: CaughtAttachment[];
}

export function summarise(message: CaughtMessage): MessageSummary {
  const { id, from, to, subject, date, text, html, messageId, attachments } = message;
  return { id, from, to, subject, date, text, html, messageId, attachments };
}

/** The last messages, newest first, in memory only. */
export class Mailbox {
  private messages: CaughtMessage[] = [];

  constructor(private readonly capacity = MAILBOX_CAPACITY) {}

  add(message: NewMessage): CaughtMessage {
    const caught: CaughtMessage = { ...message, id: randomUUID(), to: message.to.map((a) => a.toLowerCase()) };
    this.messages.unshift(caught);
    if (this.messages.length > this.capacity) this.messages.length = this.capacity;
    return caught;
  }

  /** Newest first; with `to`, only the messages delivered to that address (case-insensitive). */
  list(filter: { to?: string } = {}): CaughtMessage[] {
    const to = filter.to?.trim().toLowerCase();
    return to ? this.messages.filter((m) => m.to.includes(to)) : [...this.messages];
  }

  get(id: string): CaughtMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages = [];
  }

  get size(): number {
    return this.messages.length;
  }
}
