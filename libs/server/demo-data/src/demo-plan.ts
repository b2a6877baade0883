import {
  DemoPeople,
  feeCaseOf,
  procedureDemos,
  quoteFees,
  todayInVietnam,
  VIETNAM_UTC_OFFSET_MS,
  type ApplicationData,
  type FeeLine,
  type FeeRule,
} from '@portal/contracts';
import { dueAt, isWorkingDay, nextWorkingDay, type HolidayCalendar } from '@portal/server/workflow';

/**
 * The demonstration dossiers' stories, made up in plain TypeScript (no database): for each, a
 * procedure, a ward, a channel, the application, and the steps it went through — submitted,
 * paid, received, worked, perhaps asked for papers, proposed and signed, early, on time or
 * late — cut at "now", so that recent dossiers are still open (some past their due date) and
 * older ones are finished. Seeded: the same seed and day give the same dossiers.
 */

export interface DemoUnit {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}

export interface DemoProcedure {
  code: string;
  timeLimitDays: number;
  fees: FeeRule[];
}

export type DemoRole = 'citizen' | 'clerk' | 'leader' | 'system';

export interface DemoStep {
  at: Date;
  action: string;
  role: DemoRole;
  from: string | null;
  to: string;
  reason?: string;
}

export interface DemoDossierPlan {
  procedureCode: string;
  unitCode: string;
  provinceCode: string;
  channel: 'online' | 'counter' | 'post';
  data: ApplicationData;
  feeLines: FeeLine[];
  feeTotal: number;
  late: boolean;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  status: string;
  step: 'awaiting_signature' | null;
  proposal: 'approve' | 'refuse' | null;
  /** When it waits for papers now, since when. */
  pausedAt: Date | null;
  pausedSeconds: number;
  steps: DemoStep[];
  /** Paid online through the gateway, when (before reception). */
  paidOnlineAt: Date | null;
  /** Approved recently enough that the portal issues its signed electronic result. */
  electronicResult: boolean;
  /** Paid recently enough that the portal issues the payment's signed receipt (older ones were paper). */
  electronicReceipt: boolean;
  rating: { score: number; comment: string | null; at: Date } | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SUPPLEMENT_REASONS = [
  'Bổ sung bản chụp giấy chứng nhận kết hôn của cha mẹ.',
  'Giấy chứng sinh bị mờ, đề nghị gửi lại bản rõ nét.',
  'Bổ sung giấy tờ chứng minh nơi cư trú của người đi đăng ký.',
];
const REFUSAL_REASONS = [
  'Hồ sơ đã được đăng ký tại Ủy ban nhân dân phường khác.',
  'Người nộp không có quyền đăng ký theo quy định.',
];
const COMMENTS: Record<number, string[]> = {
  5: ['Nhận kết quả ngay trên mạng, không phải đi lại.', 'Cán bộ hướng dẫn tận tình.', 'Rất nhanh, trước hẹn.'],
  4: ['Thủ tục đơn giản, dễ làm.', 'Tốt, chỉ mong hướng dẫn rõ hơn về giấy tờ.'],
  3: ['Tạm được.', 'Phải chờ hơi lâu.'],
  2: ['Phải bổ sung giấy tờ nhiều lần.', 'Quá hẹn so với giấy hẹn.'],
  1: ['Trả kết quả muộn, không được báo trước.'],
};

/** An instant at a given hour and minute of a Viet Nam calendar day. */
function atVietnamTime(day: string, hour: number, minute: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hour * 60 + minute) * 60_000 - VIETNAM_UTC_OFFSET_MS);
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

function addWorkingDays(day: string, days: number, holidays: HolidayCalendar): string {
  let result = day;
  for (let i = 0; i < days; i++) result = nextWorkingDay(result, holidays);
  return result;
}

function weighted<T>(people: DemoPeople, choices: Array<[T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = people.random() * total;
  for (const [value, weight] of choices) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return choices[choices.length - 1][0];
}

export interface PlanInput {
  now: Date;
  units: DemoUnit[];
  procedures: DemoProcedure[];
  holidays: HolidayCalendar;
  /** How many months back the dossiers go (received evenly over them). */
  months: number;
  /** Approved dossiers at most this many days old get a signed electronic result (older ones were paper). */
  electronicResultDays: number;
  /** The share received in the last three weeks (0.25: a demonstration's inbox has work in it). */
  recentShare?: number;
}

/** One dossier's story. */
export function planDemoDossier(people: DemoPeople, input: PlanInput): DemoDossierPlan {
  const { now, holidays } = input;
  const procedure = weighted(
    people,
    input.procedures.map((p): [DemoProcedure, number] => [p, procedureDemos[p.code]?.weight ?? 0]),
  );
  const unit = people.pick(input.units);
  const channel = weighted<'online' | 'counter' | 'post'>(people, [
    ['online', 65],
    ['counter', 30],
    ['post', 5],
  ]);
  // Received on a working day of the past months, between 7:30 and 16:30.
  // Spread over the months, with the last fortnight busier: the inbox has work in it.
  let day = daysBefore(
    todayInVietnam(now),
    people.chance(input.recentShare ?? 0.25) ? people.int(0, 21) : people.int(0, input.months * 30),
  );
  while (!isWorkingDay(day, holidays)) day = daysBefore(day, 1);
  let receivedAt = atVietnamTime(day, people.int(7, 15), people.int(30, 59) - (people.chance(0.5) ? 30 : 0));
  if (receivedAt > now) receivedAt = new Date(now.getTime() - people.int(1, 5) * HOUR);

  const demo = procedureDemos[procedure.code];
  if (!demo) throw new Error(`no demonstration data for procedure ${procedure.code}`);
  // The event (a birth, a death) some days before; a late one costs the late fee.
  const eventDay = daysBefore(day, demo.eventDaysBefore(people));
  const extraCopies = people.chance(0.25) ? people.int(1, 3) : 0;
  const post = people.chance(0.06);
  const data = demo.application({
    people,
    unitCode: unit.code,
    unitName: unit.name,
    provinceCode: unit.provinceCode,
    provinceName: unit.provinceName,
    eventDay,
    extraCopies,
    post,
  });
  const quote = quoteFees(procedure.code, data, procedure.fees, day);
  const late = feeCaseOf(procedure.code, data, day) === 'late';

  const steps: DemoStep[] = [];
  const add = (at: Date, action: string, role: DemoRole, to: string, reason?: string) => {
    const from = steps.length ? steps[steps.length - 1].to : null;
    steps.push({ at, action, role, from, to, ...(reason ? { reason } : {}) });
  };
  const online = channel === 'online';
  let submittedAt = online ? new Date(receivedAt.getTime() - people.int(1, 40) * HOUR) : receivedAt;
  // Some of the last three days' online applications are not received yet.
  if (online && now.getTime() - receivedAt.getTime() < 3 * DAY && people.chance(0.6)) {
    submittedAt = new Date(now.getTime() - people.int(1, 30) * HOUR);
    receivedAt = new Date(now.getTime() + people.int(1, 20) * HOUR);
  }
  let paidOnlineAt: Date | null = null;
  let intake: Date | null = receivedAt;
  if (online) {
    if (quote.total > 0) {
      add(submittedAt, 'submit', 'citizen', 'awaiting_payment');
      paidOnlineAt = new Date(submittedAt.getTime() + people.int(2, 50) * 60_000);
      add(paidOnlineAt, 'pay', 'system', 'new');
    } else add(submittedAt, 'submit', 'citizen', 'new');
  } else add(receivedAt, 'counter-intake', 'clerk', 'received');

  const fate = weighted(people, [
    ['approve', 86],
    ['refuse_at_intake', online ? 3 : 0],
    ['supplement', 10],
    ['refuse_after_review', 2],
    ['withdraw', 2],
    ['stalled', 4],
  ]);
  let finishedAt: Date | null = null;
  let pausedSeconds = 0;
  let due: Date | null = null;
  if (fate === 'refuse_at_intake') {
    intake = null;
    finishedAt = receivedAt;
    add(receivedAt, 'refuse', 'clerk', 'refused', people.pick(REFUSAL_REASONS));
  } else {
    if (online) add(receivedAt, 'receive', 'clerk', 'received');
    // Most are decided within the time limit (often the same day); some late, the clerk slow to start them.
    const timeliness = weighted(people, [
      ['early', procedure.timeLimitDays > 0 ? 50 : 4],
      ['on_time', procedure.timeLimitDays > 0 ? 34 : 80],
      ['late', 22],
    ]);
    const supplement = fate === 'supplement';
    const waited = supplement ? people.int(2, 14) * DAY + people.int(1, 8) * HOUR : 0;
    const pausedWorkingDays = supplement ? Math.max(1, Math.round(waited / DAY / 1.4)) : 0;
    due = dueAt(receivedAt, procedure.timeLimitDays + pausedWorkingDays, holidays);
    const dueDay = todayInVietnam(due);
    // Late ones: decided some working days after the due day, and often started late too.
    const lateDays = people.int(1, 10);
    const startAt =
      timeliness === 'late' && people.chance(0.6)
        ? atVietnamTime(addWorkingDays(dueDay, people.int(1, lateDays), holidays), people.int(8, 10), people.int(0, 59))
        : new Date(receivedAt.getTime() + people.int(20, 240) * 60_000);
    const neverStarted = fate === 'stalled' && people.chance(0.35);
    if (!neverStarted)
      add(startAt > receivedAt ? startAt : new Date(receivedAt.getTime() + HOUR), 'start', 'clerk', 'processing');
    if (supplement) {
      const asked = new Date(steps[steps.length - 1].at.getTime() + people.int(1, 6) * HOUR);
      add(asked, 'request_supplement', 'clerk', 'supplement_requested', people.pick(SUPPLEMENT_REASONS));
      add(new Date(asked.getTime() + waited), 'resubmit', 'citizen', 'processing');
      pausedSeconds = Math.round(waited / 1000);
    }
    if (fate === 'stalled') {
      // Stuck: never decided (a paper missing from another office, a leader away), overdue ever since.
      if (!neverStarted && people.chance(0.4))
        add(
          new Date(steps[steps.length - 1].at.getTime() + people.int(2, 72) * HOUR),
          'propose_approval',
          'clerk',
          'processing',
        );
    } else if (fate === 'withdraw') {
      finishedAt = new Date(steps[steps.length - 1].at.getTime() + people.int(2, 30) * HOUR);
      add(finishedAt, 'withdraw', 'citizen', 'withdrawn');
    } else {
      const receivedDay = todayInVietnam(receivedAt);
      const earlyDay = daysBefore(dueDay, people.int(1, Math.max(1, procedure.timeLimitDays)));
      const finishDay =
        timeliness === 'early'
          ? earlyDay < receivedDay
            ? receivedDay
            : earlyDay
          : timeliness === 'on_time'
            ? dueDay
            : addWorkingDays(dueDay, lateDays, holidays);
      const signedAt = atVietnamTime(finishDay, people.int(9, 16), people.int(0, 59));
      const lastAt = steps[steps.length - 1].at.getTime();
      // The proposal waits for the leader an hour or two, or (a late one) a day or more.
      const wait = (timeliness === 'late' ? people.int(8, 60) : people.int(1, 3)) * HOUR;
      const proposedAt = new Date(Math.max(lastAt + 30 * 60_000, signedAt.getTime() - wait));
      finishedAt = signedAt > proposedAt ? signedAt : new Date(proposedAt.getTime() + HOUR);
      const refusal = fate === 'refuse_after_review';
      add(
        proposedAt,
        refusal ? 'propose_refusal' : 'propose_approval',
        'clerk',
        'processing',
        refusal ? people.pick(REFUSAL_REASONS) : undefined,
      );
      add(finishedAt, 'sign', 'leader', refusal ? 'stopped' : 'processed');
    }
  }

  // Cut at now: what has not happened yet is not there.
  const happened = steps.filter((s) => s.at <= now);
  const last = happened[happened.length - 1];
  const finished = finishedAt !== null && finishedAt <= now;
  const approved = finished && last.to === 'processed';
  const electronicResult =
    approved && now.getTime() - (finishedAt as Date).getTime() <= input.electronicResultDays * DAY;
  // A paper result (before the portal signed electronic ones) was handed over a few days after signing.
  if (approved && !electronicResult) {
    const handedOver = new Date((finishedAt as Date).getTime() + people.int(1, 4) * DAY);
    if (handedOver <= now)
      happened.push({ at: handedOver, action: 'deliver', role: 'system', from: 'processed', to: 'returned' });
  }
  const final = happened[happened.length - 1];
  const awaitingSignature = final.action === 'propose_approval' || final.action === 'propose_refusal';
  const rated = approved && people.chance(0.45);
  const score = weighted(people, [
    [5, 55],
    [4, 25],
    [3, 10],
    [2, 6],
    [1, 4],
  ]);
  const ratedAt = finishedAt ? new Date(finishedAt.getTime() + people.int(1, 5) * DAY) : now;
  const receivedYet = intake !== null && intake <= now && happened.some((s) => s.to === 'received');
  return {
    procedureCode: procedure.code,
    unitCode: unit.code,
    provinceCode: unit.provinceCode,
    channel,
    data,
    feeLines: quote.lines,
    feeTotal: quote.total,
    late,
    submittedAt,
    receivedAt: receivedYet ? receivedAt : null,
    dueAt: receivedYet ? due : null,
    finishedAt: finished ? finishedAt : null,
    status: final.to,
    step: awaitingSignature ? 'awaiting_signature' : null,
    proposal: awaitingSignature ? (final.action === 'propose_approval' ? 'approve' : 'refuse') : null,
    pausedAt: final.to === 'supplement_requested' ? final.at : null,
    pausedSeconds: final.to === 'supplement_requested' ? 0 : pausedSeconds,
    steps: happened,
    paidOnlineAt: paidOnlineAt && paidOnlineAt <= now ? paidOnlineAt : null,
    electronicResult,
    electronicReceipt:
      paidOnlineAt !== null &&
      paidOnlineAt <= now &&
      now.getTime() - paidOnlineAt.getTime() <= input.electronicResultDays * DAY,
    rating:
      rated && ratedAt <= now
        ? { score, comment: people.chance(0.6) ? people.pick(COMMENTS[score]) : null, at: ratedAt }
        : null,
  };
}
